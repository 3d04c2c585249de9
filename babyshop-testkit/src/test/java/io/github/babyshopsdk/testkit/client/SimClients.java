package io.github.babyshopsdk.testkit.client;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds a {@link BabyshopClient} that talks to a {@link SellerPanelSimulator}: its base URL (plain
 * http on loopback), the default seller login, the simulator's clock and zone, a sleeper that moves
 * simulated time instead of sleeping, and a retry policy whose jitter is fixed at 0.5 so backoffs are
 * exact (transient: 0.5 s, 1 s, 2 s...; quota: 60 s, 120 s, 300 s).
 *
 * <p>The client and the simulator share no code: the client sees only HTTP.
 */
final class SimClients {

    /** The retry policy of every client built here: the defaults with the jitter pinned to the middle. */
    static final RetryPolicy DETERMINISTIC_RETRIES = RetryPolicy.builder().random(() -> 0.5).build();

    private SimClients() {
    }

    /** A builder wired to the simulator; tests add their own settings before {@code build()}. */
    static BabyshopClient.Builder builderFor(SellerPanelSimulator sim, SimulatedSleeper sleeper) {
        return BabyshopClient.builder()
                .baseUrl(sim.baseUrl())
                .allowInsecureHttp()
                .credentials(Credentials.of(SellerPanelSimulator.DEFAULT_USERNAME,
                        SellerPanelSimulator.DEFAULT_PASSWORD))
                .clock(sim.clock())
                .sleeper(sleeper)
                .zone(sim.zone())
                .retryPolicy(DETERMINISTIC_RETRIES);
    }

    /** A client with the wiring of {@link #builderFor} and every other setting at its default. */
    static BabyshopClient clientFor(SellerPanelSimulator sim) {
        return builderFor(sim, new SimulatedSleeper(sim.simulatedClock())).build();
    }

    /** What the client's metrics count for the simulator operation of the same name. */
    static long sent(BabyshopClient client, Operation operation) {
        return client.metrics().requestsByOperation()
                .getOrDefault(io.github.babyshopsdk.client.Operation.valueOf(operation.name()), 0L);
    }

    /** The recorded requests of one operation that were answered with a response code. */
    static long answered(SellerPanelSimulator sim, Operation operation, int code) {
        return sim.requests().of(operation).stream().filter(r -> r.answered(code)).count();
    }

    /** The recorded requests (any operation) that were answered with a response code. */
    static List<RecordedRequest> answered(SellerPanelSimulator sim, int code) {
        return sim.requests().all().stream().filter(r -> r.answered(code)).toList();
    }

    /**
     * A {@link Sleeper} that advances the simulator's clock by what the client asks to wait, and
     * remembers each wait. Thread-safe.
     */
    static final class SimulatedSleeper implements Sleeper {
        private final SimulatedClock clock;
        private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        SimulatedSleeper(SimulatedClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            clock.advance(duration);
        }

        /** Every wait, in the order asked. */
        List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }

        /** The sum of the waits. */
        Duration total() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }
}
