package io.github.babyshopsdk.client.quota;

import java.time.Duration;
import java.util.Objects;

/** The answer of {@link QuotaBudget#tryAcquire}: granted, or wait this long. Immutable. */
public final class QuotaDecision {
    private static final QuotaDecision GRANTED = new QuotaDecision(Duration.ZERO);

    private final Duration waitFor;

    private QuotaDecision(Duration waitFor) {
        this.waitFor = waitFor;
    }

    /** The permit was taken. */
    public static QuotaDecision granted() {
        return GRANTED;
    }

    /**
     * No permit now; try again after {@code waitFor}.
     *
     * @throws IllegalArgumentException if {@code waitFor} is not positive
     */
    public static QuotaDecision waitFor(Duration waitFor) {
        Objects.requireNonNull(waitFor, "waitFor");
        if (waitFor.isNegative() || waitFor.isZero()) {
            throw new IllegalArgumentException("waitFor must be positive, was " + waitFor);
        }
        return new QuotaDecision(waitFor);
    }

    /** Whether the permit was taken. */
    public boolean isGranted() {
        return waitFor.isZero();
    }

    /** How long to wait before asking again; zero when granted. */
    public Duration waitTime() {
        return waitFor;
    }

    @Override
    public String toString() {
        return isGranted() ? "granted" : "waitFor " + waitFor;
    }
}
