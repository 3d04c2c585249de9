package io.github.babyshopsdk.sync;

import io.github.babyshopsdk.sync.state.OrderReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What one run of one flow did: counts for progress displays and metrics, and how it ended.
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
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

    /**
     * What a reconciliation run repaired: orders imported, created again or cancelled, plus linked SKUs queued for a
     * re-push (0 for the other flows).
     */
    @Value.Default
    default int repaired() {
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

    /**
     * When the flow goes on with the work it left, for a run that stopped for quota
     * ({@link FlowOutcome#WAITING_ON_QUOTA}): the instant its priority tier next gets a permit from the quota
     * budget, as the budget said when it refused the run's last call (a minute after the run ended when the run
     * could not tell). {@link SyncEngine#runDue} runs the flow at or after that instant even if its interval has
     * not passed; the engine stores it, so another node or a restarted process honours it. Empty for every other
     * outcome: a completed run clears it.
     */
    Optional<Instant> continueAt();

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FlowReport}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableFlowReport.Builder {
        Builder() {}
    }
}
