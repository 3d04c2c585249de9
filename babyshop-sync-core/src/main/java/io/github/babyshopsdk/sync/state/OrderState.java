package io.github.babyshopsdk.sync.state;

/** Where a Babyshop order stands in the engine. */
public enum OrderState {
    /** Created in the host; the link to the host order is recorded. */
    IMPORTED,
    /** Imported, then cancelled in the host because it was cancelled on Babyshop. */
    CANCELLED,
    /** Seen but deliberately not imported (e.g. its status is not mapped); re-evaluated when it changes. */
    SKIPPED,
    /** Would be imported but cannot be yet (e.g. no hub, the host refused it); retried on every run. */
    HELD
}
