package io.github.babyshopsdk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the benchmark suites, prints a table and writes {@code benchmarks/results/latest.json}.
 *
 * <pre>
 * benchmarks/run                      # everything, about 10 minutes
 * benchmarks/run --quick              # smaller sizes: checks the programs, figures not meaningful
 * benchmarks/run --only drain,decode  # some suites
 * </pre>
 *
 * Exit code 0 when every suite ran (a missed target is reported, not an error), 1 when a suite failed.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    /** The suites, in the order they run. */
    static List<Suite> suites() {
        return List.of(
                new io.github.babyshopsdk.benchmarks.quota.DrainSuite(),
                new io.github.babyshopsdk.benchmarks.quota.SteadySuite(),
                new io.github.babyshopsdk.benchmarks.quota.LatencySuite(),
                new io.github.babyshopsdk.benchmarks.quota.FirstSyncSuite(),
                new io.github.babyshopsdk.benchmarks.decode.DecodeSuite(),
                new io.github.babyshopsdk.benchmarks.scale.CostSuite(),
                new io.github.babyshopsdk.benchmarks.scale.ScaleSuite());
    }

    /** Runs the suites the arguments name. */
    public static void main(String[] args) throws IOException {
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        Path out = Path.of("benchmarks", "results", "latest.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown argument: " + args[i]
                            + " (use --quick, --only a,b, --out FILE)");
                    System.exit(2);
                }
            }
        }
        RunSettings settings = new RunSettings(quick, Optional.ofNullable(System.getenv("BABYSHOP_PG_URL")),
                Optional.ofNullable(System.getenv("BABYSHOP_PG_USER")).orElse("postgres"),
                Optional.ofNullable(System.getenv("BABYSHOP_PG_PASSWORD")).orElse(""));
        List<Figure> figures = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Instant started = Instant.now();
        for (Suite suite : suites()) {
            if (!only.isEmpty() && !only.contains(suite.name())) {
                continue;
            }
            Instant suiteStarted = Instant.now();
            System.out.printf(Locale.ROOT, "== %s%n", suite.name());
            try {
                List<Figure> measured = suite.run(settings);
                measured.forEach(figure -> System.out.println(ResultTable.row(figure)));
                figures.addAll(measured);
            } catch (Exception | OutOfMemoryError e) {
                failures.add(suite.name() + ": " + e);
                System.out.println("   FAILED: " + e);
            }
            System.out.printf(Locale.ROOT, "   (%s took %d s)%n", suite.name(),
                    Duration.between(suiteStarted, Instant.now()).toSeconds());
        }
        System.out.println();
        System.out.println(ResultTable.render(figures));
        ResultsFile.write(out, settings, started, figures, failures);
        System.out.println("wrote " + out.toAbsolutePath());
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("suite failed: " + f));
            System.exit(1);
        }
    }
}
