package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.HintReceipt;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records order hints ({@code SyncEngine.hint}) in one state transaction, with the rules of hints: each distinct
 * valid number ({@link RemoteKey#isValid}) renews its pending hint (last hinted now, one more time hinted; its due
 * time kept, unless it waits in a not-found back-off: then due {@link EngineOptions#hintDelay()} from now), revives
 * its dropped hint (pending again, attempts 0, due after the hint delay), or is added (due after the hint delay);
 * a revival and an addition each make one more hint pending, so they are made only while fewer than
 * {@link EngineOptions#maxPendingHints()} hints are pending, else refused (a refused dropped hint stays dropped). Invalid and repeated
 * numbers are counted invalid. With order sync off nothing is written and every number is refused. Stateless and
 * thread-safe: the store's transactions keep concurrent calls apart.
 */
public final class HintIntake {
    private static final Logger LOG = LoggerFactory.getLogger(HintIntake.class);

    private HintIntake() {
    }

    /**
     * Records {@code orderNos} at {@code now}; durable when it returns.
     *
     * @throws NullPointerException if {@code orderNos} or one of them is null
     * @throws io.github.babyshopsdk.sync.state.StateStoreException when the store fails (nothing is recorded)
     */
    public static HintReceipt record(SyncStateStore store, EngineOptions options, Collection<String> orderNos,
                                     Instant now) {
        Objects.requireNonNull(orderNos, "orderNos");
        List<String> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int invalid = 0;
        for (String orderNo : orderNos) {
            Objects.requireNonNull(orderNo, "an order number");
            if (RemoteKey.isValid(orderNo) && seen.add(orderNo)) {
                valid.add(orderNo);
            } else {
                invalid++;
            }
        }
        int invalidCount = invalid;
        int total = orderNos.size();
        boolean[] syncOff = new boolean[1];
        HintReceipt receipt = store.inTransaction(tx -> {
            syncOff[0] = !tx.settings().settings().orderSync();
            if (syncOff[0]) {
                return HintReceipt.builder().added(0).renewed(0).invalid(0).refused(total).build();
            }
            Map<String, OrderHint> existing = valid.isEmpty() ? Map.of() : tx.hints().findAll(valid);
            long pending = -1;
            int added = 0;
            int renewed = 0;
            int refused = 0;
            Instant due = now.plus(options.hintDelay());
            List<OrderHint> save = new ArrayList<>();
            for (String orderNo : valid) {
                OrderHint hint = existing.get(orderNo);
                if (hint != null && hint.pending()) {
                    save.add(renew(hint, now, due));
                    renewed++;
                    continue;
                }
                // a new number, or a dropped one revived: either makes one more hint pending, within the bound
                if (pending < 0) {
                    pending = tx.hints().pendingCount();
                }
                if (pending >= options.maxPendingHints()) {
                    refused++;
                    continue;
                }
                if (hint != null) {
                    save.add(renew(hint, now, due));
                    renewed++;
                } else {
                    save.add(OrderHint.builder().orderNo(orderNo).firstHintedAt(now).lastHintedAt(now).timesHinted(1)
                            .attempts(0).dueAt(due).build());
                    added++;
                }
                pending++;
            }
            if (!save.isEmpty()) {
                tx.hints().saveAll(save);
            }
            return HintReceipt.builder().added(added).renewed(renewed).invalid(invalidCount).refused(refused).build();
        });
        if (syncOff[0]) {
            LOG.info("order hints: {} refused: order sync is off", receipt.refused());
        } else if (receipt.refused() > 0) {
            LOG.info("order hints: {} refused: {} hints are pending (maxPendingHints); polling will find those orders",
                    receipt.refused(), options.maxPendingHints());
        }
        if (LOG.isDebugEnabled()) {
            // the numbers come from outside (a notification body): escaped and bounded
            LOG.debug("order hints: {} added, {} renewed, {} invalid or repeated, {} refused: {}", receipt.added(),
                    receipt.renewed(), receipt.invalid(), receipt.refused(), LogSafe.of(orderNos));
        }
        return receipt;
    }

    /** {@code hint} hinted again at {@code now}; {@code due} is when a new hint would be due. */
    private static OrderHint renew(OrderHint hint, Instant now, Instant due) {
        OrderHint.Builder renewed = OrderHint.builder().from(hint).lastHintedAt(now)
                .timesHinted(hint.timesHinted() == Integer.MAX_VALUE ? hint.timesHinted() : hint.timesHinted() + 1);
        if (!hint.pending()) {
            // revived: a dropped number hinted again is looked at again, from the start
            return renewed.droppedAt(java.util.Optional.empty()).reason(java.util.Optional.empty()).attempts(0)
                    .dueAt(due).build();
        }
        if (hint.attempts() > 0 && hint.dueAt().isAfter(due)) {
            // waiting in a not-found back-off: a new hint says it may exist now
            renewed.dueAt(due);
        }
        return renewed.build();
    }
}
