package io.github.babyshopsdk.testkit;

/**
 * The changes continuous drift makes after every page a listing answers: {@code inserts} new records and
 * {@code updates} changed records (see {@link FaultPlan#continuousDrift(Operation, int, int)}). Immutable.
 *
 * @param inserts new records per page, at least 0
 * @param updates changed records per page, at least 0
 */
public record DriftRate(int inserts, int updates) {

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative, or both are 0
     */
    public DriftRate {
        if (inserts < 0 || updates < 0 || inserts + updates == 0) {
            throw new IllegalArgumentException("drift needs inserts >= 0, updates >= 0 and at least one change per "
                    + "page, was " + inserts + " inserts and " + updates + " updates");
        }
    }

    /**
     * The changes per page.
     *
     * @return {@code inserts + updates}
     */
    public int changes() {
        return inserts + updates;
    }
}
