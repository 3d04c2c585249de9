package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.BackOrderItem;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimReturn;
import java.util.List;

/**
 * Generated initial data.
 *
 * @param products SKUs
 * @param orders orders
 * @param invoices invoices of already invoiced orders
 * @param returns returns
 * @param backOrders back-order entries
 */
public record FixtureData(List<SimProduct> products, List<SimOrder> orders, List<IssuedInvoice> invoices,
                          List<SimReturn> returns, List<BackOrderItem> backOrders) {

    /** Copies the lists. */
    public FixtureData {
        products = List.copyOf(products);
        orders = List.copyOf(orders);
        invoices = List.copyOf(invoices);
        returns = List.copyOf(returns);
        backOrders = List.copyOf(backOrders);
    }
}
