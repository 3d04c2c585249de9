package io.github.babyshopsdk.client.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.internal.CallExecutor;
import io.github.babyshopsdk.client.internal.SellerPanelApi;
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
 * Courier-allocation operations: {@code generateInvoice}, {@code fetchInvoice}, {@code fetchDocuments},
 * {@code orderShipping} and {@code orderCancellation}. Obtained from
 * {@link io.github.babyshopsdk.client.BabyshopClient#fulfilment()}; thread-safe.
 *
 * <p>The three writes here are not known to be idempotent. They are never repeated after a failure that
 * leaves their outcome open; such a failure is an {@link OutcomeUnknownException}, and the caller reads
 * the state back ({@link io.github.babyshopsdk.client.orders.OrderService#fetch}, {@link #fetchInvoice})
 * before sending again.
 */
public final class FulfilmentService {
    private final CallExecutor executor;
    private final SellerPanelApi api;
    private final WireCodec codec;

    /** Wiring for {@link io.github.babyshopsdk.client.BabyshopClient}; not for direct use. */
    public FulfilmentService(CallExecutor executor, SellerPanelApi api, WireCodec codec) {
        this.executor = executor;
        this.api = api;
        this.codec = codec;
    }

    /**
     * Creates the invoice for lines of one order ({@code generateInvoice}) and returns the invoice number
     * the server assigned (or accepted).
     *
     * @throws OutcomeUnknownException when the invoice may or may not exist now (including a success
     *     answer without an invoice number or with one of an impossible shape, and an answer too large
     *     or unreadable): read back before repeating
     * @throws io.github.babyshopsdk.client.error.BabyshopException for other failures (e.g. 101 unknown line)
     */
    public String generateInvoice(InvoiceRequest request) {
        Objects.requireNonNull(request, "request");
        String json = codec.generateInvoice(request);
        Optional<String> invoiceNo = executor.json(Operation.GENERATE_INVOICE,
                key -> api.generateInvoice(key, json), codec::invoiceNo);
        return invoiceNo.orElseThrow(() -> new OutcomeUnknownException(Operation.GENERATE_INVOICE,
                0, null, "the server answered success without an invoiceNo; read the order back to find it", null));
    }

    /** The lines of one invoice ({@code fetchInvoice}); empty records when the invoice is unknown. */
    public Records<InvoiceItem> fetchInvoice(String invoiceNo) {
        String json = codec.fetchInvoice(invoiceNo);
        return executor.json(Operation.FETCH_INVOICE, key -> api.fetchInvoice(key, json), codec::invoiceItems);
    }

    /**
     * Downloads a document of an invoice ({@code fetchDocuments}): {@link DocumentType#SHIPPING_LABEL} for
     * the AWB label, {@link DocumentType#INVOICE} for the invoice.
     *
     * <p>Labels and invoices are PDF files: an answer that is neither the JSON envelope (also behind a byte
     * order mark or blanks) nor a file starting with {@code %PDF-} is malformed, never returned as a
     * document; the body is refused while streaming once it passes 64 MiB.
     *
     * @throws io.github.babyshopsdk.client.error.NotFoundException if there is no such document (yet)
     * @throws io.github.babyshopsdk.client.error.MalformedResponseException if the answer is not a PDF, is
     *     larger than 64 MiB, or is an unreadable envelope (after the retries the policy allows)
     */
    public Document fetchDocument(String invoiceNo, DocumentType type) {
        String json = codec.fetchDocuments(invoiceNo, type);
        return executor.document(type, key -> api.fetchDocuments(key, json));
    }

    /**
     * Records shipment handover ({@code orderShipping}) for 1 to
     * {@link io.github.babyshopsdk.client.ChannelLimits#MAX_BATCH} invoiced orders in one call. The API
     * answers for the batch only, so send one shipment per call when each needs its own outcome.
     *
     * @throws OutcomeUnknownException when the shipments may or may not be recorded: read back first
     */
    public void ship(List<Shipment> shipments) {
        String json = codec.orderShipping(shipments);
        executor.json(Operation.ORDER_SHIPPING, key -> api.orderShipping(key, json));
    }

    /** {@link #ship(List)} for one shipment. */
    public void ship(Shipment shipment) {
        ship(List.of(Objects.requireNonNull(shipment, "shipment")));
    }

    /**
     * Cancels a whole order on the channel ({@code orderCancellation}); the API has no line-level
     * cancellation and no reason field.
     *
     * @throws OutcomeUnknownException when the order may or may not be cancelled now: read back first
     */
    public void cancelOrder(String orderNo) {
        String json = codec.orderCancellation(orderNo);
        executor.json(Operation.ORDER_CANCELLATION, key -> api.orderCancellation(key, json));
    }
}
