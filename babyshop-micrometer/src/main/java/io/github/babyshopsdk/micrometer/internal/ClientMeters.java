package io.github.babyshopsdk.micrometer.internal;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.ClientMetrics;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.RequestOutcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Registers a client's counters ({@link BabyshopClient#metrics()}) as FunctionCounters and its quota budget
 * ({@link BabyshopClient#quota()}) as gauges. The meters read the client when the registry reads them. Micrometer
 * holds a function counter's object weakly, so the quota gauges hold the client strongly: every meter reads it until
 * the gauges are removed. Thread-safe (the client is).
 */
public final class ClientMeters {
    private ClientMeters() {
    }

    /**
     * Registers the client's meters with {@code tags} added to each, and returns them (to remove them later).
     * One {@code babyshop.client.requests} counter per operation and outcome: 15 x 5, every one present from the
     * start (0 until it happens), so a rate never starts from a missing series.
     */
    public static List<Meter> register(MeterRegistry registry, BabyshopClient client, Tags tags) {
        List<Meter> meters = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            for (RequestOutcome outcome : RequestOutcome.values()) {
                meters.add(FunctionCounter.builder(MeterNames.CLIENT_REQUESTS, client,
                                c -> c.metrics().requests(operation, outcome))
                        .description("HTTP requests sent to SellerPanel V3, by operation and outcome (retries and "
                                + "authToken calls included)")
                        .tags(tags).tag(MeterNames.OPERATION, operation.path())
                        .tag(MeterNames.OUTCOME, MeterNames.tag(outcome))
                        .register(registry));
            }
        }
        meters.add(counter(registry, MeterNames.CLIENT_RETRIES, client, ClientMetrics::retries, tags,
                "attempts repeated after a transient failure or a quota answer"));
        meters.add(counter(registry, MeterNames.CLIENT_REAUTHENTICATIONS, client, ClientMetrics::reauthentications,
                tags, "authToken calls made because the server rejected the API key (code 2000)"));
        meters.add(counter(registry, MeterNames.CLIENT_QUOTA_REJECTIONS, client, ClientMetrics::quotaRejections,
                tags, "quota-exceeded answers (code 13 or HTTP 429)"));
        meters.add(counter(registry, MeterNames.CLIENT_QUOTA_WAITS, client, ClientMetrics::quotaWaits, tags,
                "times a request waited for the local quota budget"));
        meters.add(gauge(registry, MeterNames.QUOTA_REMAINING, client, c -> c.quota().remaining(), tags,
                "calls the most urgent tier may make now without waiting"));
        meters.add(gauge(registry, MeterNames.QUOTA_LIMIT, client, c -> c.quota().limit(), tags,
                "calls allowed per quota window"));
        return meters;
    }

    private static Meter counter(MeterRegistry registry, String name, BabyshopClient client,
                                 ToDoubleFunction<ClientMetrics> value, Tags tags, String description) {
        return FunctionCounter.builder(name, client, c -> value.applyAsDouble(c.metrics())).description(description)
                .tags(tags).register(registry);
    }

    private static Meter gauge(MeterRegistry registry, String name, BabyshopClient client,
                               ToDoubleFunction<BabyshopClient> value, Tags tags, String description) {
        return Gauge.builder(name, client, value).description(description).tags(tags).strongReference(true)
                .register(registry);
    }
}
