package io.github.babyshopsdk.examples;

import java.time.Duration;

/**
 * What the client tour saw: counts and the simulated time the quota made it wait.
 *
 * @param skus SKUs read by productFetch
 * @param inventoryAccepted SKUs the inventory push got accepted
 * @param inventoryRejected SKUs the inventory push got rejected
 * @param ordersFetched orders read by orderFetch
 * @param apiCalls HTTP requests, authToken included
 * @param quotaWaits times a call waited for the quota budget
 * @param simulatedTime simulated time from start to end (quota waits advance it)
 */
public record TourSummary(int skus, int inventoryAccepted, int inventoryRejected, int ordersFetched,
                          long apiCalls, long quotaWaits, Duration simulatedTime) {

    /** One JSON object on one line. */
    public String toJson() {
        return String.format("{\"skus\": %d, \"inventoryAccepted\": %d, \"inventoryRejected\": %d, "
                        + "\"ordersFetched\": %d, \"apiCalls\": %d, \"quotaWaits\": %d, \"simulatedSeconds\": %d}",
                skus, inventoryAccepted, inventoryRejected, ordersFetched, apiCalls, quotaWaits,
                simulatedTime.toSeconds());
    }
}
