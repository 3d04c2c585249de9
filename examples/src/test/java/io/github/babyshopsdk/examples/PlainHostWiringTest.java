package io.github.babyshopsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlainHostWiringTest {

    @Test
    void theReadmeWiringImportsEveryMappedOrderOfTheLastSevenDays() {
        // the wiring's engine runs on the system clock: the simulated store is anchored at the real time
        Instant start = Instant.now();
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().credentials("seller", "secret")
                .clock(new SimulatedClock(start)).fixture(Fixture.of(11, 80, 30)).build().start();
             BabyshopClient client = BabyshopClient.builder().baseUrl(sim.baseUrl()).allowInsecureHttp()
                     .credentials(Credentials.of("seller", "secret")).zone(sim.zone()).clock(sim.clock())
                     .sleeper(d -> sim.simulatedClock().advance(d)).build()) {
            InMemoryHost host = InMemoryHost.create();
            SyncEngine engine = PlainHostWiring.wire(client, InMemorySyncStateStore.create(), host);

            List<FlowReport> reports = engine.runAll();

            assertThat(reports).extracting(FlowReport::flow).contains(Flow.ORDERS, Flow.CATALOG, Flow.INVENTORY);
            assertThat(reports).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(FlowOutcome.COMPLETED));
            // a first run reads the last 7 days; orders already Cancelled when first seen are recorded, not created
            Instant window = start.minus(EngineOptions.DEFAULT_ORDER_IMPORT_WINDOW);
            Set<String> live = sim.store().orders().stream()
                    .filter(o -> !o.jit())
                    .filter(o -> Set.of(OrderStatus.PENDING, OrderStatus.CONFIRMED)
                            .contains(OrderStatus.fromCode(Integer.toString(o.status()))))
                    .map(SimOrder::orderNo).collect(Collectors.toSet());
            Set<String> recent = sim.store().orders().stream().filter(o -> live.contains(o.orderNo()))
                    .filter(o -> o.lastUpdate().isAfter(window.plus(Duration.ofMinutes(5))))
                    .map(SimOrder::orderNo).collect(Collectors.toSet());
            assertThat(recent).isNotEmpty();
            assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo)
                    .containsAll(recent).allMatch(live::contains);
            assertThat(host.skus()).isNotEmpty();
        }
    }
}
