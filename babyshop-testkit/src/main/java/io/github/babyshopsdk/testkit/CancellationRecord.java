package io.github.babyshopsdk.testkit;

import java.time.Instant;

/**
 * A cancellation: received through orderCancellation or made on the channel side with
 * {@link SimulatorStore#cancelOnChannel(String)}. Immutable.
 *
 * @param orderNo order number
 * @param source who cancelled
 * @param at simulated time
 * @param applied false when the order was already cancelled (the call was a no-op)
 */
public record CancellationRecord(String orderNo, Source source, Instant at, boolean applied) {

    /** Who cancelled. */
    public enum Source {
        /** The seller, through the orderCancellation operation. */
        SELLER_API,
        /** The marketplace / customer, through the store mutator. */
        CHANNEL
    }
}
