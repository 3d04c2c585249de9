package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import org.immutables.value.Value;

/** What a {@link QuotaBudget} allows at one moment: the facts a scheduler plans with. */
@Value.Immutable
@Value.Style(jdkOnly = true)
public interface QuotaSnapshot {

    /** The most calls the budget allows per window. */
    int limit();

    /** The length of the rolling window. */
    Duration window();

    /** Calls that may be made now without waiting. */
    int remaining();

    /** How long until the next call may be made: zero when {@link #remaining()} is positive. */
    Duration nextPermitIn();

    /** Creates a snapshot. */
    static QuotaSnapshot of(int limit, Duration window, int remaining, Duration nextPermitIn) {
        return ImmutableQuotaSnapshot.builder().limit(limit).window(window).remaining(remaining)
                .nextPermitIn(nextPermitIn).build();
    }
}
