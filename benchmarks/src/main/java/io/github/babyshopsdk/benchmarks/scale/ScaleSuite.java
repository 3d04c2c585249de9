package io.github.babyshopsdk.benchmarks.scale;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Figure 6 of issue 16, scale: 200,000 SKUs and 50,000 orders through the catalog, inventory and orders flows on
 * H2 (file) state, with the engine in a JVM of its own limited to {@code -Xmx64m} ({@link ScaleProgram}); the
 * simulator runs in this JVM (system clock, no quota) and is reached over loopback, so the child's heap is the
 * engine's. Figures: whether each size completes in 64 MiB (an out-of-memory end is a figure, not a failure of
 * the run), the engine's CPU per SKU at the large size against the small one (target within 1.5x), total engine
 * CPU, peak heap and the largest live heap after a collection. The baseline is the same program at 20,000 SKUs and
 * 5,000 orders ({@code --quick}: 20,000 against 2,000, and 5,000 against 500 orders). Each child has a time limit
 * (4 minutes for the small size, 6 for the large; {@code --quick}: 2 and 4): one that does not finish is reported
 * as not completed, with how far it got.
 *
 * <p><b>The quota is large on purpose</b> (the simulator has none, the client's budget allows a million calls per
 * window): this suite measures CPU and heap, not quota, and finishes in minutes. With a large quota every flow
 * drains its backlog in one run, so the cost that grows with runs x SKUs under the real quota (issue 16) is not
 * exercised here; the simulated-clock suites measure quota-bound behaviour.
 */
public final class ScaleSuite implements Suite {

    private static final long SEED = 6;
    private static final String HEAP = "-Xmx64m";

    private final Size fixedLarge;
    private final Size fixedSmall;

    /** The suite at the sizes of the run (see the class description). */
    public ScaleSuite() {
        this(null, null);
    }

