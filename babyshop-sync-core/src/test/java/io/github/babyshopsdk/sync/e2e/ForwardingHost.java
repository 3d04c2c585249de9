package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every host port, forwarded to an {@link InMemoryHost}, with a hook before and after each call: tests
 * override them to block a call or to crash the "process" before or after the host committed.
 */
class ForwardingHost implements HostOrders, HostCatalog, HostInventory, HostFulfilment {
    protected final InMemoryHost delegate;

    ForwardingHost(InMemoryHost delegate) {
        this.delegate = delegate;
    }

    /** Called before each host call, with the port method's name and its key (order number, SKU, ...). */
    protected void before(String method, String key) {
    }

    /** Called after each host call returned normally. */
    protected void after(String method, String key) {
    }

    @Override
    public String createOrder(ImportedOrder order) {
        before("createOrder", order.orderNo());
        String id = delegate.createOrder(order);
        after("createOrder", order.orderNo());
        return id;
    }

    @Override
    public void cancelOrder(String orderNo, String hostOrderId, String reason) {
        before("cancelOrder", orderNo);
        delegate.cancelOrder(orderNo, hostOrderId, reason);
        after("cancelOrder", orderNo);
    }

    @Override
    public void upsertSku(Product product) {
        before("upsertSku", product.sku());
        delegate.upsertSku(product);
        after("upsertSku", product.sku());
    }

    @Override
    public ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        before("changedSkus", afterToken.orElse(""));
        ChangeFeed<String> feed = delegate.changedSkus(afterToken);
        after("changedSkus", afterToken.orElse(""));
        return feed;
    }

    @Override
    public List<StockLevel> available(Collection<String> vendorSkuCodes) {
        before("available", String.valueOf(vendorSkuCodes.size()));
        List<StockLevel> levels = delegate.available(vendorSkuCodes);
        after("available", String.valueOf(vendorSkuCodes.size()));
        return levels;
    }

    @Override
    public ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        before("events", afterToken.orElse(""));
        ChangeFeed<HostEvent> feed = delegate.events(afterToken);
        after("events", afterToken.orElse(""));
        return feed;
    }

    @Override
    public void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        before("shipmentCreated", orderNo);
        delegate.shipmentCreated(orderNo, invoiceNo, label);
        after("shipmentCreated", orderNo);
    }
}
