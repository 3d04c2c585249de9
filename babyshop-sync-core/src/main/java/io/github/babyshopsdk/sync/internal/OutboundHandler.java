package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;

/**
 * Sends the outbox entries of one flow: what {@link ShipmentFlow} and {@link CancellationFlow} plug into
 * {@link OutboundRun}, which owns the loop, the quota, the in-flight marks and the settling. An
 * implementation keeps no state between calls and is thread-safe.
 */
interface OutboundHandler {

    /** The Babyshop calls {@code entry} may need at most, for quota planning. */
    int calls(OutboxEntry entry);

    /**
     * Reads back, sends and settles one due entry through {@code run}'s helpers. Called only for a
     * {@code PENDING} entry of an order the engine has imported, when the quota allows {@link #calls}.
     *
     * @param order the engine's record of the entry's order (linked to a host order)
     */
    void process(OutboundRun run, OutboxEntry entry, OrderRecord order);
}
