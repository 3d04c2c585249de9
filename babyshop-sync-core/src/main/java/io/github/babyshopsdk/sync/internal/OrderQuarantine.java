package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarantines order numbers whose records could not be read, counting attempts and dead-lettering after
 * {@code maxAttempts}. One per flow run; not thread-safe.
 */
final class OrderQuarantine {
    private static final Logger LOG = LoggerFactory.getLogger(OrderQuarantine.class);

    private final FlowContext context;
    private final Instant now;
    private final Map<OrderReason, Integer> counts = new EnumMap<>(OrderReason.class);

    OrderQuarantine(FlowContext context, Instant now) {
        this.context = context;
        this.now = now;
    }

    /**
     * Sets aside an order whose number is not a valid {@link RemoteKey}: dead-lettered at once (it can never
     * be stored or fetched by that number) under {@link RemoteKey#storageForm}, with the reason. Recorded
     * and reported once: false, doing nothing, when the entry already exists.
     */
    boolean invalidKey(String orderNo) {
        String key = RemoteKey.storageForm(orderNo);
        String reason = "invalid order number: " + RemoteKey.problem(orderNo).orElse("?")
                + "; the order is not imported (the key is stored as " + key + ")";
        boolean recorded = context.store().inTransaction(tx -> {
            if (tx.quarantine().find(Flow.ORDERS, key).isPresent()) {
                return false;
            }
            tx.quarantine().save(QuarantineEntry.builder().flow(Flow.ORDERS).key(key).reason(reason)
                    .attempts(1).deadLettered(true).firstFailedAt(now).lastFailedAt(now).build());
            return true;
        });
        if (recorded) {
            counts.merge(OrderReason.DEAD_LETTERED, 1, Integer::sum);
            LOG.warn("order {} set aside: {}", LogSafe.of(orderNo), reason);
            context.listener().orderSkipped(key, OrderReason.DEAD_LETTERED, reason);
        }
        return recorded;
    }

    /** Records that {@code orderNo} (a valid key) could not be read (or applied), and why. */
    void unreadable(String orderNo, String unboundedReason) {
        String reason = StoredText.of(unboundedReason);
        QuarantineEntry entry = context.store().inTransaction(tx -> {
            Optional<QuarantineEntry> previous = tx.quarantine().find(Flow.ORDERS, orderNo);
            int attempts = previous.map(QuarantineEntry::attempts).orElse(0) + 1;
            QuarantineEntry next = QuarantineEntry.builder().flow(Flow.ORDERS).key(orderNo).reason(reason)
                    .attempts(attempts).deadLettered(attempts >= context.options().maxAttempts())
                    .firstFailedAt(previous.map(QuarantineEntry::firstFailedAt).orElse(now)).lastFailedAt(now)
                    .build();
            tx.quarantine().save(next);
            return next;
        });
        OrderReason outcome = entry.deadLettered() ? OrderReason.DEAD_LETTERED : OrderReason.QUARANTINED;
        counts.merge(outcome, 1, Integer::sum);
        LOG.warn("order {} {} after {} attempt(s): {}", LogSafe.of(orderNo), outcome.label(), entry.attempts(),
                LogSafe.of(reason));
        context.listener().orderSkipped(orderNo, outcome, reason);
    }

    /** Orders quarantined or dead-lettered in this run, by reason. */
    Map<OrderReason, Integer> counts() {
        return counts;
    }
}
