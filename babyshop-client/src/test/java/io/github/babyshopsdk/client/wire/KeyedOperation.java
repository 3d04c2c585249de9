package io.github.babyshopsdk.client.wire;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import okio.Buffer;

/**
 * The 14 operations that carry the {@code ApiKey} header, each with one public-client call built from the
 * reference's request example and a success answer built from its response example. Used by the tests
 * that run the same behaviour (response codes, re-authentication) across every operation.
 */
enum KeyedOperation {
    PRODUCT_FETCH(Operation.PRODUCT_FETCH,
            client -> client.catalog().productPage(ProductQuery.builder()
                    .updatedSince(KeyedOperation.newYear2015Ist()).limit(10).build()),
            ReferenceResponses.PRODUCT_FETCH),
    INVENTORY_PRICE_UPDATE(Operation.INVENTORY_PRICE_UPDATE,
            client -> client.catalog().updateInventory(List.of(InventoryItem.builder()
                    .sku("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1").quantity(new BigDecimal("11"))
                    .salePrice(new BigDecimal("1299.00")).build())),
            ReferenceResponses.INVENTORY_PRICE_UPDATE),
    INVENTORY_PRICE_STATUS(Operation.INVENTORY_PRICE_STATUS,
            client -> client.catalog().moderationStatus(List.of("108", "109")),
            ReferenceResponses.INVENTORY_PRICE_STATUS),
    SKU_BACK_ORDER(Operation.SKU_BACK_ORDER, client -> client.catalog().backOrders(),
            ReferenceResponses.SKU_BACK_ORDER),
    ORDER_LIST(Operation.ORDER_LIST,
            client -> client.orders().listPage(OrderListQuery.builder().updatedSince(KeyedOperation.newYear2015Ist())
                    .addStatusCodes("1", "5", "10").pageNumber(2).limit(2).build()),
            ReferenceResponses.ORDER_LIST),
    ORDER_LIST_JIT(Operation.ORDER_LIST_JIT,
            client -> client.orders().listJitPage(OrderListQuery.builder()
                    .updatedSince(KeyedOperation.newYear2015Ist()).addStatusCodes("7", "10").build()),
            ReferenceResponses.ORDER_LIST),
    ORDER_FETCH(Operation.ORDER_FETCH, client -> client.orders().fetch(List.of("100000019", "100000020")),
            ReferenceResponses.ORDER_FETCH),
    ORDER_FETCH_JIT(Operation.ORDER_FETCH_JIT, client -> client.orders().fetchJit(List.of("100000019", "100000020")),
            ReferenceResponses.ORDER_FETCH),
    ORDER_RETURN(Operation.ORDER_RETURN,
            client -> client.orders().returnsPage(ReturnQuery.builder()
                    .updatedFrom(Instant.parse("2021-06-06T19:54:38Z"))
                    .updatedTo(Instant.parse("2021-06-09T18:29:59Z"))
                    .addStatusCodes("10", "15", "20", "25", "30", "35", "40", "5")
                    .sellerId("mwhc1").build()),
            ReferenceResponses.ORDER_RETURN),
    GENERATE_INVOICE(Operation.GENERATE_INVOICE,
            client -> client.fulfilment().generateInvoice(KeyedOperation.referenceInvoice()),
            ReferenceResponses.GENERATE_INVOICE),
    FETCH_INVOICE(Operation.FETCH_INVOICE, client -> client.fulfilment().fetchInvoice("AC0011617000001"),
            ReferenceResponses.FETCH_INVOICE),
    FETCH_DOCUMENTS(Operation.FETCH_DOCUMENTS,
            client -> client.fulfilment().fetchDocument("43549032482934345", DocumentType.SHIPPING_LABEL),
            null),
    ORDER_SHIPPING(Operation.ORDER_SHIPPING,
            client -> {
                client.fulfilment().ship(List.of(
                        Shipment.of("100000018", "AC0011617000001", "delivery", "123123"),
                        Shipment.of("100000054", "AC0011617000002", "delivery", "123123")));
                return null;
            },
            ReferenceResponses.ENVELOPE_ONLY),
    ORDER_CANCELLATION(Operation.ORDER_CANCELLATION,
            client -> {
                client.fulfilment().cancelOrder("AB1883884");
                return null;
            },
            ReferenceResponses.ENVELOPE_ONLY);

    /** {@code 01/01/2015 00:00:00} in Asia/Kolkata, the reference's example date. */
    static final Instant NEW_YEAR_2015_IST = Instant.parse("2014-12-31T18:30:00Z");
    /** A small but real-looking PDF file, as fetchDocuments would stream it. */
    static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

    private final Operation operation;
    private final Function<BabyshopClient, Object> call;
    private final String successJson;

    KeyedOperation(Operation operation, Function<BabyshopClient, Object> call, String successJson) {
        this.operation = operation;
        this.call = call;
        this.successJson = successJson;
    }

    Operation operation() {
        return operation;
    }

    /** The wire path segment, e.g. {@code orderListJIT}. */
    String path() {
        return operation.path();
    }

    /** Runs the public client method; returns its result ({@code null} for void methods). */
    Object invoke(BabyshopClient client) {
        return call.apply(client);
    }

    /** The reference's example answer of this operation (a PDF for fetchDocuments). */
    MockResponse success() {
        return this == FETCH_DOCUMENTS ? pdf() : MockSellerPanel.json(successJson);
    }

    /** A fetchDocuments answer: the PDF with content type and file name. */
    static MockResponse pdf() {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/pdf")
                .setHeader("Content-Disposition", "attachment; filename=\"label-43549032482934345.pdf\"")
                .body(new Buffer().write(PDF)).build();
    }

    /** {@link #NEW_YEAR_2015_IST}, callable from the constants above. */
    static Instant newYear2015Ist() {
        return NEW_YEAR_2015_IST;
    }

    /** The reference's generateInvoice example (§2.11) as a request value. */
    static InvoiceRequest referenceInvoice() {
        return InvoiceRequest.builder().orderNo("AB123456").addLines(InvoiceLineRequest.builder()
                .lineNo("2").invoiceNo("3231311432432324").transporterName("ECOM").trackingNo("123456")
                .imeiNos("1323454,24350990,894092492").build()).build();
    }
}
