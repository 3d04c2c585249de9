package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;

/**
 * A state write was refused because the run's lease is no longer the current one: it was taken over by
 * another holder (with a newer fencing token), released, or the run's renewal failed. The transaction was
 * rolled back; the run must stop without writing anything else.
 */
public class LeaseLostException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The flow whose lease was lost (serialized). */
    private final Flow flow;

    /** Creates one; {@code message} says what happened (no secrets). */
    public LeaseLostException(Flow flow, String message) {
        super(message, null);
        this.flow = flow;
    }

    /** The flow whose lease was lost. */
    public Flow flow() {
        return flow;
    }
}
