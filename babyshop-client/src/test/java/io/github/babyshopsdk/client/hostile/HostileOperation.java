package io.github.babyshopsdk.client.hostile;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.internal.wire.ReferenceExamples;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Shipment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The 15 SellerPanel V3 operations as the harness drives them: one public-client call each (built from
 * the reference's request example) and the reference's success answer, which the mutations start from.
 */
enum HostileOperation {
    AUTH_TOKEN(Operation.AUTH_TOKEN, BabyshopClient::authenticate, """
            {"status": "SUCCESS", "apiKey": "NTfmU5MWY4MTI3Nzc3YzQ5YzYFmYjlmM2M0YTlhNGU3OGZmYzQwNDE1NmEzMGFi",
             "apiOwner": "50JUCH"}
            """),
    PRODUCT_FETCH(Operation.PRODUCT_FETCH,
            client -> client.catalog().productPage(ProductQuery.builder().updatedSince(Fixtures.NEW_YEAR_2015_IST)
                    .limit(10).build()),
            ReferenceExamples.PRODUCT_FETCH),
    INVENTORY_PRICE_UPDATE(Operation.INVENTORY_PRICE_UPDATE,
            client -> client.catalog().updateInventory(List.of(InventoryItem.builder()
                    .sku("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1").quantity(new BigDecimal("11"))
                    .salePrice(new BigDecimal("1299.00")).build())),
            ReferenceExamples.INVENTORY_PRICE_UPDATE),
    INVENTORY_PRICE_STATUS(Operation.INVENTORY_PRICE_STATUS,
            client -> client.catalog().moderationStatus(List.of("108", "109")),
            ReferenceExamples.INVENTORY_PRICE_STATUS),
    SKU_BACK_ORDER(Operation.SKU_BACK_ORDER, client -> client.catalog().backOrders(),
            ReferenceExamples.SKU_BACK_ORDER),
    ORDER_LIST(Operation.ORDER_LIST,
            client -> client.orders().listPage(OrderListQuery.builder().updatedSince(Fixtures.NEW_YEAR_2015_IST)
                    .addStatusCodes("1", "5", "10").pageNumber(2).limit(2).build()),
            ReferenceExamples.ORDER_LIST),
    ORDER_LIST_JIT(Operation.ORDER_LIST_JIT,
            client -> client.orders().listJitPage(OrderListQuery.builder()
                    .updatedSince(Fixtures.NEW_YEAR_2015_IST).addStatusCodes("7", "10").build()),
            ReferenceExamples.ORDER_LIST),
    ORDER_FETCH(Operation.ORDER_FETCH, client -> client.orders().fetch(List.of("501242014-33", "100000020")),
            ReferenceExamples.ORDER_FETCH),
    ORDER_FETCH_JIT(Operation.ORDER_FETCH_JIT,
            client -> client.orders().fetchJit(List.of("501242014-33", "100000020")),
            ReferenceExamples.ORDER_FETCH),
    ORDER_RETURN(Operation.ORDER_RETURN,
            client -> client.orders().returnsPage(ReturnQuery.builder()
                    .updatedFrom(Instant.parse("2021-06-06T19:54:38Z"))
                    .updatedTo(Instant.parse("2021-06-09T18:29:59Z"))
                    .addStatusCodes("10", "15", "20", "25", "30", "35", "40", "5")
                    .sellerId("mwhc1").build()),
            ReferenceExamples.ORDER_RETURN),
    GENERATE_INVOICE(Operation.GENERATE_INVOICE,
            client -> client.fulfilment().generateInvoice(Fixtures.referenceInvoice()),
            ReferenceExamples.GENERATE_INVOICE),
    FETCH_INVOICE(Operation.FETCH_INVOICE, client -> client.fulfilment().fetchInvoice("AC0011617000001"),
            ReferenceExamples.FETCH_INVOICE),
    /** Answers a file; its JSON mutations start from the error envelope it answers when there is none. */
    FETCH_DOCUMENTS(Operation.FETCH_DOCUMENTS,
            client -> client.fulfilment().fetchDocument("43549032482934345", DocumentType.SHIPPING_LABEL),
            "{\"responseCode\": 404, \"responseMessage\": \"Document not found\"}"),
    ORDER_SHIPPING(Operation.ORDER_SHIPPING,
            client -> {
                client.fulfilment().ship(List.of(
                        Shipment.of("100000018", "AC0011617000001", "delivery", "123123"),
                        Shipment.of("100000054", "AC0011617000002", "delivery", "123123")));
                return null;
            },
            ReferenceExamples.ENVELOPE_ONLY),
    ORDER_CANCELLATION(Operation.ORDER_CANCELLATION,
            client -> {
                client.fulfilment().cancelOrder("AB1883884");
                return null;
            },
            ReferenceExamples.ENVELOPE_ONLY);

    private final Operation operation;
    private final Function<BabyshopClient, Object> call;
    private final String referenceJson;

    HostileOperation(Operation operation, Function<BabyshopClient, Object> call, String referenceJson) {
        this.operation = operation;
        this.call = call;
        this.referenceJson = referenceJson;
    }

    Operation operation() {
        return operation;
    }

    /** The path under the base URL, e.g. {@code orderListJIT}. */
    String path() {
        return operation.path();
    }

    /** A write that must never be repeated blindly: an open outcome is {@code OutcomeUnknownException}. */
    boolean isNonIdempotentWrite() {
        return operation.idempotency() == Operation.Idempotency.NON_IDEMPOTENT_WRITE;
    }

    /** The reference's JSON answer (for fetchDocuments: its JSON error envelope). */
    String referenceJson() {
        return referenceJson;
    }

    /** Runs the public client method; returns its result ({@code null} for void methods). */
    Object invoke(BabyshopClient client) {
        return call.apply(client);
    }

    /**
     * How many per-record failures a result carries, or -1 when the result type has none; the harness
     * checks this stays bounded whatever the body held.
     */
    static int failures(Object result) {
        if (result instanceof Page<?> page) {
            return page.failures().size();
        }
        if (result instanceof Records<?> records) {
            return records.failures().size();
        }
        if (result instanceof InventoryUpdateResult inventory) {
            return inventory.rejected().size();
        }
        return -1;
    }

    /** How many records a result carries, or -1 when it is not a list result. */
    static int records(Object result) {
        if (result instanceof Page<?> page) {
            return page.records().size();
        }
        if (result instanceof Records<?> records) {
            return records.records().size();
        }
        if (result instanceof InventoryUpdateResult inventory) {
            return inventory.accepted().size();
        }
        if (result instanceof Document document) {
            return document.size() > 0 ? 1 : 0;
        }
        return -1;
    }

    /** Inputs taken from the reference's request examples. */
    static final class Fixtures {
        /** {@code 01/01/2015 00:00:00} in Asia/Kolkata, the reference's example date. */
        static final Instant NEW_YEAR_2015_IST = Instant.parse("2014-12-31T18:30:00Z");
        /** A small but real-looking PDF file, as fetchDocuments would stream it. */
        static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
                + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

        private Fixtures() {
        }

        /** The reference's generateInvoice example (§2.11) as a request value. */
        static InvoiceRequest referenceInvoice() {
            return InvoiceRequest.builder().orderNo("AB123456").addLines(InvoiceLineRequest.builder()
                    .lineNo("2").invoiceNo("3231311432432324").transporterName("ECOM").trackingNo("123456")
                    .imeiNos("1323454,24350990,894092492").build()).build();
        }
    }
}
