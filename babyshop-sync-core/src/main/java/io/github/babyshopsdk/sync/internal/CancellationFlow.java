package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The cancellations flow (host -> Babyshop): a whole-order cancellation in the host cancels the order on
 * Babyshop (orderCancellation), only while "Automated Order Cancellation On Sales Channel" is on and the
 * outbound mapping maps the host's CANCELLED to {@code ChannelAction.CANCELLED}. Runs the
 * {@linkplain HostEventIntake host event intake} first, then the due {@code CANCEL} entries under the
 * shared rules of {@link OutboundRun} (only imported orders, never send twice, read back an unknown
 * outcome, retry or dead-letter).
 *
 * <p>For each entry, in this order:
 * <ol>
 *   <li>An unknown outcome is read back (orderFetch): Cancelled (8) means done, nothing is sent.</li>
 *   <li>The toggle and the mapping are checked again (they may have changed since the event was queued):
 *       off or unmapped skips the entry with the reason; unmapped also warns the host, once per order.</li>
 *   <li>A cancellation that named lines is checked against the order's lines on Babyshop: unless it
 *       names every line that is not cancelled already, it is refused (SellerPanel cancels whole orders
 *       only; nothing is half-applied): the entry is skipped with the reason and the host is warned. An
 *       order already Cancelled on Babyshop is done without a call.</li>
 *   <li>orderCancellation is sent under the in-flight mark; when acknowledged (or found Cancelled on
 *       read-back) the entry is done and the order record notes channel status {@code 8}. The host
 *       order is not touched: the host cancelled it itself.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe: every run keeps its state in its own {@link OutboundRun}.
 */
final class CancellationFlow implements FlowRun {
    /** Babyshop statuses after which an order cannot be cancelled any more (it left the warehouse). */
    private static final java.util.Set<OrderStatus> PAST_CANCELLATION = java.util.EnumSet.of(OrderStatus.SHIPPED,
            OrderStatus.IN_TRANSIT, OrderStatus.DELIVERED, OrderStatus.RTO, OrderStatus.RTO_DELIVERED,
            OrderStatus.RETURNED);

    private static final OutboundHandler HANDLER = new Handler();

    @Override
    public Flow flow() {
        return Flow.CANCELLATIONS;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        return new OutboundRun(Flow.CANCELLATIONS, context, now, HANDLER).execute();
    }

    /** The cancel operation. Stateless. */
    private static final class Handler implements OutboundHandler {

        @Override
        public int calls(OutboxEntry entry) {
            boolean read = entry.outcomeUnknown() || OutboundData.get(entry, OutboundData.LINE_NOS).isPresent();
            return read ? 2 : 1;
        }

        @Override
        public void process(OutboundRun run, OutboxEntry entry, OrderRecord order) {
            UnaryOperator<OrderRecord> cancelled = cancelledOnChannel(run);
            Optional<Order> current = Optional.empty();
            if (entry.outcomeUnknown()) {
                current = run.readOrder(entry);
                if (current.isEmpty()) {
                    return;
                }
                if (current.get().status() == OrderStatus.CANCELLED) {
                    run.done(entry, "found Cancelled on Babyshop by read-back", cancelled);
                    return;
                }
                if (PAST_CANCELLATION.contains(current.get().status())) {
                    run.dead(entry, "the order is already " + current.get().status().label()
                            + " on Babyshop: it can no longer be cancelled there");
                    return;
                }
            }
            Optional<String> refusal = HostEventIntake.cancelRefusal(run.settings(), run.mapping(),
                    run.context().statusMapper());
            if (refusal.isPresent()) {
                run.skipped(entry, refusal.get());
                UnsentCancellations.warnIfFirst(run.context(), entry.orderNo(), entry.id());
                return;
            }
            Optional<String> lineNos = OutboundData.get(entry, OutboundData.LINE_NOS);
            if (lineNos.isPresent()) {
                if (current.isEmpty()) {
                    current = run.readOrder(entry);
                    if (current.isEmpty()) {
                        return;
                    }
                }
                if (current.get().status() == OrderStatus.CANCELLED) {
                    run.done(entry, "already Cancelled on Babyshop", cancelled);
                    return;
                }
                List<String> left = linesLeft(current.get(), lineNos.get());
                if (!left.isEmpty()) {
                    String reason = HostEventIntake.PARTIAL_CANCEL + " (the host cancelled line(s) " + lineNos.get()
                            + "; line(s) " + String.join(",", left) + " stay open)";
                    run.skipped(entry, reason);
                    run.context().listener().warning("order " + entry.orderNo() + ": " + reason);
                    return;
                }
            }
            if (!run.mayAttempt(entry)) {
                return;
            }
            Optional<OutboxEntry> inFlight = run.markInFlight(entry);
            if (inFlight.isEmpty()) {
                return;
            }
            try {
                run.context().channel().cancel(entry.orderNo());
            } catch (RuntimeException e) {
                run.sendFailed(inFlight.get(), e);
                return;
            }
            run.done(inFlight.get(), "cancelled on Babyshop", cancelled);
        }

        /** The record update of an order cancelled on Babyshop: channel status Cancelled (8). */
        private static UnaryOperator<OrderRecord> cancelledOnChannel(OutboundRun run) {
            Instant at = run.context().clock().instant();
            return record -> OrderRecord.builder().from(record).channelStatusCode(OrderStatus.CANCELLED.code()).updatedAt(at).build();
        }

        /** The order's lines, not cancelled on Babyshop, that {@code lineNos} does not name. */
        private static List<String> linesLeft(Order order, String lineNos) {
            Set<String> named = new LinkedHashSet<>();
            for (String lineNo : lineNos.split(",")) {
                named.add(canonical(lineNo));
            }
            List<String> left = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                if (!ShipmentFlow.isCancelled(line) && !named.contains(canonical(line.lineNo()))) {
                    left.add(line.lineNo());
                }
            }
            return left;
        }

        /** A line number without surrounding blanks and leading zeros ({@code "02"} is line {@code "2"}). */
        private static String canonical(String lineNo) {
            String trimmed = lineNo.trim();
            int start = 0;
            while (start < trimmed.length() - 1 && trimmed.charAt(start) == '0') {
                start++;
            }
            return trimmed.substring(start);
        }
    }
}
