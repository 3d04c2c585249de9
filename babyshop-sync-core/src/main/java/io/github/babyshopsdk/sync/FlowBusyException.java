package io.github.babyshopsdk.sync;

/**
 * An operator's change to a flow's state (re-driving or discarding a dead letter) was refused because the flow is
 * running, here or on another node (its lease is held): nothing was changed; try again once the run has finished.
 * The message names the flow and the lease holder, never a secret.
 */
public final class FlowBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The flow that is running (serialized). */
    private final Flow flow;

    /** An exception for {@code flow}, with the message {@code why}. */
    public FlowBusyException(Flow flow, String why) {
        super(why);
        this.flow = flow;
    }

    /** The flow that is running. */
    public Flow flow() {
        return flow;
    }
}
