package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.sync.notify.NotificationParser;
import java.time.Duration;

/**
 * The limits of the {@link NotificationReceiver}: what one request may carry, how long it may take to arrive, how
 * many are served at once, and how often one source may send.
 *
 * @param maxBodyBytes the largest body read; a longer one is answered 413 (checked on Content-Length first, and
 *     while reading)
 * @param maxOrderNumbers the most distinct order numbers in one notification; more is answered 413
 * @param requestDeadline how long a request may take from its first byte to the end of its body; a slower one is
 *     closed without an answer and without a hint
 * @param maxConcurrent requests served at once; more are answered 503 at once
 * @param threads the receiver's threads: {@code maxConcurrent} plus a few that answer the requests beyond it (and
 *     the refused ones) without waiting
 * @param queue connections waiting for a thread at most; beyond it a new connection is closed unanswered
 * @param perSecond requests a second one source may make after its burst ({@code --listen-rate})
 * @param burst requests one source may make at once ({@code --listen-burst})
 * @param maxSources sources the rate limiter remembers at most
 */
record ReceiverLimits(int maxBodyBytes, int maxOrderNumbers, Duration requestDeadline, int maxConcurrent,
                      int threads, int queue, double perSecond, int burst, int maxSources) {
    /** Default requests a second per source. */
    static final int DEFAULT_PER_SECOND = 10;
    /** Default burst per source. */
    static final int DEFAULT_BURST = 50;
    /** Default deadline of a request. */
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException for a limit out of range
     */
    ReceiverLimits {
        if (maxBodyBytes < 1 || maxOrderNumbers < 1 || maxConcurrent < 1 || threads <= maxConcurrent || queue < 1
                || !(perSecond > 0) || Double.isInfinite(perSecond) || burst < 1 || maxSources < 1
                || requestDeadline == null || requestDeadline.isNegative() || requestDeadline.isZero()) {
            throw new IllegalArgumentException("receiver limits out of range (threads must exceed maxConcurrent): "
                    + maxBodyBytes + ", " + maxOrderNumbers + ", " + requestDeadline + ", " + maxConcurrent + ", "
                    + threads + ", " + queue + ", " + perSecond + ", " + burst + ", " + maxSources);
        }
    }

    /**
     * The defaults: the parser's body and order-number limits (64 KiB, 500), 10 s per request, 8 requests at once on
     * 12 threads, 64 waiting connections, 10 requests a second per source with a burst of 50, 10,000 sources.
     */
    static ReceiverLimits defaults() {
        return new ReceiverLimits(NotificationParser.DEFAULT_MAX_BODY_BYTES, NotificationParser.DEFAULT_MAX_ORDER_NUMBERS,
                DEFAULT_DEADLINE, 8, 12, 64, DEFAULT_PER_SECOND, DEFAULT_BURST, 10_000);
    }

    /** The same with another rate per source. */
    ReceiverLimits withRate(double perSecond, int burst) {
        return new ReceiverLimits(maxBodyBytes, maxOrderNumbers, requestDeadline, maxConcurrent, threads, queue,
                perSecond, burst, maxSources);
    }

    /** The same with another request deadline. */
    ReceiverLimits withRequestDeadline(Duration deadline) {
        return new ReceiverLimits(maxBodyBytes, maxOrderNumbers, deadline, maxConcurrent, threads, queue, perSecond,
                burst, maxSources);
    }

    /** The same with other concurrency limits. */
    ReceiverLimits withConcurrency(int maxConcurrent, int threads) {
        return new ReceiverLimits(maxBodyBytes, maxOrderNumbers, requestDeadline, maxConcurrent, threads, queue,
                perSecond, burst, maxSources);
    }

    /** The same with other body limits. */
    ReceiverLimits withBody(int maxBodyBytes, int maxOrderNumbers) {
        return new ReceiverLimits(maxBodyBytes, maxOrderNumbers, requestDeadline, maxConcurrent, threads, queue,
                perSecond, burst, maxSources);
    }
}
