package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import java.time.Instant;

/**
 * One flow's work for one run. The engine has already taken the flow's lease and checked the flow's
 * setting; the run does what is due, committing each record's outcome in its own transaction, so that
 * stopping between any two records (a crash, an interruption, the quota) loses and duplicates nothing.
 *
 * <p>A run returns a report instead of throwing for record-level failures; it throws only when it
 * cannot go on at all (Babyshop unreachable after retries, credentials refused, the store failing), and
 * then everything committed so far stays.
 */
public interface FlowRun {

    /** The flow this runs. */
    Flow flow();

    /**
     * Runs the flow.
     *
     * @param now the time the run started (from the engine's clock)
     */
    FlowReport run(FlowContext context, Instant now);
}
