package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 15's acceptance property: whatever the seed, the backlog (0 to 3,000 orders), the catalog's size, the
 * continuous drift (0 to 5 changes after every listing page, inserts and updates of records already served, on
 * orderList and productFetch alike) and the simulator's faults during the runs, once the drift stops and the
 * engine runs once more, every order in a mapped status is in the host exactly once and every SKU with a valid
 * Vendor SKU Code is in the host's SKU master with its link.
 *
 * <p>Most tries run without the overlap window (the cursors alone must lose nothing: the simulator has no commit
 * lag and shares the engine's clock); each listing page and orderFetch takes one simulated second, or none (then
 * every change of a run falls in one second, and the listings must page on within that second). Sizes are skewed
 * small to keep the property quick; the quota is generous (quota waits are tested elsewhere) and records are
 * dead-lettered late, so that a miss can only be the paging's.
 */
class PagingUnderDriftPropertyTest {
    private static final List<FaultKind> FAULTS = List.of(FaultKind.HTTP_503, FaultKind.DROPPED_CONNECTION,
            FaultKind.DROPPED_AFTER_PROCESSING, FaultKind.MALFORMED_RECORD, FaultKind.DRIFT);
    private static final AtomicLong TRIES = new AtomicLong();
    private static final AtomicLong ORDERS = new AtomicLong();
    private static final AtomicLong SKUS = new AtomicLong();
    private static final AtomicLong LISTING_CALLS = new AtomicLong();

    /** One try: the store, the drift per listing page, the faults while it drifts, the runs, the engine's overlap. */
    record Scenario(long seed, int backlog, int skus, int inserts, int updates, double faultRate, Set<FaultKind> faults,
                    int runs, boolean overlap, int tickSeconds) {
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void afterTheDriftStopsAndOneMoreRunEveryMappedOrderIsImportedOnceAndEveryValidSkuIsInTheHost(
            @ForAll("scenarios") Scenario scenario) {
        EngineOptions options = EngineOptions.builder().instanceId("engine-A").maxAttempts(50)
                .overlap(scenario.overlap() ? EngineOptions.defaults().overlap() : Duration.ZERO).build();
        Duration tick = Duration.ofSeconds(scenario.tickSeconds());
        try (SimWorld world = SimWorld.with(Fixture.of(scenario.seed(), scenario.backlog(), scenario.skus()))
                .seed(scenario.seed()).quota(100_000, Duration.ofMinutes(5)).options(options)
                .decorate((sim, gateway) -> new TickingGateway(gateway, sim.simulatedClock(), tick)).start()) {
            world.advance(Duration.ofMinutes(1));
            world.sim.faults().seed(scenario.seed());
            for (FaultKind kind : scenario.faults()) {
                world.sim.faults().randomly(kind, scenario.faultRate());
            }
            if (scenario.inserts() + scenario.updates() > 0) {
                world.sim.faults().continuousDrift(scenario.inserts(), scenario.updates());
            }
            for (int run = 0; run < scenario.runs(); run++) {
                world.engine.run(Flow.ORDERS);
                world.engine.run(Flow.CATALOG);
                world.advance(Duration.ofMinutes(5));
            }

            world.sim.faults().clear();
            assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);

            int mapped = Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            Map<String, String> links = world.links();
            List<SimProduct> valid = world.validProducts();
            for (SimProduct product : valid) {
                assertThat(world.host.skus()).as("SKU %s in the host's SKU master", product.sku())
                        .containsKey(product.sku());
                assertThat(links).as("link of %s", product.vendorSkuCode())
                        .containsEntry(product.vendorSkuCode(), product.sku());
            }
            for (SimProduct product : world.invalidProducts()) {
                assertThat(world.host.skus()).as("SKU %s without a valid code", product.sku())
                        .doesNotContainKey(product.sku());
            }
            TRIES.incrementAndGet();
            ORDERS.addAndGet(mapped);
            SKUS.addAndGet(valid.size());
            LISTING_CALLS.addAndGet(DriftFigures.calls(world, Operation.ORDER_LIST)
                    + DriftFigures.calls(world, Operation.PRODUCT_FETCH));
        }
    }

    @AfterContainer
    static void printFigures() {
        System.out.printf("PagingUnderDriftPropertyTest: %d tries passed; %d mapped orders imported, %d valid SKUs "
                + "linked, %d listing calls in all, 0 losses%n", TRIES.get(), ORDERS.get(), SKUS.get(),
                LISTING_CALLS.get());
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> backlog = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, 150)),
                Tuple.of(6, Arbitraries.integers().between(151, 800)),
                Tuple.of(2, Arbitraries.integers().between(801, 3_000)));
        Arbitrary<Integer> skus = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(1, 150)),
                Tuple.of(6, Arbitraries.integers().between(151, 500)),
                Tuple.of(1, Arbitraries.integers().between(501, 1_200)));
        Arbitrary<int[]> drift = Arbitraries.integers().between(0, 5).flatMap(changes -> Arbitraries.integers()
                .between(0, changes).map(inserts -> new int[] {inserts, changes - inserts}));
        Arbitrary<Set<FaultKind>> faults = Arbitraries.of(FAULTS).set().ofMinSize(0).ofMaxSize(FAULTS.size());
        Arbitrary<Double> rate = Arbitraries.of(0.0, 0.05, 0.1, 0.2);
        Arbitrary<Tuple.Tuple2<Boolean, Integer>> engine = Combinators.combine(
                Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)), Arbitraries.of(0, 1)).as(Tuple::of);
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000), backlog, skus, drift, rate, faults,
                        Arbitraries.integers().between(1, 3), engine)
                .as((seed, orders, products, changes, faultRate, kinds, runs, overlapAndTick) -> new Scenario(seed,
                        orders, products, changes[0], changes[1], faultRate, kinds, runs, overlapAndTick.get1(),
                        overlapAndTick.get2()));
    }
}
