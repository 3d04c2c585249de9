package io.github.babyshopsdk.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One push of an order notification to its destination. Immutable.
 *
 * @param at simulated time of the push
 * @param status the HTTP status answered, or empty when the push failed ({@link #failure()})
 * @param failure the failure's type and message when the destination threw or could not be reached, else empty
 */
public record DeliveryAttempt(Instant at, OptionalInt status, Optional<String> failure) {

    /** Checks the parts. */
    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * Whether the destination answered HTTP 200, which settles the notification.
     *
     * @return true for a 200
     */
    public boolean accepted() {
        return status.isPresent() && status.getAsInt() == 200;
    }
}
