package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.fulfilment.FulfilmentService;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's {@link FulfilmentService}: each operation through the client's {@link CallExecutor} (one
 * quota permit per request, typed failures; writes are never repeated when their outcome is open).
 * Thread-safe; see the interface for the contract.
 */
final class HttpFulfilmentService implements FulfilmentService {
    private final CallExecutor executor;
    private final SellerPanelApi api;
    private final WireCodec codec;

    /** A service whose requests go through {@code executor}. */
    HttpFulfilmentService(CallExecutor executor, SellerPanelApi api, WireCodec codec) {
        this.executor = executor;
        this.api = api;
        this.codec = codec;
    }

    @Override
    public String generateInvoice(InvoiceRequest request) {
        Objects.requireNonNull(request, "request");
        String json = codec.generateInvoice(request);
        Optional<String> invoiceNo = executor.json(Operation.GENERATE_INVOICE,
                key -> api.generateInvoice(key, json), codec::invoiceNo);
        return invoiceNo.orElseThrow(() -> new OutcomeUnknownException(Operation.GENERATE_INVOICE,
                0, null, "the server answered success without an invoiceNo; read the order back to find it", null));
    }

    @Override
    public Records<InvoiceItem> fetchInvoice(String invoiceNo) {
        String json = codec.fetchInvoice(invoiceNo);
        return executor.json(Operation.FETCH_INVOICE, key -> api.fetchInvoice(key, json), codec::invoiceItems);
    }

    @Override
    public Document fetchDocument(String invoiceNo, DocumentType type) {
        String json = codec.fetchDocuments(invoiceNo, type);
        return executor.document(type, key -> api.fetchDocuments(key, json));
    }

    @Override
    public void ship(List<Shipment> shipments) {
        String json = codec.orderShipping(shipments);
        executor.json(Operation.ORDER_SHIPPING, key -> api.orderShipping(key, json));
    }

    @Override
    public void cancelOrder(String orderNo) {
        String json = codec.orderCancellation(orderNo);
        executor.json(Operation.ORDER_CANCELLATION, key -> api.orderCancellation(key, json));
    }
}
