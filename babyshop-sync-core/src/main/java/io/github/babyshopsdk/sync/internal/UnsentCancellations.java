package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host cancellations that are not sent because Cancelled is not mapped outbound (while the store pushes
 * cancellations): each is recorded as a {@code SKIPPED} outbox entry with the reason, and the host is warned once
 * per order ({@link io.github.babyshopsdk.sync.spi.SyncListener#warning}), so an order cancelled in the host never
 * stays live on Babyshop without anybody told. Stateless and thread-safe.
 */
final class UnsentCancellations {
    private static final Logger LOG = LoggerFactory.getLogger(UnsentCancellations.class);

    private UnsentCancellations() {
    }

    /** Whether {@code entry} is a host cancellation skipped because Cancelled is not mapped outbound. */
    static boolean isUnmapped(OutboxEntry entry) {
        return entry.operation() == OutboxOperation.CANCEL && entry.status() == OutboxStatus.SKIPPED
                && entry.lastError().filter(reason -> reason.startsWith(HostEventIntake.CANCELLED_UNMAPPED))
                .isPresent();
    }

    /**
     * Whether {@code entry}, saved in {@code tx}, is an unmapped cancellation and the first of its order: no other
     * entry of the order was skipped for that reason, so the host has not been warned yet.
     */
    static boolean warningDue(SyncTransaction tx, OutboxEntry entry) {
        return isUnmapped(entry) && tx.outbox().forOrder(entry.orderNo()).stream()
                .noneMatch(other -> !other.id().equals(entry.id()) && isUnmapped(other));
    }

    /**
     * After the entry {@code id} of {@code orderNo} was settled {@code SKIPPED} by a flow: warns when it is an
     * unmapped cancellation and the first of its order.
     */
    static void warnIfFirst(FlowContext context, String orderNo, String id) {
        java.util.Optional<OutboxEntry> due = context.store().inTransaction(tx -> tx.outbox().find(id)
                .filter(entry -> entry.orderNo().equals(orderNo) && warningDue(tx, entry)));
        due.ifPresent(entry -> warn(context, entry));
    }

    /** Logs and sends the warning of {@code entry}; call after the transaction that saved it has committed. */
    static void warn(FlowContext context, OutboxEntry entry) {
        String warning = ConfigurationWarnings.cancellationNotPushed(entry.orderNo(), entry.lastError().orElse(""));
        LOG.warn("{}", LogSafe.of(warning));
        context.listener().warning(warning);
    }
}
