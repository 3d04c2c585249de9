package io.github.babyshopsdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One order notification the simulator emitted, and what became of it: the entry of {@link OrderNotifier#log()}
 * that latency figures are read from. An immutable snapshot.
 *
 * @param id sequence number of the emission, from 1
 * @param orderNo the order's number
 * @param masterOrderNo the order's master order number
 * @param event why it was emitted
 * @param status the order's status code after the change
 * @param shape the body's shape
 * @param body the body as pushed (UTF-8)
 * @param emittedAt simulated time of the change that emitted it
 * @param firstDueAt simulated time of its first push ({@code emittedAt} plus the drawn delay)
 * @param nextDueAt simulated time of its next push while {@link Outcome#PENDING}, else empty
 * @param outcome where it stands
 * @param attempts every push so far, oldest first
 */
public record NotificationRecord(long id, String orderNo, String masterOrderNo, NotificationEvent event, int status,
                                 NotificationShape shape, String body, Instant emittedAt, Instant firstDueAt,
                                 Optional<Instant> nextDueAt, Outcome outcome, List<DeliveryAttempt> attempts) {

    /** Where a notification stands. */
    public enum Outcome {
        /** Waiting for its first push or for a push again. */
        PENDING,
        /** Its destination answered 200. */
        DELIVERED,
        /** Lost (drawn by the loss rate at emission): never pushed. */
        LOST,
        /** Every attempt failed or was refused: not pushed again. */
        GAVE_UP
    }

    /** Checks the parts and copies the attempts. */
    public NotificationRecord {
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(masterOrderNo, "masterOrderNo");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Objects.requireNonNull(firstDueAt, "firstDueAt");
        Objects.requireNonNull(nextDueAt, "nextDueAt");
        Objects.requireNonNull(outcome, "outcome");
        attempts = List.copyOf(attempts);
    }

    /**
     * The body's {@code Content-Type}.
     *
     * @return the shape's content type
     */
    public String contentType() {
        return shape.contentType();
    }

    /**
     * The body's bytes.
     *
     * @return a fresh UTF-8 copy
     */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * When the destination accepted it.
     *
     * @return the time of the accepted attempt, or empty
     */
    public Optional<Instant> deliveredAt() {
        return attempts.stream().filter(DeliveryAttempt::accepted).map(DeliveryAttempt::at).findFirst();
    }

    /**
     * Simulated time from emission to acceptance.
     *
     * @return the latency of a delivered notification, or empty
     */
    public Optional<Duration> latency() {
        return deliveredAt().map(at -> Duration.between(emittedAt, at));
    }
}
