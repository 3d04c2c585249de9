package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.micrometer.BabyshopMeters;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code --metrics}: the run's {@link BabyshopMeters} on a {@link SimpleMeterRegistry}, printed at the end of the
 * run as one line per meter ({@code name{tag=value,...}  figure}), sorted by name and tags; counters and timers that
 * stayed at zero are left out. Off, it passes the progress listener through and prints nothing. Not thread-safe to
 * print while flows run; the listener is.
 */
final class BridgeMetrics {
    private final SimpleMeterRegistry registry;
    private final BabyshopMeters meters;

    private BridgeMetrics(SimpleMeterRegistry registry, BabyshopMeters meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** No metrics. */
    static BridgeMetrics off() {
        return new BridgeMetrics(null, null);
    }

    /**
     * Meters of {@code client} and of the engine's runs, with the time gauges read on {@code clock} and the dead
     * letters by flow from {@code deadLetters} (read after every run).
     */
    static BridgeMetrics on(BabyshopClient client, Clock clock,
                            Supplier<Map<Flow, Long>> deadLetters) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new BridgeMetrics(registry, BabyshopMeters.builder(registry).client(client).clock(clock)
                .deadLetters(deadLetters).build());
    }

    /** The engine's listener: {@code progress}, and the meters when on. */
    SyncListener listener(SyncListener progress) {
        return meters == null ? progress : meters.listener(progress);
    }

    /** Prints the figures (nothing when off). */
    void print(PrintStream out) {
        if (registry == null) {
            return;
        }
        out.println("metrics        the babyshop-micrometer meters of this run (counters and timers at zero left out)");
        List<Meter> sorted = registry.getMeters().stream().sorted(Comparator.comparing(BridgeMetrics::label)).toList();
        for (Meter meter : sorted) {
            String figure = figure(meter);
            if (figure != null) {
                out.printf(Locale.ROOT, "  %-78s %s%n", label(meter), figure);
            }
        }
    }

    private static String label(Meter meter) {
        List<Tag> tags = meter.getId().getTags();
        return meter.getId().getName() + (tags.isEmpty() ? "" : tags.stream()
                .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(",", "{", "}")));
    }

    /** The figure of one meter, or null to leave it out. */
    private static String figure(Meter meter) {
        if (meter instanceof Counter counter) {
            return count(counter.count());
        }
        if (meter instanceof FunctionCounter counter) {
            return count(counter.count());
        }
        if (meter instanceof Timer timer) {
            return timer.count() == 0 ? null : String.format(Locale.ROOT, "%d runs, %.3f s in all, %.3f s at most",
                    timer.count(), timer.totalTime(TimeUnit.SECONDS), timer.max(TimeUnit.SECONDS));
        }
        if (meter instanceof TimeGauge gauge) {
            double seconds = gauge.value(TimeUnit.SECONDS);
            return Double.isNaN(seconds) ? "unknown" : String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (meter instanceof Gauge gauge) {
            double value = gauge.value();
            return Double.isNaN(value) ? "unknown" : number(value);
        }
        return null;
    }

    private static String count(double value) {
        return value == 0 || Double.isNaN(value) ? null : number(value);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
