package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shipments flow (host -> Babyshop): packed orders get their invoice with transporter and AWB
 * (generateInvoice) and their AWB label (fetchDocuments), which goes to the host; shipped orders are
 * pushed (orderShipping). Runs the {@linkplain HostEventIntake host event intake} first, then the due
 * {@code CREATE_SHIPMENT} and {@code SHIP} entries under the shared rules of {@link OutboundRun} (only
 * imported orders, never send twice, read back an unknown outcome, retry or dead-letter, quota).
 *
 * <p>{@code CREATE_SHIPMENT}:
 * <ol>
 *   <li>Reads the order (orderFetch). If its lines already carry an invoice number, the shipment exists
 *       (our earlier write whose answer was lost, or an invoice made in the seller panel): that invoice is
 *       taken (the one whose AWB matches ours, if any) and no invoice is generated. This is also the
 *       read-back of an entry with an unknown outcome.</li>
 *   <li>Otherwise generates one invoice for every line of the order that is not cancelled, with the
 *       event's transporter and AWB.</li>
 *   <li>Once the invoice exists, its number is committed on the entry ({@code invoiceNo},
 *       {@code labelPending}) and on the order record in one transaction; from then on the entry only
 *       fetches the label and hands it to the host ({@code HostFulfilment.shipmentCreated}). A label
 *       that is not there yet (labels lag) is fetched again on a later run; the entry is {@code DONE}
 *       when the host has the label. If the label never comes, the entry is dead-lettered with a reason
 *       naming the invoice, which stays on the order record.</li>
 * </ol>
 *
 * <p>An invoice number (answered by generateInvoice or found on the order's lines) that is not a valid
 * {@link RemoteKey} is never stored: the entry is dead-lettered with the reason (the invoice may exist on
 * Babyshop; a person must look).
 *
 * <p>{@code SHIP}: needs the invoice of the order's shipment (the order record's {@code invoiceNo}, or the
 * one on the order's {@code CREATE_SHIPMENT} entry should a concurrent record update have lost it);
 * until it exists the entry waits ("waiting for the shipment to be created") without spending an attempt,
 * due again when the order's pending {@code CREATE_SHIPMENT} is due (at least {@code retryDelay} later),
 * and is dead-lettered with that reason once {@code EngineOptions.dependencyWait()} has passed since it was
 * created, or at once when every {@code CREATE_SHIPMENT} of the order is dead-lettered (the invoice cannot
 * come; the reason names the shipment's).
 * Sends orderShipping with the transporter and AWB given to generateInvoice (from the order's
 * {@code CREATE_SHIPMENT} entry; the Shipped event's own, if it carried them, otherwise). An unknown
 * outcome is read back: Shipped (15), Intransit (20) or Delivered (25) means done; Cancelled dead-letters the
 * entry with that reason (a resend could only be refused). An outbound mapping
 * that no longer maps Shipped skips the entry.
 *
 * <p>Stateless and thread-safe: every run keeps its state in its own {@link OutboundRun}.
 */
final class ShipmentFlow implements FlowRun {
    /** Why a SHIP entry waits. */
    static final String WAITING_FOR_SHIPMENT = "waiting for the shipment to be created";
    private static final Set<OrderStatus> SHIPPED_OR_LATER =
            EnumSet.of(OrderStatus.SHIPPED, OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED);
    private static final OutboundHandler HANDLER = new Handler();

    @Override
    public Flow flow() {
        return Flow.SHIPMENTS;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        return new OutboundRun(Flow.SHIPMENTS, context, now, HANDLER).execute();
    }

    /** The shipment operations. Stateless. */
    private static final class Handler implements OutboundHandler {

        @Override
        public int calls(OutboxEntry entry) {
            if (entry.operation() == OutboxOperation.CREATE_SHIPMENT) {
                return OutboundData.labelPending(entry) ? 1 : 3;
            }
            return entry.outcomeUnknown() ? 2 : 1;
        }

        @Override
        public void process(OutboundRun run, OutboxEntry entry, OrderRecord order) {
            switch (entry.operation()) {
                case CREATE_SHIPMENT:
                    createShipment(run, entry);
                    break;
                case SHIP:
                    ship(run, entry, order);
                    break;
                default:
                    run.dead(entry, entry.operation() + " is not an operation of the shipments flow");
            }
        }

        private void createShipment(OutboundRun run, OutboxEntry entry) {
            Optional<String> pendingInvoice = OutboundData.get(entry, OutboundData.INVOICE_NO);
            if (OutboundData.labelPending(entry)) {
                deliverLabel(run, entry, pendingInvoice.orElseThrow());
                return;
            }
            Optional<String> transporter = OutboundData.get(entry, OutboundData.TRANSPORTER);
            Optional<String> awbNo = OutboundData.get(entry, OutboundData.AWB_NO);
            if (transporter.isEmpty() || awbNo.isEmpty()) {
                run.dead(entry, "the PACKED event carried no transporter or AWB number");
                return;
            }
            Optional<Order> order = run.readOrder(entry);
            if (order.isEmpty()) {
                return;
            }
            Optional<String> existing = existingInvoice(order.get(), awbNo.get());
            Optional<String> existingProblem = existing.flatMap(RemoteKey::problem);
            if (existingProblem.isPresent()) {
                run.dead(entry, "the invoice number on Babyshop cannot be kept (" + existingProblem.get() + "): "
                        + RemoteKey.storageForm(existing.get()));
                return;
            }
            if (existing.isPresent()) {
                OutboxEntry created = invoiceCreated(run, entry, existing.get());
                deliverLabel(run, created, existing.get());
                return;
            }
            if (!run.mayAttempt(entry)) {
                return;
            }
            InvoiceRequest request;
            try {
                request = invoiceRequest(order.get(), entry.orderNo(), transporter.get(), awbNo.get());
            } catch (IllegalArgumentException e) {
                run.dead(entry, "cannot build the invoice request: " + OutboundData.describe(e));
                return;
            }
            if (request == null) {
                run.dead(entry, "no line to invoice: every line of order " + entry.orderNo() + " is cancelled");
                return;
            }
            Optional<OutboxEntry> inFlight = run.markInFlight(entry);
            if (inFlight.isEmpty()) {
                return;
            }
            String invoiceNo;
            try {
                invoiceNo = run.context().channel().createInvoice(request);
            } catch (RuntimeException e) {
                run.sendFailed(inFlight.get(), e);
                return;
            }
            if (invoiceNo == null || invoiceNo.isBlank()) {
                run.sendFailed(inFlight.get(), new IllegalStateException("generateInvoice answered no invoice number"));
                return;
            }
            Optional<String> invoiceProblem = RemoteKey.problem(invoiceNo);
            if (invoiceProblem.isPresent()) {
                // the invoice exists on Babyshop; the mark stays: a person must look
                run.dead(inFlight.get(), "generateInvoice answered an invoice number that cannot be kept ("
                        + invoiceProblem.get() + "): " + RemoteKey.storageForm(invoiceNo));
                return;
            }
            OutboxEntry created = invoiceCreated(run, inFlight.get(), invoiceNo);
            deliverLabel(run, created, invoiceNo);
        }

        /** Commits the invoice on the entry (label still to come) and on the order record, in one transaction. */
        private OutboxEntry invoiceCreated(OutboundRun run, OutboxEntry entry, String invoiceNo) {
            OutboxEntry next = OutboxEntry.builder().from(
                            OutboundData.with(OutboundData.with(entry, OutboundData.INVOICE_NO, invoiceNo),
                                    OutboundData.LABEL_PENDING, "true")).outcomeUnknown(false).attempts(0).lastError(Optional.empty()).notBefore(run.now()).build();
            Instant at = run.context().clock().instant();
            return run.progress(next, record -> OrderRecord.builder().from(record).invoiceNo(invoiceNo).updatedAt(at).build());
        }

        private void deliverLabel(OutboundRun run, OutboxEntry entry, String invoiceNo) {
            String what = "the AWB label of invoice " + invoiceNo + " is not available yet";
            Document label;
            try {
                label = run.context().channel().fetchLabel(invoiceNo);
                if (label == null) {
                    throw new IllegalStateException("fetchDocuments answered no document");
                }
            } catch (RuntimeException e) {
                run.callFailed(entry, e, what, true);
                return;
            }
            try {
                run.context().hostFulfilment().shipmentCreated(entry.orderNo(), invoiceNo, label);
            } catch (RuntimeException e) {
                run.callFailed(entry, e, "the host did not take the AWB label of invoice " + invoiceNo, true);
                return;
            }
            run.done(OutboundData.without(entry, OutboundData.LABEL_PENDING), "invoice " + invoiceNo + ", AWB "
                    + OutboundData.get(entry, OutboundData.AWB_NO).orElse("?") + ", label delivered to the host",
                    OutboundRun::unchanged);
        }

        private void ship(OutboundRun run, OutboxEntry entry, OrderRecord order) {
            if (entry.outcomeUnknown()) {
                Optional<Order> current = run.readOrder(entry);
                if (current.isEmpty()) {
                    return;
                }
                if (SHIPPED_OR_LATER.contains(current.get().status())) {
                    run.done(entry, "found " + current.get().status().label() + " on Babyshop by read-back",
                            OutboundRun::unchanged);
                    return;
                }
                if (current.get().status() == OrderStatus.CANCELLED) {
                    // sending again could only be refused again: settle it with the reason instead
                    run.dead(entry, "the order is Cancelled on Babyshop: it can no longer be shipped there");
                    return;
                }
            }
            Optional<String> refusal = HostEventIntake.shipRefusal(run.mapping(), run.context().statusMapper());
            if (refusal.isPresent()) {
                run.skipped(entry, refusal.get());
                return;
            }
            List<OutboxEntry> shipments = shipmentsOf(run, entry.orderNo());
            Optional<String> invoiceNo = order.invoiceNo().filter(no -> !no.isBlank())
                    .or(() -> latestInvoice(shipments));
            Optional<Handover> handover = invoiceNo.flatMap(no -> handover(shipments, entry, no));
            if (invoiceNo.isEmpty() || handover.isEmpty()) {
                Optional<OutboxEntry> failedShipment = failedForGood(shipments);
                if (invoiceNo.isEmpty() && failedShipment.isPresent()) {
                    run.dead(entry, WAITING_FOR_SHIPMENT + ", but the order's shipment was dead-lettered: "
                            + failedShipment.get().lastError().orElse("no reason given"));
                    return;
                }
                run.waitFor(entry, WAITING_FOR_SHIPMENT, dependencyDue(run, shipments));
                return;
            }
            if (!run.mayAttempt(entry)) {
                return;
            }
            Shipment shipment;
            try {
                shipment = Shipment.of(entry.orderNo(), invoiceNo.get(), handover.get().transporter(),
                        handover.get().awbNo());
            } catch (IllegalArgumentException e) {
                run.dead(entry, "cannot build the shipping request: " + OutboundData.describe(e));
                return;
            }
            Optional<OutboxEntry> inFlight = run.markInFlight(entry);
            if (inFlight.isEmpty()) {
                return;
            }
            try {
                run.context().channel().ship(shipment);
            } catch (RuntimeException e) {
                run.sendFailed(inFlight.get(), e);
                return;
            }
            run.done(inFlight.get(), "shipped: invoice " + shipment.invoiceNo() + ", AWB " + shipment.awbNo(),
                    OutboundRun::unchanged);
        }

        /**
         * The order's latest shipment when every one of its shipments is dead-lettered (none pending or
         * done): the invoice can then not come without a new PACKED event; empty otherwise.
         */
        private static Optional<OutboxEntry> failedForGood(List<OutboxEntry> shipments) {
            if (shipments.isEmpty()
                    || shipments.stream().anyMatch(shipment -> shipment.status() != OutboxStatus.DEAD)) {
                return Optional.empty();
            }
            return Optional.of(shipments.get(shipments.size() - 1));
        }

        /**
         * When a SHIP waiting for its shipment may find it: when the latest pending {@code CREATE_SHIPMENT}
         * of the order is due (its read-back or retry), else after the retry delay (no shipment queued yet).
         */
        private static Instant dependencyDue(OutboundRun run, List<OutboxEntry> shipments) {
            Instant due = run.retryAt();
            for (OutboxEntry shipment : shipments) {
                if (shipment.status() == OutboxStatus.PENDING && shipment.notBefore().isAfter(due)) {
                    due = shipment.notBefore();
                }
            }
            return due;
        }

        /** The order's {@code CREATE_SHIPMENT} entries that were not skipped, oldest first. */
        private static List<OutboxEntry> shipmentsOf(OutboundRun run, String orderNo) {
            List<OutboxEntry> forOrder = run.context().store().inTransaction(tx -> {
                return tx.outbox().forOrder(orderNo);
            });
            List<OutboxEntry> shipments = new ArrayList<>();
            for (OutboxEntry other : forOrder) {
                if (other.operation() == OutboxOperation.CREATE_SHIPMENT && other.status() != OutboxStatus.SKIPPED) {
                    shipments.add(other);
                }
            }
            return shipments;
        }

        /**
         * The invoice of the order's latest shipment: the fallback when the order record lacks it (the
         * record is the primary source; the entry carries the same number from the same transaction).
         */
        private static Optional<String> latestInvoice(List<OutboxEntry> shipments) {
            Optional<String> latest = Optional.empty();
            for (OutboxEntry shipment : shipments) {
                Optional<String> invoice = OutboundData.get(shipment, OutboundData.INVOICE_NO);
                if (invoice.isPresent()) {
                    latest = invoice;
                }
            }
            return latest;
        }

        /**
         * The transporter and AWB to ship with: those of the order's shipment with this invoice, else of its
         * latest shipment, else the ones the Shipped event carried.
         */
        private static Optional<Handover> handover(List<OutboxEntry> shipments, OutboxEntry entry, String invoiceNo) {
            Optional<Handover> latest = Optional.empty();
            for (OutboxEntry shipment : shipments) {
                Optional<Handover> handover = Handover.of(shipment);
                if (handover.isEmpty()) {
                    continue;
                }
                if (OutboundData.get(shipment, OutboundData.INVOICE_NO).map(invoiceNo::equals).orElse(false)) {
                    return handover;
                }
                latest = handover;
            }
            return latest.isPresent() ? latest : Handover.of(entry);
        }

        /** The invoice already on the order's lines: the one with our AWB, else the first; empty if none. */
        private static Optional<String> existingInvoice(Order order, String awbNo) {
            Optional<String> any = Optional.empty();
            for (OrderLine line : order.lines()) {
                Optional<String> invoice = line.invoiceNo().filter(no -> !no.isBlank());
                if (invoice.isEmpty()) {
                    continue;
                }
                if (line.awbNo().map(awbNo::equals).orElse(false)) {
                    return invoice;
                }
                if (any.isEmpty()) {
                    any = invoice;
                }
            }
            return any;
        }

        /**
         * One invoice for every line of the order that is not cancelled, or {@code null} when none is left.
         *
         * @throws IllegalArgumentException when a value breaks generateInvoice's rules (e.g. an AWB over 50)
         */
        private static InvoiceRequest invoiceRequest(Order order, String orderNo, String transporter, String awbNo) {
            List<InvoiceLineRequest> lines = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                if (isCancelled(line)) {
                    continue;
                }
                lines.add(InvoiceLineRequest.builder().lineNo(line.lineNo().trim()).transporterName(transporter)
                        .trackingNo(awbNo).build());
            }
            if (lines.isEmpty()) {
                return null;
            }
            return InvoiceRequest.builder().orderNo(orderNo).lines(lines).build();
        }
    }

    /** The courier and AWB number of a shipment. */
    private record Handover(String transporter, String awbNo) {
        static Optional<Handover> of(OutboxEntry entry) {
            Optional<String> transporter = OutboundData.get(entry, OutboundData.TRANSPORTER);
            Optional<String> awbNo = OutboundData.get(entry, OutboundData.AWB_NO);
            return transporter.isPresent() && awbNo.isPresent()
                    ? Optional.of(new Handover(transporter.get(), awbNo.get())) : Optional.empty();
        }
    }

    /** Whether a line is cancelled on Babyshop: its status is Cancelled or its whole quantity is cancelled. */
    static boolean isCancelled(OrderLine line) {
        if (line.lineStatus() == OrderStatus.CANCELLED) {
            return true;
        }
        Optional<BigDecimal> ordered = line.orderQty();
        Optional<BigDecimal> cancelled = line.cancelledQty();
        return ordered.isPresent() && cancelled.isPresent() && ordered.get().signum() > 0
                && cancelled.get().compareTo(ordered.get()) >= 0;
    }
}
