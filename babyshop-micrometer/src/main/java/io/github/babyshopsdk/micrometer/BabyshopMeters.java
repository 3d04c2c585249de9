package io.github.babyshopsdk.micrometer;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.micrometer.internal.ClientMeters;
import io.github.babyshopsdk.micrometer.internal.SyncMeters;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The sync's figures on a host's own Micrometer registry: the client's requests and quota, and what the engine's
 * runs did, so the sync shows on the dashboards the host already has.
 *
 * <pre>{@code
 * BabyshopMeters meters = BabyshopMeters.builder(registry).client(client)
 *     .tags(Tags.of("store", "my-store"))                 // optional, to tell stores apart
 *     .deadLetters(() -> deadLettersByFlow())             // optional
 *     .build();
 * SyncEngine engine = SyncEngine.builder()...listener(meters.listener(myListener)).build();
 * }</pre>
 *
 * <p>Meters (every one also carries the {@link Builder#tags common tags}; tag values are lower case, and no tag
 * ever holds an order number, a SKU, a message or a secret):
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@code babyshop.client.requests}</td><td>function counter</td><td>operation, outcome</td>
 *       <td>HTTP requests by operation ({@code orderList}, ...) and outcome ({@code success}, {@code api_error},
 *       {@code auth_error}, {@code quota_exceeded}, {@code transient_error}); retries and {@code authToken} calls
 *       included</td></tr>
 *   <tr><td>{@code babyshop.client.retries}</td><td>function counter</td><td></td><td>attempts repeated</td></tr>
 *   <tr><td>{@code babyshop.client.reauthentications}</td><td>function counter</td><td></td>
 *       <td>key refreshes after code 2000</td></tr>
 *   <tr><td>{@code babyshop.client.quota.rejections}</td><td>function counter</td><td></td>
 *       <td>code-13 / HTTP 429 answers</td></tr>
 *   <tr><td>{@code babyshop.client.quota.waits}</td><td>function counter</td><td></td>
 *       <td>waits for the local quota budget</td></tr>
 *   <tr><td>{@code babyshop.quota.remaining}</td><td>gauge</td><td></td><td>calls the most urgent tier may make
 *       now (without a client: left at the end of the last run)</td></tr>
 *   <tr><td>{@code babyshop.quota.limit}</td><td>gauge</td><td></td><td>calls per window (with a client)</td></tr>
 *   <tr><td>{@code babyshop.sync.runs}</td><td>timer</td><td>flow, outcome</td><td>flow runs and their durations
 *       ({@code completed}, {@code waiting_on_quota}, {@code failed}, ...)</td></tr>
 *   <tr><td>{@code babyshop.sync.records}</td><td>counter</td><td>flow, kind</td><td>records {@code fetched},
 *       {@code imported}, {@code updated}, {@code pushed}, {@code failed}</td></tr>
 *   <tr><td>{@code babyshop.sync.orders.skipped}</td><td>counter</td><td>reason</td>
 *       <td>orders not imported, by reason</td></tr>
 *   <tr><td>{@code babyshop.sync.quota.waits}</td><td>counter</td><td>flow</td><td>runs' waits for the quota
 *       window</td></tr>
 *   <tr><td>{@code babyshop.sync.orders.lag}</td><td>time gauge</td><td></td><td>now minus the later of the orders
 *       cursor and the start of the last completed orders run</td></tr>
 *   <tr><td>{@code babyshop.sync.since.completed}</td><td>time gauge</td><td>flow</td><td>time since the flow's last
 *       completed run</td></tr>
 *   <tr><td>{@code babyshop.sync.dead.letters}</td><td>gauge</td><td>flow</td><td>dead letters (with
 *       {@link Builder#deadLetters})</td></tr>
 *   <tr><td>{@code babyshop.sync.warnings}</td><td>counter</td><td></td><td>warnings the engine gave</td></tr>
 * </table>
 * Gauges read NaN until their figure is known. Runs skipped because another instance holds the flow's lease do not
 * reach listeners, so they are not counted.
 *
 * <p>Thread-safe. The meters hold the client strongly; {@link #close()} removes every meter this instance
 * registered. Use one instance per store and registry; give each store its own {@link Builder#tags tags}.
 */
public final class BabyshopMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final SyncMeters sync;
    private final List<Meter> clientMeters;

    private BabyshopMeters(Builder builder) {
        this.registry = builder.registry;
        this.clientMeters = builder.client == null ? List.of()
                : ClientMeters.register(builder.registry, builder.client, builder.tags);
        this.sync = new SyncMeters(builder.registry, builder.tags, builder.clock, builder.deadLetters,
                builder.client == null);
    }

    /**
     * Binds {@code client}'s meters and the engine meters to {@code registry}, without common tags or dead letters:
     * {@code builder(registry).client(client).build()}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static BabyshopMeters bind(MeterRegistry registry, BabyshopClient client) {
        return builder(registry).client(Objects.requireNonNull(client, "client")).build();
    }

    /**
     * A builder registering on {@code registry}.
     *
     * @throws NullPointerException if {@code registry} is null
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * The listener to give the engine ({@code SyncEngine.Builder.listener}): it records every run in the meters.
     * Quick, never throws, thread-safe.
     */
    public SyncListener listener() {
        return sync;
    }

    /**
     * A listener that records the meters and then tells {@code host} every event too
     * ({@link SyncListener#composite}), for a host with a listener of its own.
     *
     * @throws NullPointerException if {@code host} is null
     */
    public SyncListener listener(SyncListener host) {
        return SyncListener.composite(sync, Objects.requireNonNull(host, "host"));
    }

    /** Every meter this instance has registered so far (the engine's timers and reason counters appear as they happen). */
    public List<Meter> meters() {
        List<Meter> all = new ArrayList<>(clientMeters);
        all.addAll(sync.meters());
        return List.copyOf(all);
    }

    /** Removes every meter this instance registered from the registry; the listener keeps working unseen. */
    @Override
    public void close() {
        meters().forEach(registry::remove);
    }

    /** Configures {@link BabyshopMeters}. Not thread-safe. */
    public static final class Builder {
        private final MeterRegistry registry;
        private BabyshopClient client;
        private Tags tags = Tags.empty();
        private Clock clock = Clock.systemUTC();
        private Supplier<Map<Flow, Long>> deadLetters;

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /**
         * The client whose requests and quota to meter (the one the engine's channel uses). Optional: without it
         * only the engine's meters are registered, and {@code babyshop.quota.remaining} comes from the flow reports.
         */
        public Builder client(BabyshopClient client) {
            this.client = client;
            return this;
        }

        /**
         * Tags added to every meter, e.g. {@code store}: keep their values few and never a secret.
         *
         * @throws NullPointerException if {@code tags} is null
         */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * The clock of the time gauges (lag, time since the last completed run): the engine's clock. Default UTC
         * system time.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Dead letters by flow for the {@code babyshop.sync.dead.letters} gauges (a flow it leaves out counts 0).
         * Called on the engine's thread after every flow run; it may read the state store, should be quick, and
         * may throw (the gauges then keep their last figures). Optional: without it there are no dead-letter gauges.
         */
        public Builder deadLetters(Supplier<Map<Flow, Long>> deadLetters) {
            this.deadLetters = deadLetters;
            return this;
        }

        /** Registers the meters and returns the binding. */
        public BabyshopMeters build() {
            return new BabyshopMeters(this);
        }
    }
}
