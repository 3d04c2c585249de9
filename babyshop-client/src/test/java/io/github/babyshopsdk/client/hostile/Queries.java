package io.github.babyshopsdk.client.hostile;

import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ProductQuery;
import java.time.Instant;

/** Requests the hostile-answer tests send. */
final class Queries {
    static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");
    static final OrderListQuery ORDERS = OrderListQuery.builder().updatedSince(SINCE).build();
    static final ProductQuery PRODUCTS = ProductQuery.builder().updatedSince(SINCE).build();
    static final InvoiceRequest INVOICE = InvoiceRequest.builder().orderNo("AB123456")
            .addLines(InvoiceLineRequest.builder().lineNo("2").transporterName("ECOM").trackingNo("123456").build())
            .build();

    private Queries() {
    }
}
