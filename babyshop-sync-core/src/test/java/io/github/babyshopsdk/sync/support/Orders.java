package io.github.babyshopsdk.sync.support;

import io.github.babyshopsdk.client.model.Address;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** Babyshop orders for tests. */
public final class Orders {
    public static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private Orders() {
    }

    public static Order order(String orderNo, OrderStatus status, String country, Instant updated) {
        return Order.builder().orderNo(orderNo).masterOrderNo("M-" + orderNo).statusCode(status.code())
                .orderDate(updated.minusSeconds(3600)).lastUpdated(updated).currency("AED")
                .orderAmount(new BigDecimal("120.00"))
                .shippingAddress(Address.builder().countryCode(country).city(country.equals("SAU") ? "Riyadh" : "Dubai")
                        .state(country.equals("SAU") ? "Riyadh" : "Dubai").build())
                .addLines(line("1", "SKU-A", "2", "0"), line("2", "SKU-B", "1", "0"))
                .build();
    }

    public static OrderLine line(String lineNo, String sku, String ordered, String cancelled) {
        return OrderLine.builder().lineNo(lineNo).sku(sku).orderQty(new BigDecimal(ordered))
                .cancelledQty(new BigDecimal(cancelled)).lineStatusCode("1").build();
    }
}
