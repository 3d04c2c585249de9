package io.github.babyshopsdk.client.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.immutables.value.Value;

/**
 * How the client retries calls that failed in a way that may pass: exponential backoff with full jitter
 * for transient failures (codes 9/309, HTTP errors, I/O, unreadable bodies), and a longer escalating
 * backoff for the server's quota code 13.
 *
 * <p>Only operations that are {@linkplain io.github.babyshopsdk.client.Operation#isSafeToRepeat() safe to
 * repeat} are retried after a failure whose outcome is open; a non-idempotent write is retried only when
 * the request provably never took effect (connection refused, code 2000, code 13). Immutable; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(2)).build();
 * }</pre>
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface RetryPolicy {

    /** Attempts per call in total, the first included (default 3). Re-authentication after 2000 is extra. */
    @Value.Default
    default int maxAttempts() {
        return 3;
    }

    /** The backoff cap before the first retry (default 1 s); doubled for each further retry. */
    @Value.Default
    default Duration initialBackoff() {
        return Duration.ofSeconds(1);
    }

    /** The largest backoff between two attempts (default 30 s). */
    @Value.Default
    default Duration maxBackoff() {
        return Duration.ofSeconds(30);
    }

    /**
     * Waits after consecutive code-13 answers: the first 13 waits the first value, and so on, the last
     * value repeating (default 60 s, 120 s, 300 s, as the reference suggests). Each is varied by
     * {@link #quotaJitter()}.
     */
    @Value.Default
    default List<Duration> quotaBackoffs() {
        return List.of(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300));
    }

    /** The relative spread applied to quota backoffs, e.g. 0.2 for plus or minus 20 % (default 0.2). */
    @Value.Default
    default double quotaJitter() {
        return 0.2;
    }

    /** Source of uniform random numbers in [0, 1) for the jitter; injectable for tests. */
    @Value.Default
    @Value.Auxiliary
    default DoubleSupplier random() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry) of a transient failure: a
     * uniformly random duration between zero and {@code min(maxBackoff, initialBackoff * 2^(retry-1))}.
     */
    default Duration transientBackoff(int retry) {
        long capNanos = maxBackoff().toNanos();
        long base = initialBackoff().toNanos();
        int shift = Math.min(Math.max(retry - 1, 0), 62);
        long ceiling = base > (capNanos >> shift) ? capNanos : Math.min(capNanos, base << shift);
        return Duration.ofNanos((long) (random().getAsDouble() * ceiling));
    }

    /** The wait after the {@code consecutive}-th code 13 in a row (1 for the first). */
    default Duration quotaBackoff(int consecutive) {
        List<Duration> steps = quotaBackoffs();
        Duration step = steps.get(Math.min(Math.max(consecutive, 1), steps.size()) - 1);
        double factor = 1 + quotaJitter() * (2 * random().getAsDouble() - 1);
        return Duration.ofNanos((long) (step.toNanos() * factor));
    }

    /** Validates the policy. */
    @Value.Check
    default void check() {
        if (maxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts());
        }
        if (initialBackoff().isNegative() || maxBackoff().isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative");
        }
        if (quotaBackoffs().isEmpty() || quotaBackoffs().stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("quotaBackoffs must hold at least one positive duration");
        }
        if (quotaJitter() < 0 || quotaJitter() >= 1) {
            throw new IllegalArgumentException("quotaJitter must be in [0, 1), was " + quotaJitter());
        }
    }

    /** The default policy: 3 attempts, 1 s doubling to 30 s, quota waits of 60/120/300 s. */
    static RetryPolicy defaults() {
        return builder().build();
    }

    /** A policy that never retries. */
    static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RetryPolicy}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableRetryPolicy.Builder {
        Builder() {}
    }
}
