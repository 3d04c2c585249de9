package io.github.babyshopsdk.sync;

/** How a flow run ended. */
public enum FlowOutcome {
    /** Everything due was done. */
    COMPLETED,
    /**
     * Stopped early for quota: the budget keeps its remaining calls for more urgent flows (a less urgent flow never
     * waits), a most urgent flow's wait would have passed {@link EngineOptions#maxQuotaWait()}, or Babyshop answered
     * quota exceeded. Not a failure: nothing was lost, the rest goes on at the flow's continuation
     * ({@link FlowReport#continueAt()}: when its tier next gets a permit), not at its next interval.
     */
    WAITING_ON_QUOTA,
    /** The store setting that enables the flow is off. */
    DISABLED,
    /**
     * Skipped: another engine instance (or another run of this one) holds the flow's lease; the report's
     * {@link FlowReport#error()} says who and until when.
     */
    LEASE_HELD_ELSEWHERE,
    /**
     * Stopped because the run lost its lease (its renewal failed, or another instance took the lease over
     * after it expired, e.g. during a long pause): it wrote nothing after that, every record it finished is
     * committed, the rest is done by the lease's new holder or the next run. See {@link FlowReport#error()}.
     */
    LEASE_LOST,
    /** The thread was interrupted; state is consistent, the rest waits for the next run. */
    INTERRUPTED,
    /** Stopped by a failure (Babyshop unreachable, credentials refused, the store failed); see the error. */
    FAILED
}
