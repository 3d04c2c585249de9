package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * What a {@link QuotaBudget} allows at one moment: the facts a planner works with. A snapshot is advice
 * only, stale as soon as it is taken; {@link QuotaBudget#tryAcquire} is what reserves.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface QuotaSnapshot {

    /** The limit, window and tier reserve of the budget. */
    QuotaLimits limits();

    /** The most calls the budget allows per window. */
    default int limit() {
        return limits().limit();
    }

    /** The length of the rolling window. */
    default Duration window() {
        return limits().window();
    }

    /** Calls the top tier may make now without waiting. */
    int remaining();

    /** How long until the next top-tier call may be made: zero when {@link #remaining()} is positive. */
    Duration nextPermitIn();

    /** Calls {@code tier} may make now without waiting: {@link #remaining()} less the tier's reserve, at least 0. */
    default int remainingFor(int tier) {
        return Math.max(0, remaining() - limits().reserveFor(tier));
    }

    /** Creates a snapshot. */
    static QuotaSnapshot of(QuotaLimits limits, int remaining, Duration nextPermitIn) {
        return ImmutableQuotaSnapshot.builder().limits(limits).remaining(remaining).nextPermitIn(nextPermitIn)
                .build();
    }
}