    /** The suite at fixed sizes, whatever the run's settings (for tests). */
    ScaleSuite(Size large, Size small) {
        this.fixedLarge = large;
        this.fixedSmall = small;
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public List<Figure> run(RunSettings settings) throws IOException, InterruptedException {
        Size large = fixedLarge != null ? fixedLarge
                : settings.quick() ? new Size(20_000, 5_000) : new Size(200_000, 50_000);
        Size small = fixedSmall != null ? fixedSmall
                : settings.quick() ? new Size(2_000, 500) : new Size(20_000, 5_000);
        Outcome base = runChild(small, settings.quick() ? Duration.ofMinutes(2) : Duration.ofMinutes(4));
        Outcome big = runChild(large, settings.quick() ? Duration.ofMinutes(4) : Duration.ofMinutes(6));
        return figures(small, base, large, big);
    }

    static List<Figure> figures(Size small, Outcome base, Size large, Outcome big) {
        List<Figure> figures = new ArrayList<>();
        String at = String.format(Locale.ROOT, "%,d SKUs + %,d orders", large.skus(), large.orders());
        String vs = String.format(Locale.ROOT, " (vs %,d)", small.skus());
        figures.add(Figure.against("scale.completed", "completed in " + HEAP + " on H2 state, " + at + ": "
                + big.describe() + "; baseline " + base.describe(), big.completed() ? 1 : 0,
                base.completed() ? 1 : 0, "yes=1").withTarget("completes", big.completed()));
        if (big.completed() && base.completed()) {
            double perSku = big.engineCpuMs() * 1000.0 / large.skus();
            double basePerSku = base.engineCpuMs() * 1000.0 / small.skus();
            figures.add(Figure.against("scale.cpuPerSku", "engine CPU per SKU (all flows), " + at + vs, perSku,
                    basePerSku, "us/SKU").withTarget("<= 1.5x", perSku <= 1.5 * basePerSku));
            figures.add(Figure.against("scale.engineCpu", "total engine CPU (engine thread), " + at + vs,
                    big.engineCpuMs() / 1000.0, base.engineCpuMs() / 1000.0, "s"));
            figures.add(Figure.against("scale.processCpu", "child JVM CPU (engine, GC, JIT, H2), " + at + vs,
                    big.processCpuMs() / 1000.0, base.processCpuMs() / 1000.0, "s"));
            figures.add(Figure.against("scale.peakHeap", "peak heap (" + HEAP + "), " + at + vs,
                    mib(big.peakHeapBytes()), mib(base.peakHeapBytes()), "MiB"));
            figures.add(Figure.against("scale.liveHeap", "largest heap after a collection, " + at + vs,
                    mib(big.maxLiveHeapBytes()), mib(base.maxLiveHeapBytes()), "MiB"));
            figures.add(Figure.against("scale.wall", "wall time, " + at + vs, big.wallMs() / 1000.0,
                    base.wallMs() / 1000.0, "s"));
        } else if (base.completed()) {
            String of = String.format(Locale.ROOT, ", %,d SKUs + %,d orders (the large size did not complete)",
                    small.skus(), small.orders());
            figures.add(Figure.absolute("scale.small.cpuPerSku", "engine CPU per SKU (all flows)" + of,
                    base.engineCpuMs() * 1000.0 / small.skus(), "us/SKU"));
            figures.add(Figure.absolute("scale.small.peakHeap", "peak heap (" + HEAP + ")" + of,
                    mib(base.peakHeapBytes()), "MiB"));
            figures.add(Figure.absolute("scale.small.wall", "wall time" + of, base.wallMs() / 1000.0, "s"));
        }
        return figures;
    }

    private static double mib(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }

    /** Serves {@code size} from a simulator in this JVM to a {@link ScaleProgram} in a child JVM. */
    static Outcome runChild(Size size, Duration limit) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("babyshop-scale-");
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(SEED).clock(Clock.systemUTC())
                .noQuota().moderationDelay(Duration.ZERO)
                .fixture(Fixture.of(SEED, size.orders(), size.skus())).build().start()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), ScaleProgram.class.getName(), sim.baseUrl(),
                    SellerPanelSimulator.DEFAULT_USERNAME, sim.zone().getId(), dir.toString(), "50")
                    .redirectErrorStream(true);
            builder.environment().put(ScaleProgram.PASSWORD_ENV, SellerPanelSimulator.DEFAULT_PASSWORD);
            Process child = builder.start();
            CompletableFuture<List<String>> output = CompletableFuture.supplyAsync(() -> lines(child));
            if (!child.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return Outcome.unfinished("did not finish in " + limit.toMinutes() + " min"
                        + Outcome.progress(output.join()));
            }
            return Outcome.parse(output.join(), child.exitValue());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<String> lines(Process child) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child was ended: keep what it printed
        }
        return lines;
    }

    /**
     * A benchmark size.
     *
     * @param skus SKUs in the simulator's catalog
     * @param orders orders in its backlog
     */
    record Size(int skus, int orders) {
    }

    /**
     * What a child run measured, or why it has no figures.
     *
     * @param failure empty when it completed; else "out of memory", "did not finish ..." or the exit code
     * @param values the result line's values
     */
    record Outcome(Optional<String> failure, Map<String, Long> values) {

        static Outcome unfinished(String why) {
            return new Outcome(Optional.of(why), Map.of());
        }

        /** Reads the child's output: its result line, or how it ended. */
        static Outcome parse(List<String> output, int exitCode) {
            for (String line : output) {
                if (line.startsWith(ScaleProgram.RESULT + " ")) {
                    return new Outcome(Optional.empty(), values(line.substring(ScaleProgram.RESULT.length() + 1)));
                }
            }
            boolean oom = output.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
            return unfinished((oom ? "out of memory" : "exit code " + exitCode + lastLine(output)) + progress(output));
        }

        /** The last progress line, in words, or "". */
        static String progress(List<String> output) {
            String last = null;
            for (String line : output) {
                if (line.startsWith(ScaleProgram.PROGRESS + " ")) {
                    last = line;
                }
            }
            if (last == null) {
                return "";
            }
            Map<String, Long> v = values(last.substring(ScaleProgram.PROGRESS.length() + 1));
            return String.format(Locale.ROOT, " (by then %,d SKUs upserted, %,d orders created, engine CPU %,d s)",
                    v.get("upserts"), v.get("created"), v.get("engineCpuMs") / 1000);
        }

        private static Map<String, Long> values(String pairs) {
            Map<String, Long> values = new HashMap<>();
            for (String pair : pairs.trim().split(" ")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], Long.parseLong(kv[1]));
            }
            return values;
        }

        private static String lastLine(List<String> output) {
            return output.isEmpty() ? "" : ": " + output.get(output.size() - 1);
        }

        boolean completed() {
            return failure.isEmpty();
        }

        String describe() {
            return failure.orElse("completed");
        }

        long engineCpuMs() {
            return values.get("engineCpuMs");
        }

        long processCpuMs() {
            return values.get("processCpuMs");
        }

        long peakHeapBytes() {
            return values.get("peakHeapBytes");
        }

        long maxLiveHeapBytes() {
            return values.get("maxLiveHeapBytes");
        }

        long wallMs() {
            return values.get("wallMs");
        }
    }
}
