package io.github.babyshopsdk.benchmarks.world;

import io.github.babyshopsdk.testkit.Operation;
import java.time.Instant;

/**
 * One request the simulator received, reduced to what the figures need.
 *
 * @param at           simulated time of arrival
 * @param operation    the operation, or null for a path that is none
 * @param responseCode the {@code responseCode} answered, or null when no JSON answer was sent
 */
public record CallRecord(Instant at, Operation operation, Integer responseCode) {

    /** The code Babyshop answers when the quota is exceeded. */
    public static final int QUOTA_EXCEEDED = 13;

    /** Whether Babyshop answered code 13 (quota exceeded). */
    public boolean quotaExceeded() {
        return responseCode != null && responseCode == QUOTA_EXCEEDED;
    }
}
