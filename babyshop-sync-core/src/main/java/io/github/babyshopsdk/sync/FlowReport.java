package io.github.babyshopsdk.sync;

import io.github.babyshopsdk.sync.state.OrderReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** What one run of one flow did: counts for progress displays and metrics, and how it ended. */
@Value.Immutable
@Value.Style(jdkOnly = true)
public interface FlowReport {

    /** The flow. */
    Flow flow();

    /** How the run ended. */
    FlowOutcome outcome();

    /** When it started. */
    Instant startedAt();

    /** When it ended. */
    Instant finishedAt();

    /** Records read from Babyshop or the host feed. */
    @Value.Default
    default int fetched() {
        return 0;
    }

    /** Orders created in the host, or SKUs upserted. */
    @Value.Default
    default int imported() {
        return 0;
    }

    /** Imported orders updated (cancelled in the host because cancelled on Babyshop). */
    @Value.Default
    default int updated() {
        return 0;
    }

    /** Records pushed to and acknowledged by Babyshop (SKUs, shipments, cancellations). */
    @Value.Default
    default int pushed() {
        return 0;
    }

    /** Records that failed (rejected, quarantined, dead-lettered) in this run. */
    @Value.Default
    default int failed() {
        return 0;
    }

    /** Orders not imported, by reason. */
    Map<OrderReason, Integer> skipped();

    /** Calls left in the quota budget at the end of the run, when known. */
    OptionalInt quotaRemaining();

    /**
     * Why the run stopped early or was skipped: the failure for {@link FlowOutcome#FAILED}, {@code "lease held
     * by <instance> until <time>"} for {@link FlowOutcome#LEASE_HELD_ELSEWHERE}, what happened to the lease for
     * {@link FlowOutcome#LEASE_LOST}.
     */
    Optional<String> error();

    /** A builder. */
    static ImmutableFlowReport.Builder builder() {
        return ImmutableFlowReport.builder();
    }
}
