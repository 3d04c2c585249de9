package io.github.babyshopsdk.sync;

/** How a flow run ended. */
public enum FlowOutcome {
    /** Everything due was done. */
    COMPLETED,
    /** Stopped early to leave quota to more urgent flows; the rest waits for the next run. */
    WAITING_ON_QUOTA,
    /** The store setting that enables the flow is off. */
    DISABLED,
    /** Another engine instance holds the flow's lease. */
    LEASE_HELD_ELSEWHERE,
    /** The thread was interrupted; state is consistent, the rest waits for the next run. */
    INTERRUPTED,
    /** Stopped by a failure (Babyshop unreachable, credentials refused, the store failed); see the error. */
    FAILED
}
