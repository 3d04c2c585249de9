package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.StateStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an outbound flow (shipments or cancellations): the host event intake, then every due
 * outbox entry of the flow, one by one, each settled in its own transactions. The operation-specific
 * work is the {@link OutboundHandler}'s; this class owns the rules every outbound operation shares.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Waiting for a dependency never spends an attempt.</b> An entry for an order the engine does
 *       not hold (no record, or not linked to a host order) waits with "order not imported"; a
 *       {@code SHIP} waits for its order's invoice. A waiting entry keeps its attempts and is due again
 *       after {@code retryDelay} (or when the entry it waits for is due, if that is later), never at once,
 *       so many runs at one instant cannot wear it out. Waiting is bounded in time instead: once
 *       {@link io.github.babyshopsdk.sync.EngineOptions#dependencyWait()} has passed since the entry was
 *       created, it is dead-lettered with a reason naming what it waited for ({@link #waitFor}).</li>
 *   <li><b>Never send twice.</b> Before a write, {@link #markInFlight} commits {@code attempts + 1,
 *       outcomeUnknown = true}; only an acknowledged or a surely-refused write clears the mark. A marked
 *       entry (a crash after the mark, an {@link OutcomeUnknownException}) is read back before anything
 *       is sent again; if the read-back fails, it waits for the next run.</li>
 *   <li><b>Failures.</b> {@link #sendFailed}: an unknown outcome (or an unexpected exception from the
 *       gateway) keeps the mark and waits {@code retryDelay}; another retryable failure clears it (the
 *       client guarantees nothing was applied) and waits {@code retryDelay}; a non-retryable one
 *       dead-letters the entry with the reason; a refused credential restores the entry and is rethrown
 *       (the engine reports the run FAILED); the quota running out stops the run
 *       ({@link FlowOutcome#WAITING_ON_QUOTA}) without counting an attempt; an interruption keeps the mark
 *       and stops the run ({@link FlowOutcome#INTERRUPTED}). An entry is dead-lettered once its attempts
 *       reach {@code maxAttempts}; transient read failures do not count.</li>
 *   <li><b>One entry never stops the run.</b> An unexpected exception while an entry is handled (a host
 *       port such as the status mapper throwing) counts an attempt on that entry (keeping any in-flight
 *       mark) and the run goes on with the next; only a failing state store or a refused credential
 *       stops it.</li>
 *   <li><b>Quota.</b> Every call takes a permit of the flow's tier from the quota budget; a refused one
 *       (not waited for) stops the run with {@link FlowOutcome#WAITING_ON_QUOTA}, see {@link #sendFailed}.
 *       A flow that waits for no window (below the top tier) also does not start an entry whose calls the
 *       budget would not grant all now ({@link QuotaPlanner#canFinish}); it stops the same way.</li>
 *   <li><b>Reporting.</b> Every final settle ({@code DONE}, {@code SKIPPED}, {@code DEAD}) calls
 *       {@code SyncListener.outboundSettled} after its transaction committed. The report counts the events
 *       read ({@code fetched}), the entries done ({@code pushed}) and dead-lettered ({@code failed}) in
 *       this run.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per run, on the run's thread. The flows that create it are stateless.
 */
final class OutboundRun {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRun.class);
    /** Entries read from the outbox at a time. */
    static final int BATCH = 50;
    /** Why an entry of an order the engine does not hold waits. */
    static final String NOT_IMPORTED = "order not imported";

    private final Flow flow;
    private final FlowContext context;
    private final Instant now;
    private final OutboundHandler handler;
    private StoreSettings settings = StoreSettings.allOff();
    private StatusMapping mapping = StatusMapping.empty();
    private int pushed;
    private int failed;
    private boolean quotaStop;
    private boolean interrupted;

    OutboundRun(Flow flow, FlowContext context, Instant now, OutboundHandler handler) {
        this.flow = flow;
        this.context = context;
        this.now = now;
        this.handler = handler;
    }

    /** Runs the intake and sends what is due. */
    FlowReport execute() {
        HostEventIntake.Result intake = HostEventIntake.drain(context, now);
        context.store().inTransaction(tx -> {
            settings = tx.settings().settings();
            mapping = tx.settings().statusMapping();
            return null;
        });
        Set<String> seen = new HashSet<>();
        boolean more = true;
        while (more && !stopped()) {
            int limit = seen.size() + BATCH;
            List<OutboxEntry> due = context.store().inTransaction(tx -> {
                return tx.outbox().due(flow, now, limit);
            });
            List<OutboxEntry> fresh = new ArrayList<>();
            for (OutboxEntry entry : due) {
                if (!seen.contains(entry.id())) {
                    fresh.add(entry);
                }
            }
            // a shipment's invoice before its shipping push: the push needs the invoice number
            fresh.sort(Comparator.comparing(OutboxEntry::operation));
            for (OutboxEntry entry : fresh) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                }
                if (stopped()) {
                    break;
                }
                seen.add(entry.id());
                process(entry);
            }
            more = !fresh.isEmpty() && due.size() >= limit;
        }
        FlowOutcome outcome = interrupted ? FlowOutcome.INTERRUPTED
                : quotaStop ? FlowOutcome.WAITING_ON_QUOTA : FlowOutcome.COMPLETED;
        return FlowReport.builder().flow(flow).outcome(outcome).startedAt(now)
                .finishedAt(context.clock().instant()).fetched(intake.eventsRead()).pushed(pushed)
                .failed(failed).quotaRemaining(context.quota().remaining()).build();
    }

    private boolean stopped() {
        return quotaStop || interrupted;
    }

    private void process(OutboxEntry stale) {
        record Current(Optional<OutboxEntry> entry, Optional<OrderRecord> order) {
        }
        Current current = context.store().inTransaction(tx -> {
            return new Current(tx.outbox().find(stale.id()), tx.orders().find(stale.orderNo()));
        });
        if (current.entry().isEmpty() || current.entry().get().status() != OutboxStatus.PENDING
                || current.entry().get().notBefore().isAfter(now)) {
            return;
        }
        OutboxEntry entry = current.entry().get();
        if (current.order().isEmpty() || !current.order().get().isLinked()) {
            waitFor(entry, NOT_IMPORTED, retryAt());
            return;
        }
        if (!context.quota().canFinish(flow, handler.calls(entry))) {
            LOG.debug("{}: not enough quota left for this tier; {} and the rest wait", flow, LogSafe.of(entry.id()));
            quotaStop = true;
            return;
        }
        try {
            handler.process(this, entry, current.order().get());
        } catch (StateStoreException | AuthenticationException e) {
            throw e;
        } catch (RuntimeException e) {
            // one entry's unexpected failure (a host port such as the status mapper throwing) is that
            // entry's: it counts an attempt, keeps any in-flight mark, and the run goes on
            LOG.warn("{} of order {} failed unexpectedly: {}", entry.operation(), LogSafe.of(entry.orderNo()),
                    LogSafe.of(e));
            Optional<OutboxEntry> stored = context.store().inTransaction(tx -> tx.outbox().find(entry.id()));
            stored.filter(s -> s.status() == OutboxStatus.PENDING).ifPresent(s ->
                    later(s, "failed unexpectedly: " + OutboundData.describe(e), true, retryAt()));
        }
    }

    /** The flow's context. */
    FlowContext context() {
        return context;
    }

    /** The run's time. */
    Instant now() {
        return now;
    }

    /** The store settings as this run started. */
    StoreSettings settings() {
        return settings;
    }

    /** The status mapping as this run started. */
    StatusMapping mapping() {
        return mapping;
    }

    /** When a failed entry is due again. */
    Instant retryAt() {
        return now.plus(context.options().retryDelay());
    }

    /**
     * The order as Babyshop has it now (orderFetch), or empty after settling the entry for a later run:
     * a transient failure leaves it due after {@code retryDelay} without counting an attempt; a
     * permanent one, an unreadable record or a missing order counts one.
     */
    Optional<Order> readOrder(OutboxEntry entry) {
        Records<Order> records;
        try {
            records = context.channel().fetchOrders(List.of(entry.orderNo()));
        } catch (RuntimeException e) {
            callFailed(entry, e, "could not read order " + entry.orderNo() + " from Babyshop", false);
            return Optional.empty();
        }
        for (Order order : records.records()) {
            if (order.orderNo().equals(entry.orderNo())) {
                return Optional.of(order);
            }
        }
        for (RecordFailure failure : records.failures()) {
            if (failure.key().map(entry.orderNo()::equals).orElse(records.size() == 1)) {
                later(entry, "order " + entry.orderNo() + " could not be read: " + failure.reason(), true, retryAt());
                return Optional.empty();
            }
        }
        later(entry, "orderFetch did not return order " + entry.orderNo(), true, retryAt());
        return Optional.empty();
    }

    /**
     * Whether another send may be made: false, after dead-lettering the entry with its last error, when
     * its attempts reached {@code maxAttempts}.
     */
    boolean mayAttempt(OutboxEntry entry) {
        int max = context.options().maxAttempts();
        if (entry.attempts() < max) {
            return true;
        }
        dead(entry, entry.lastError().orElse("no acknowledgement") + " (gave up after " + entry.attempts()
                + " attempts)");
        return false;
    }

    /**
     * Commits the in-flight mark ({@code attempts + 1}, {@code outcomeUnknown = true}) in its own
     * transaction, before the write is sent; empty (nothing to send) when the entry changed meanwhile.
     */
    Optional<OutboxEntry> markInFlight(OutboxEntry entry) {
        return context.store().inTransaction(tx -> {
            Optional<OutboxEntry> stored = tx.outbox().find(entry.id());
            if (stored.isEmpty() || stored.get().status() != OutboxStatus.PENDING
                    || stored.get().attempts() != entry.attempts()) {
                LOG.warn("outbox entry {} changed while {} handled it; not sent", LogSafe.of(entry.id()), flow);
                return Optional.empty();
            }
            OutboxEntry marked = OutboxEntry.builder().from(entry).attempts(entry.attempts() + 1).outcomeUnknown(true).updatedAt(context.clock().instant()).build();
            tx.outbox().save(marked);
            return Optional.of(marked);
        });
    }

    /** Settles a marked entry whose write failed (see the class rules). */
    void sendFailed(OutboxEntry inFlight, RuntimeException failure) {
        if (failure instanceof StateStoreException) {
            throw failure;
        }
        String error = OutboundData.describe(failure);
        OutboxEntry entry = OutboxEntry.builder().from(inFlight).updatedAt(context.clock().instant()).build();
        int uncounted = Math.max(0, inFlight.attempts() - 1);
        if (failure instanceof AuthenticationException) {
            save(OutboxEntry.builder().from(entry).outcomeUnknown(false).attempts(uncounted).lastError(error).build());
            throw failure;
        }
        if (failure instanceof QuotaExceededException) {
            quotaStop = true;
            save(OutboxEntry.builder().from(entry).outcomeUnknown(false).attempts(uncounted).lastError(error).notBefore(now).build());
            return;
        }
        if (failure instanceof OperationInterruptedException) {
            interrupted = true;
            save(OutboxEntry.builder().from(entry).lastError("outcome unknown (interrupted): " + error).notBefore(now).build());
            return;
        }
        entry = DeadLetters.failed(entry);
        if (failure instanceof OutcomeUnknownException || !(failure instanceof BabyshopException)) {
            LOG.warn("{} of order {}: outcome unknown, read back before any resend: {}", inFlight.operation(),
                    LogSafe.of(inFlight.orderNo()), LogSafe.of(error));
            save(OutboxEntry.builder().from(entry).lastError("outcome unknown: " + error).notBefore(retryAt()).build());
            return;
        }
        OutboxEntry refused = OutboxEntry.builder().from(entry).outcomeUnknown(false).lastError(error).build();
        if (((BabyshopException) failure).isRetryable() && refused.attempts() < context.options().maxAttempts()) {
            save(OutboxEntry.builder().from(refused).notBefore(retryAt()).build());
            return;
        }
        dead(refused, ((BabyshopException) failure).isRetryable()
                ? error + " (gave up after " + refused.attempts() + " attempts)" : error);
    }

    /**
     * Settles a failed call that wrote nothing (a read, a label download, the host's callback): a refused
     * credential is rethrown, the quota or an interruption stops the run without touching the entry;
     * otherwise the entry is due again after {@code retryDelay}, counting an attempt when
     * {@code countAlways} or the failure is not a retryable Babyshop failure.
     */
    void callFailed(OutboxEntry entry, RuntimeException failure, String what, boolean countAlways) {
        if (failure instanceof StateStoreException || failure instanceof AuthenticationException) {
            throw failure;
        }
        if (failure instanceof QuotaExceededException) {
            quotaStop = true;
            return;
        }
        if (failure instanceof OperationInterruptedException) {
            interrupted = true;
            return;
        }
        boolean transientFailure = failure instanceof BabyshopException && ((BabyshopException) failure).isRetryable();
        LOG.info("{} ({}): {}", LogSafe.of(what), LogSafe.of(entry.id()), LogSafe.of(OutboundData.describe(failure)));
        later(entry, what + ": " + OutboundData.describe(failure), countAlways || !transientFailure, retryAt());
    }

    /**
     * Leaves the entry {@code PENDING} until {@code notBefore} with {@code error}; when {@code count}, an
     * attempt is counted, and the entry is dead-lettered if that reaches {@code maxAttempts}.
     */
    void later(OutboxEntry entry, String error, boolean count, Instant notBefore) {
        int attempts = entry.attempts() + (count ? 1 : 0);
        OutboxEntry next = OutboxEntry.builder().from(entry).attempts(attempts).lastError(error).notBefore(notBefore).status(OutboxStatus.PENDING).updatedAt(context.clock().instant()).build();
        next = DeadLetters.failed(next);
        if (count && attempts >= context.options().maxAttempts()) {
            dead(next, error + " (gave up after " + attempts + " attempts)");
            return;
        }
        save(next);
    }

    /**
     * Leaves the entry {@code PENDING}, waiting for a dependency ({@code what}, e.g. its order's import or
     * invoice), without counting an attempt: due again at {@code dueAgain} (not before {@code retryDelay}
     * from now), but no later than the end of its dependency wait. Once
     * {@link io.github.babyshopsdk.sync.EngineOptions#dependencyWait()} has passed since the entry was
     * created, it is dead-lettered with a reason naming {@code what}.
     */
    void waitFor(OutboxEntry entry, String what, Instant dueAgain) {
        Instant deadline = entry.createdAt().plus(context.options().dependencyWait());
        if (!now.isBefore(deadline)) {
            dead(entry, what + ": gave up after waiting " + context.options().dependencyWait()
                    + " (the dependency wait) since " + entry.createdAt());
            return;
        }
        Instant due = dueAgain.isBefore(retryAt()) ? retryAt() : dueAgain;
        if (due.isAfter(deadline)) {
            due = deadline;
        }
        save(OutboxEntry.builder().from(entry).lastError(what).notBefore(due).status(OutboxStatus.PENDING).updatedAt(context.clock().instant()).build());
    }

    /**
     * Saves progress of a still-pending entry (e.g. the invoice exists, the label is still to come) and,
     * in the same transaction, applies {@code orderUpdate} to the order's record when it has one.
     */
    OutboxEntry progress(OutboxEntry entry, UnaryOperator<OrderRecord> orderUpdate) {
        OutboxEntry next = bounded(OutboxEntry.builder().from(entry).status(OutboxStatus.PENDING).updatedAt(context.clock().instant()).build());
        context.store().inTransaction(tx -> {
            tx.outbox().save(next);
            tx.orders().find(next.orderNo()).ifPresent(record -> tx.orders().save(orderUpdate.apply(record)));
            return null;
        });
        return next;
    }

    /**
     * Settles the entry {@code DONE} (acknowledged, or found done on read-back), clearing the in-flight
     * mark and applying {@code orderUpdate} to the order's record in the same transaction.
     */
    void done(OutboxEntry entry, String detail, UnaryOperator<OrderRecord> orderUpdate) {
        OutboxEntry next = OutboxEntry.builder().from(entry).status(OutboxStatus.DONE).outcomeUnknown(false).lastError(Optional.empty()).updatedAt(context.clock().instant()).build();
        context.store().inTransaction(tx -> {
            tx.outbox().save(next);
            tx.orders().find(next.orderNo()).ifPresent(record -> tx.orders().save(orderUpdate.apply(record)));
            return null;
        });
        pushed++;
        settled(next, detail);
    }

    /** Settles the entry {@code SKIPPED}: not sent, on purpose, with the reason. */
    void skipped(OutboxEntry entry, String reason) {
        OutboxEntry next = bounded(OutboxEntry.builder().from(entry).status(OutboxStatus.SKIPPED).lastError(reason).updatedAt(context.clock().instant()).build());
        save(next);
        settled(next, reason);
    }

    /** Dead-letters the entry with the reason (the in-flight mark, if any, stays: it tells a person to check). */
    void dead(OutboxEntry entry, String reason) {
        OutboxEntry next = bounded(DeadLetters.failed(OutboxEntry.builder().from(entry).status(OutboxStatus.DEAD).lastError(reason).updatedAt(context.clock().instant()).build()));
        save(next);
        failed++;
        LOG.warn("{} of order {} dead-lettered: {}", next.operation(), LogSafe.of(next.orderNo()), LogSafe.of(reason));
        settled(next, reason);
    }

    /** The identity update of an order record. */
    static OrderRecord unchanged(OrderRecord record) {
        return record;
    }

    private void save(OutboxEntry entry) {
        context.store().inTransaction(tx -> {
            tx.outbox().save(bounded(entry));
            return null;
        });
    }

    /** The entry with its error text bounded for the store. */
    private static OutboxEntry bounded(OutboxEntry entry) {
        return entry.lastError().isEmpty() ? entry
                : OutboxEntry.builder().from(entry).lastError(StoredText.of(entry.lastError())).build();
    }

    private void settled(OutboxEntry entry, String detail) {
        context.listener().outboundSettled(entry.orderNo(), OutboundData.label(entry), entry.status().name(), detail);
    }
}
