package io.github.babyshopsdk.benchmarks;

import java.util.Objects;
import java.util.Optional;

/**
 * One measured figure: a value, the baseline it is compared with (measured in the same run), their ratio and,
 * where the project states one, the target the ratio (or value) is held to.
 *
 * @param id          a stable key, e.g. {@code drain.calls}; the JSON file is keyed by it
 * @param description what was measured, in words (a table row)
 * @param value       the measured value
 * @param unit        the value's unit, e.g. {@code calls}, {@code ms}, {@code SKUs/s}
 * @param baseline    the baseline measured in the same run (the floor, the naive push, {@code readTree}, ...), or
 *                    {@code NaN} when the figure is absolute
 * @param target      the target in words (e.g. {@code <= 1.05x}), or empty
 * @param met         whether the target is met, or empty when there is no target
 */
public record Figure(String id, String description, double value, String unit, double baseline,
                     Optional<String> target, Optional<Boolean> met) {

    /** Checks the arguments. */
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(met, "met");
    }

    /** A figure without a baseline or target. */
    public static Figure absolute(String id, String description, double value, String unit) {
        return new Figure(id, description, value, unit, Double.NaN, Optional.empty(), Optional.empty());
    }

    /** A figure compared with {@code baseline}, without a target. */
    public static Figure against(String id, String description, double value, double baseline, String unit) {
        return new Figure(id, description, value, unit, baseline, Optional.empty(), Optional.empty());
    }

    /** This figure held to a target: {@code met} says whether it holds. */
    public Figure withTarget(String target, boolean met) {
        return new Figure(id, description, value, unit, baseline, Optional.of(target), Optional.of(met));
    }

    /** {@code value / baseline}, or {@code NaN} without a baseline. */
    public double ratio() {
        return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : value / baseline;
    }
}
