package io.github.babyshopsdk.benchmarks.quota;

import java.util.List;

/** Nearest-rank percentiles of a sample. Stateless. */
final class Percentiles {
    private Percentiles() {
    }

    /**
     * The nearest-rank {@code p}-th percentile of {@code sorted} (ascending): the smallest value with at least
     * p % of the sample at or below it.
     *
     * @throws IllegalArgumentException for an empty sample or {@code p} outside (0, 100]
     */
    static double of(List<Double> sorted, double p) {
        if (sorted.isEmpty() || !(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("need a sample and 0 < p <= 100");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
