package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.sync.HintReceipt;
import java.util.List;

/**
 * Where the {@link NotificationReceiver} hands the order numbers of an accepted notification: the bridge wires
 * {@code engine::hint}. The receiver answers 200 only after {@link #accept} returned, so an implementation must
 * return only once the hints are durable.
 *
 * <p>Implementations must be thread-safe: the receiver calls them from several request threads at once.
 */
@FunctionalInterface
interface HintSink {

    /**
     * Records {@code orderNos} (distinct, valid order numbers, never empty) as hints.
     *
     * @return what was recorded (counts only; the receiver returns them to the sender)
     * @throws RuntimeException when the hints could not be made durable (the receiver answers 503, and the
     *     sender delivers the notification again)
     */
    HintReceipt accept(List<String> orderNos);
}
