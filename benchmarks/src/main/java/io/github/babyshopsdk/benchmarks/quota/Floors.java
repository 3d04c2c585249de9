package io.github.babyshopsdk.benchmarks.quota;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import java.time.Duration;

/**
 * The quota's floors, the baselines of the drain and first-sync figures: the fewest calls a job can take and the
 * least simulated time the quota lets them take.
 *
 * <ul>
 *   <li>Calls: 1 {@code authToken}, plus one call per 100 records ({@link ChannelLimits#MAX_BATCH}) of every
 *       listing, fetch and push the job needs: {@code ceil(n / 100)} each.</li>
 *   <li>Time: {@code calls / limit x window}, e.g. calls / 40 x 5 minutes: the calls spread evenly at the most
 *       the rolling window allows (a run that starts with an empty window can beat it by up to one window's
 *       worth of calls). With a tier's share instead of the limit for a flow that may use only its share
 *       ({@link QuotaLimits#shareOf(int)}).</li>
 * </ul>
 * Stateless.
 */
final class Floors {
    private Floors() {
    }

    /** Calls to move {@code records} records: {@code ceil(records / 100)}. */
    static int pages(int records) {
        return (records + ChannelLimits.MAX_BATCH - 1) / ChannelLimits.MAX_BATCH;
    }

    /** The least time {@code calls} calls can take at {@code perWindow} calls per {@code limits}' window, in minutes. */
    static double minutes(int calls, int perWindow, QuotaLimits limits) {
        return (double) calls / perWindow * limits.window().toSeconds() / 60.0;
    }

    /** Whole and fractional minutes of {@code duration}. */
    static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }
}
