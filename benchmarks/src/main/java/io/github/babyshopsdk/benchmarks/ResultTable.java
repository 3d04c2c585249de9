package io.github.babyshopsdk.benchmarks;

import java.util.List;
import java.util.Locale;

/** Renders figures as a plain-text table (the run's summary). */
final class ResultTable {

    private ResultTable() {
    }

    /** One figure on one line. */
    static String row(Figure f) {
        String baseline = Double.isNaN(f.baseline()) ? "" : format(f.baseline());
        String ratio = Double.isNaN(f.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", f.ratio());
        String target = f.target().map(t -> t + (f.met().orElse(false) ? " met" : " MISSED")).orElse("");
        return String.format(Locale.ROOT, "%-28s %-58s %14s %-10s %14s %8s  %s", f.id(), f.description(),
                format(f.value()), f.unit(), baseline, ratio, target);
    }

    /** Every figure, with a header. */
    static String render(List<Figure> figures) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %-58s %14s %-10s %14s %8s  %s%n",
                "id", "figure", "value", "unit", "baseline", "ratio", "target"));
        figures.forEach(f -> table.append(row(f)).append('\n'));
        return table.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.3f", value);
    }
}
