package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.state.InventoryState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a moderation refusal does to a SKU's ledger entry: Babyshop did not apply the pushed quantity, so it no
 * longer counts as acknowledged, and the quantity is queued again after an exponential back-off, with the
 * refusal's reason as its last error, until {@link EngineOptions#maxModerationRefusals()} refusals in a row
 * dead-letter it. A newer quantity already queued supersedes the refused one at once. Stateless; thread-safe.
 */
final class InventoryRefusals {
    /** The longest back-off between two pushes of a refused quantity: one day. */
    static final Duration MAX_BACK_OFF = Duration.ofDays(1);

    private InventoryRefusals() {
    }

    /** What happened to a refused SKU: the state to save and the text for the listener and the log. */
    record Outcome(InventoryState state, String reason) {
    }

    /**
     * The entry after Babyshop refused, with {@code status}, the push that gave {@code state} its moderation id.
     *
     * @param state the entry as it is now (its moderation status already the refusal)
     * @param status the refusal's moderation status, for the reason
     * @param at the time of the refusal's read
     * @param options the engine's retry delay and refusal limit
     */
    static Outcome refused(InventoryState state, String status, Instant at, EngineOptions options) {
        String reason = "moderation status " + status;
        Optional<BigDecimal> refusedQuantity = state.acknowledgedQuantity();
        // Babyshop did not apply it: the quantity is no longer in place, so intake's "equal to acknowledged"
        // rule cannot cancel its re-push, and a host back at that level is pushed again
        InventoryState.Builder next = InventoryState.builder().from(state).acknowledgedQuantity(Optional.empty());
        if (state.pendingQuantity().isPresent() || refusedQuantity.isEmpty()) {
            // a newer quantity is queued: it supersedes the refused one and is pushed at once
            return new Outcome(next.build(), reason + "; a newer quantity is queued");
        }
        int refusals = state.moderationRefusals() + 1;
        next.pendingQuantity(refusedQuantity).attempts(0).lastError(StoredText.of(reason))
                .moderationRefusals(refusals).updatedAt(at);
        if (refusals >= options.maxModerationRefusals()) {
            return new Outcome(next.deadLettered(true).retryAt(Optional.empty()).build(),
                    reason + "; dead-lettered after " + refusals + " refusal(s) in a row");
        }
        Duration backOff = backOff(options.retryDelay(), refusals);
        return new Outcome(next.deadLettered(false).retryAt(at.plus(backOff)).build(),
                reason + "; pushed again after " + backOff + " (refusal " + refusals + " of "
                        + options.maxModerationRefusals() + ")");
    }

    /**
     * The wait before the {@code refusals}-th refused push is sent again: {@code retryDelay x 2^(refusals-1)},
     * at most {@link #MAX_BACK_OFF} (and at least a second, so a zero retry delay never re-pushes in the run
     * that read the refusal).
     */
    static Duration backOff(Duration retryDelay, int refusals) {
        Duration base = retryDelay.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryDelay;
        int doublings = Math.max(0, Math.min(refusals - 1, 30));
        if (base.compareTo(MAX_BACK_OFF.dividedBy(1L << doublings)) >= 0) {
            return MAX_BACK_OFF;
        }
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
    }
}
