package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The continuation rule of a flow that stopped for quota with work left: when it goes on, and where the engine
 * keeps that. A run that ends {@link FlowOutcome#WAITING_ON_QUOTA} continues when the quota budget said its tier
 * gets the next permit (the refusal of the run's last call that was not waited for), or {@link #FALLBACK} after
 * it ended when no such refusal was seen (a gateway without a budget, which throws on its own); every other
 * outcome has no continuation. The instant is kept in the cursor {@link #cursor(Flow)} (empty text: none), so
 * every node of the store and a restarted process honour it.
 *
 * <p>A run can also give another flow work: a catalog run that completed (its backlog drained) having imported
 * SKUs has given the inventory flow new links to take in and push ({@link #fedBy}), so the inventory flow is due
 * at once (its continuation is set to the catalog run's end unless it has an earlier one) rather than up to an
 * inventory interval later. While the catalog still has a backlog the inventory flow takes the new links in at
 * its own runs (interval and continuations): every inventory run also asks the moderation statuses it awaits,
 * so running it after each catalog batch would spend the window on those. Stateless; thread-safe.
 */
public final class FlowContinuation {
    /** How long after its end a run that stopped for quota continues when it cannot tell better: one minute. */
    public static final Duration FALLBACK = Duration.ofMinutes(1);

    private FlowContinuation() {
    }

    /** The cursor holding when a flow continues, e.g. {@code flow.CATALOG.continueAt}; empty text means never. */
    public static String cursor(Flow flow) {
        return "flow." + flow.name() + ".continueAt";
    }

    /**
     * {@code report} with its continuation: for {@link FlowOutcome#WAITING_ON_QUOTA}, the report's own
     * {@link FlowReport#continueAt()} if it has one, else {@code refusedUntil}, else {@link #FALLBACK} after
     * {@link FlowReport#finishedAt()}; for every other outcome, none.
     */
    public static FlowReport settle(FlowReport report, Optional<Instant> refusedUntil) {
        Optional<Instant> at = report.outcome() != FlowOutcome.WAITING_ON_QUOTA ? Optional.empty()
                : Optional.of(report.continueAt().or(() -> refusedUntil)
                        .orElseGet(() -> report.finishedAt().plus(FALLBACK)));
        return at.equals(report.continueAt()) ? report : FlowReport.builder().from(report).continueAt(at).build();
    }

    /**
     * The flow that {@code report}'s run gave new work and that should run at once, if any: {@link Flow#INVENTORY}
     * after a {@link FlowOutcome#COMPLETED} catalog run that imported (and so linked) at least one SKU.
     */
    public static Optional<Flow> fedBy(FlowReport report) {
        return report.flow() == Flow.CATALOG && report.outcome() == FlowOutcome.COMPLETED && report.imported() > 0
                ? Optional.of(Flow.INVENTORY) : Optional.empty();
    }

    /** The cursor's text for {@code report}'s continuation: the instant, or empty text for none. */
    public static String text(FlowReport report) {
        return report.continueAt().map(Instant::toString).orElse("");
    }

    /** The continuation a cursor value names; empty for none (no cursor, empty or unreadable text). */
    public static Optional<Instant> parse(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.get().trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
