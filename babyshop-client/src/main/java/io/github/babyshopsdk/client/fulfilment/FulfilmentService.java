package io.github.babyshopsdk.client.fulfilment;

import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import java.util.List;
import java.util.Objects;

/**
 * Courier-allocation operations: {@code generateInvoice}, {@code fetchInvoice}, {@code fetchDocuments},
 * {@code orderShipping} and {@code orderCancellation}. The client's implementation is obtained from
 * {@link io.github.babyshopsdk.client.BabyshopClient#fulfilment()}; it is thread-safe, every HTTP request
 * it sends takes one quota permit, and its failures are
 * {@link io.github.babyshopsdk.client.error.BabyshopException}s (a refused permit:
 * {@link io.github.babyshopsdk.client.error.QuotaExceededException}, sent nothing). Hosts may implement
 * this interface themselves, e.g. as a fake in their own tests.
 *
 * <p>The three writes here are not known to be idempotent. They are never repeated after a failure that
 * leaves their outcome open; such a failure is an {@link OutcomeUnknownException}, and the caller reads
 * the state back ({@link io.github.babyshopsdk.client.orders.OrderService#fetch}, {@link #fetchInvoice})
 * before sending again.
 */
public interface FulfilmentService {

    /**
     * Creates the invoice for lines of one order ({@code generateInvoice}, one request, never repeated
     * when its outcome is open) and returns the invoice number the server assigned (or accepted).
     *
     * @throws NullPointerException if {@code request} is null
     * @throws OutcomeUnknownException when the invoice may or may not exist now (including a success
     *     answer without an invoice number or with one of an impossible shape, and an answer too large
     *     or unreadable): read back before repeating
     * @throws io.github.babyshopsdk.client.error.BabyshopException for other failures (e.g. 101 unknown line)
     */
    String generateInvoice(InvoiceRequest request);

    /**
     * The lines of one invoice ({@code fetchInvoice}, one request); empty records when the invoice is
     * unknown.
     *
     * @throws IllegalArgumentException if {@code invoiceNo} is null or blank (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails
     */
    Records<InvoiceItem> fetchInvoice(String invoiceNo);

    /**
     * Downloads a document of an invoice ({@code fetchDocuments}, one request): {@link DocumentType#SHIPPING_LABEL}
     * for the AWB label, {@link DocumentType#INVOICE} for the invoice.
     *
     * <p>Labels and invoices are PDF files: an answer that is neither the JSON envelope (also behind a byte
     * order mark or blanks) nor a file starting with {@code %PDF-} is malformed, never returned as a
     * document; the body is refused while streaming once it passes 64 MiB.
     *
     * @throws IllegalArgumentException if {@code invoiceNo} is null or blank or {@code type} is null
     *     (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.NotFoundException if there is no such document (yet)
     * @throws io.github.babyshopsdk.client.error.MalformedResponseException if the answer is not a PDF, is
     *     larger than 64 MiB, or is an unreadable envelope (after the retries the policy allows)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails for another reason
     */
    Document fetchDocument(String invoiceNo, DocumentType type);

    /**
     * Records shipment handover ({@code orderShipping}) for 1 to
     * {@link io.github.babyshopsdk.client.ChannelLimits#MAX_BATCH} invoiced orders in one request, never
     * repeated when its outcome is open. The API answers for the batch only, so send one shipment per call
     * when each needs its own outcome.
     *
     * @throws IllegalArgumentException if {@code shipments} is null, empty, holds a null or more than
     *     {@link io.github.babyshopsdk.client.ChannelLimits#MAX_BATCH} shipments (nothing is sent)
     * @throws OutcomeUnknownException when the shipments may or may not be recorded: read back first
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails for another reason
     */
    void ship(List<Shipment> shipments);

    /**
     * {@link #ship(List)} for one shipment; the same request and exceptions.
     *
     * @throws NullPointerException if {@code shipment} is null
     */
    default void ship(Shipment shipment) {
        ship(List.of(Objects.requireNonNull(shipment, "shipment")));
    }

    /**
     * Cancels a whole order on the channel ({@code orderCancellation}, one request, never repeated when its
     * outcome is open); the API has no line-level cancellation and no reason field.
     *
     * @throws IllegalArgumentException if {@code orderNo} is null or blank (nothing is sent)
     * @throws OutcomeUnknownException when the order may or may not be cancelled now: read back first
     * @throws io.github.babyshopsdk.client.error.BabyshopException when the call fails for another reason
     */
    void cancelOrder(String orderNo);
}
