package io.github.babyshopsdk.benchmarks.decode;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Figure 4 of issue 16: the client's typed decode of a 100-record orderList, orderFetch and productFetch page
 * against Jackson's {@code readTree} of the same bytes, measured with JMH ({@link DecodeBenchmark}), one
 * forked JVM per benchmark: about 70 seconds on an idle machine. With {@code --quick} it runs in this JVM, one
 * short iteration each (a check that the benchmark works; the figures mean little). Each figure is the best
 * measurement iteration of each benchmark (see {@link #bestIteration}). Target: typed decode within 1.5x of {@code readTree}.
 */
public final class DecodeSuite implements Suite {

    /** The target ratio typed / readTree. */
    static final double TARGET = 1.5;
    private static final List<String> PAGES = List.of("orderList", "orderFetch", "productFetch");

    @Override
    public String name() {
        return "decode";
    }

    @Override
    public List<Figure> run(RunSettings settings) throws RunnerException {
        Map<String, Double> scores = new HashMap<>();
        for (String page : PAGES) {
            // one page at a time, so that a page's two benchmarks run close together on a busy machine
            Collection<RunResult> results = new Runner(options(settings.quick(), page)).run();
            for (RunResult result : results) {
                String method = result.getParams().getBenchmark();
                method = method.substring(method.lastIndexOf('.') + 1);
                scores.put(page + "." + method, bestIteration(result));
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (String page : PAGES) {
            Double typed = scores.get(page + ".typed");
            Double tree = scores.get(page + ".readTree");
            if (typed == null || tree == null) {
                throw new IllegalStateException("JMH returned no score for " + page + ": " + scores.keySet());
            }
            Figure figure = Figure.against("decode." + page, "typed decode vs readTree: " + page
                    + " page, best iteration", typed, tree, "ns/op");
            figures.add(figure.withTarget("<= " + TARGET + "x", figure.ratio() <= TARGET));
        }
        return figures;
    }

    /**
     * The score of the fastest measurement iteration: other processes only ever add time, so on a shared
     * machine the best iteration is the steadiest estimate of the cost (JMH's mean is printed by {@code -v}).
     */
    static double bestIteration(RunResult result) {
        double best = Double.POSITIVE_INFINITY;
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                best = Math.min(best, iteration.getPrimaryResult().getScore());
            }
        }
        return Double.isInfinite(best) ? result.getPrimaryResult().getScore() : best;
    }

    /**
     * Both benchmarks of {@code page}: one fork, 4 x 1 s warm-up and 5 x 1 s measurement each; quick: in this
     * JVM, 1 x 0.2 s.
     */
    static Options options(boolean quick, String page) {
        OptionsBuilder options = new OptionsBuilder();
        options.include("^" + Pattern.quote(DecodeBenchmark.class.getName()) + "\\.")
                .param("page", page)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200));
        } else {
            // -Xbatch: compile in the foreground, so that warm-up warms up even when other processes starve the
            // JIT's background threads (steady-state code is the same)
            options.forks(1).jvmArgsAppend("-Xbatch").warmupIterations(4).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        return options.build();
    }
}
