package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the orders flow does with order hints ({@link OrderHint}): drains the due ones (orderFetch of exactly their
 * numbers, {@link ChannelLimits#MAX_BATCH} to a call, through {@link OrderImportFlow#fetchHinted}) and resolves
 * each call's hints in one transaction: a hint whose order was returned is removed (the order went through the
 * rules of a polled order); one whose order was not returned is fetched again after
 * {@link EngineOptions#hintRetryDelay()} x 2^(attempts-1), or dropped with {@link #NOT_FOUND} at
 * {@link EngineOptions#hintAttempts()}; a hint renewed after the call was made stays pending (due
 * {@link EngineOptions#hintDelay()} after its renewal), because the order may have changed since. Dropped hints are
 * pruned a day ({@link #KEEP_DROPPED}) after they were dropped. Stateless and thread-safe; the orders lease keeps two
 * drains of one store apart.
 */
public final class OrderHints {
    /** Why a hint is dropped after {@link EngineOptions#hintAttempts()} fetches that did not find its order. */
    public static final String NOT_FOUND = "not found on Babyshop: unknown or foreign order number";
    /** How long a dropped hint is kept (for {@code explain}) before it is pruned: one day. */
    public static final Duration KEEP_DROPPED = Duration.ofDays(1);
    /** The longest back-off of a hint whose order was not found: one day. */
    static final Duration MAX_RETRY_DELAY = Duration.ofDays(1);
    private static final int PRUNE_BATCH = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(OrderHints.class);

    private OrderHints() {
    }

    /** Whether any hint is pending (read in the caller's transaction). */
    static boolean anyPending(SyncTransaction tx) {
        return tx.hints().pendingCount() > 0;
    }

    /**
     * The resolver of one run's orderFetch calls: resolves the hints of each call's numbers in one transaction (see
     * the class description). {@code now} is the run's start: a back-off is counted from the later of it and the
     * call.
     */
    static OrderImportFlow.FetchedChunks resolver(FlowContext context, Instant now) {
        return (requested, missing, fetchedAt) -> resolve(context, now, requested, missing, fetchedAt);
    }

    private static void resolve(FlowContext context, Instant now, List<String> requested, Set<String> missing,
                                Instant fetchedAt) {
        EngineOptions options = context.options();
        Instant base = fetchedAt.isAfter(now) ? fetchedAt : now;
        Instant resolvedAt = context.clock().instant();
        int[] counts = new int[3]; // done, retried, dropped
        context.store().runInTransaction(tx -> {
            counts[0] = 0;
            counts[1] = 0;
            counts[2] = 0;
            Map<String, OrderHint> hints = tx.hints().findAll(requested);
            List<String> done = new ArrayList<>();
            List<OrderHint> changed = new ArrayList<>();
            for (OrderHint hint : hints.values()) {
                boolean found = !missing.contains(hint.orderNo());
                if (hint.lastHintedAt().isAfter(fetchedAt)) {
                    // hinted again after the call: the order may have changed since; fetch it once more
                    if (hint.pending()) {
                        changed.add(OrderHint.builder().from(hint).dueAt(later(hint.lastHintedAt(), base).plus(options.hintDelay())).build());
                    }
                } else if (found) {
                    done.add(hint.orderNo());
                    counts[0]++;
                } else if (hint.pending()) {
                    int attempts = hint.attempts() == Integer.MAX_VALUE ? hint.attempts() : hint.attempts() + 1;
                    if (attempts >= options.hintAttempts()) {
                        changed.add(OrderHint.builder().from(hint).attempts(attempts).droppedAt(resolvedAt).reason(NOT_FOUND).build());
                        counts[2]++;
                    } else {
                        changed.add(OrderHint.builder().from(hint).attempts(attempts).dueAt(base.plus(backOff(options.hintRetryDelay(), attempts))).reason("orderFetch did not return the order (attempt " + attempts + " of "
                                        + options.hintAttempts() + ")").build());
                        counts[1]++;
                    }
                }
            }
            if (!done.isEmpty()) {
                tx.hints().removeAll(done);
            }
            if (!changed.isEmpty()) {
                tx.hints().saveAll(changed);
            }
        });
        if (counts[1] + counts[2] > 0) {
            LOG.info("order hints: {} fetched, {} not found on Babyshop and retried later, {} dropped ({})",
                    counts[0], counts[1], counts[2], NOT_FOUND);
        } else {
            LOG.debug("order hints: {} fetched", counts[0]);
        }
    }

    /** {@code delay} x 2^(attempts-1), at most {@link #MAX_RETRY_DELAY}. */
    static Duration backOff(Duration delay, int attempts) {
        int shift = Math.max(0, attempts - 1);
        if (shift >= 30) {
            return MAX_RETRY_DELAY;
        }
        try {
            Duration backOff = delay.multipliedBy(1L << shift);
            return backOff.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : backOff;
        } catch (ArithmeticException e) {
            return MAX_RETRY_DELAY;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Fetches every pending hint due at {@code now}, {@link ChannelLimits#MAX_BATCH} to an orderFetch call, resolving
     * each call's hints as it goes; prunes dropped hints older than {@link #KEEP_DROPPED} first. A number is fetched
     * at most once per drain (a hint renewed during the drain waits for the next run). Runs with the caller's context
     * (its lease and quota tier).
     *
     * @return what was fetched and applied, as an orders report ({@link FlowOutcome#INTERRUPTED} when interrupted)
     * @throws io.github.babyshopsdk.client.error.QuotaExceededException when the tier has no call left (the hints of
     *     the calls made are resolved, the rest stay pending)
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the store fails
     */
    static FlowReport drain(FlowContext context, Instant now) {
        FlowReport total = empty(context, now);
        int pruned = context.store().inTransaction(tx -> tx.hints().pruneDropped(now.minus(KEEP_DROPPED), PRUNE_BATCH));
        if (pruned > 0) {
            LOG.debug("order hints: pruned {} dropped hint(s) older than {}", pruned, KEEP_DROPPED);
        }
        Set<String> tried = new HashSet<>();
        OrderImportFlow.FetchedChunks resolver = resolver(context, now);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return FlowReport.builder().from(total).outcome(FlowOutcome.INTERRUPTED).build();
            }
            List<String> due = new ArrayList<>();
            for (OrderHint hint : context.store().inTransaction(tx -> tx.hints().due(now, ChannelLimits.MAX_BATCH))) {
                if (!tried.contains(hint.orderNo())) {
                    due.add(hint.orderNo());
                }
            }
            if (due.isEmpty()) {
                if (total.fetched() > 0 || !tried.isEmpty()) {
                    LOG.debug("order hints: {} hinted order(s) asked, {} fetched, {} imported, {} updated",
                            tried.size(), total.fetched(), total.imported(), total.updated());
                }
                return total;
            }
            tried.addAll(due);
            FlowReport chunk = OrderImportFlow.fetchHinted(context, now, due, resolver);
            total = plus(total, chunk);
            if (chunk.outcome() != FlowOutcome.COMPLETED) {
                return total;
            }
        }
    }

    private static FlowReport empty(FlowContext context, Instant now) {
        return FlowReport.builder().flow(io.github.babyshopsdk.sync.Flow.ORDERS).outcome(FlowOutcome.COMPLETED)
                .startedAt(now).finishedAt(context.clock().instant()).build();
    }

    /**
     * Two reports of one orders run as one: counts added, skips merged, the start of {@code a}, the end, outcome
     * (unless completed), remaining quota and continuation of {@code b}.
     */
    static FlowReport plus(FlowReport a, FlowReport b) {
        Map<io.github.babyshopsdk.sync.state.OrderReason, Integer> skipped = new HashMap<>(a.skipped());
        b.skipped().forEach((reason, n) -> skipped.merge(reason, n, Integer::sum));
        FlowOutcome outcome = b.outcome() == FlowOutcome.COMPLETED ? a.outcome() : b.outcome();
        return FlowReport.builder().from(a).outcome(outcome).finishedAt(b.finishedAt())
                .fetched(a.fetched() + b.fetched()).imported(a.imported() + b.imported())
                .updated(a.updated() + b.updated()).failed(a.failed() + b.failed())
                .pushed(a.pushed() + b.pushed()).repaired(a.repaired() + b.repaired())
                .skipped(skipped).quotaRemaining(b.quotaRemaining().isPresent() ? b.quotaRemaining() : a.quotaRemaining())
                .error(b.error().or(a::error)).continueAt(b.continueAt().or(a::continueAt)).build();
    }
}
