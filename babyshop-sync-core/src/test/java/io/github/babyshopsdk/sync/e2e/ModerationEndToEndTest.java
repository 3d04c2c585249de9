package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deferred moderation follow-up (issue 16) through the real client and the simulator, whose moderation
 * answers Pending for 10 simulated minutes and then its verdict: inventory runs every 15 minutes; refusals
 * are reported within {@code moderationMaxWait} of the push, a superseded push is never asked, and the
 * statuses of a handful of SKUs cost one call, not one per run.
 */
class ModerationEndToEndTest {
    private static final Duration RUN_EVERY = Duration.ofMinutes(15);

    @Test
    void refusalsAreReportedWithinTheMaxWaitAndOneCallServesSeveralRuns() {
        try (SimWorld world = SimWorld.with(Fixture.of(13, 0, 40)).start()) {
            Duration maxWait = world.options.moderationMaxWait();
            world.engine.run(Flow.CATALOG);
            List<SimProduct> linked = world.validProducts();
            assertThat(linked).hasSizeGreaterThan(10);
            for (int i = 0; i < linked.size(); i++) {
                world.host.setStock(linked.get(i).vendorSkuCode(), SimWorld.DXB, BigDecimal.valueOf(i + 1));
            }
            world.advance(Duration.ofSeconds(1));
            Instant pushedAt = world.clock.instant();
            world.engine.run(Flow.INVENTORY);
            Map<String, Long> firstIds = new LinkedHashMap<>();
            world.sim.store().inventoryUpdates().forEach(u -> firstIds.put(u.sku(), u.moderationId()));
            assertThat(firstIds).hasSize(linked.size());

            // Babyshop refuses two SKUs' stock; a third is refused too, but pushed again before it is asked
            SimProduct refusedA = linked.get(0);
            SimProduct refusedB = linked.get(1);
            SimProduct superseded = linked.get(2);
            for (SimProduct p : List.of(refusedA, refusedB, superseded)) {
                world.sim.store().decideModeration(firstIds.get(p.sku()), "Rejected");
            }
            world.advance(RUN_EVERY);
            world.host.setStock(superseded.vendorSkuCode(), SimWorld.DXB, new BigDecimal("99"));
            List<String> reportedAt = new ArrayList<>();
            world.engine.run(Flow.INVENTORY);
            InventoryUpdate repush = world.sim.store().inventoryHistory(superseded.sku()).get(1);

            while (Duration.between(pushedAt, world.clock.instant()).compareTo(maxWait.multipliedBy(3)) < 0) {
                world.advance(RUN_EVERY);
                world.engine.run(Flow.INVENTORY);
                world.listener.events("inventoryRejected").stream().filter(e -> !reportedAt.contains(e))
                        .forEach(e -> {
                            reportedAt.add(e);
                            assertThat(Duration.between(pushedAt, world.clock.instant()))
                                    .as("reported within the max wait of the push: %s", e)
                                    .isLessThanOrEqualTo(maxWait);
                        });
            }

            assertThat(world.listener.subjects("inventoryRejected")).as("the superseded push is not reported")
                    .containsExactlyInAnyOrder(refusedA.vendorSkuCode(), refusedB.vendorSkuCode());
            List<String> statusCalls = world.sim.requests().all().stream()
                    .filter(r -> r.operation() == Operation.INVENTORY_PRICE_STATUS).map(r -> r.requestBody())
                    .toList();
            assertThat(statusCalls).as("one call, at the max wait, for every id of the runs before: not one per run;"
                    + " then one for the re-pushes of the two refused SKUs (issue 12)").hasSize(2);
            assertThat(statusCalls.get(1))
                    .contains(Long.toString(world.sim.store().inventoryHistory(refusedA.sku()).get(1).moderationId()))
                    .contains(Long.toString(world.sim.store().inventoryHistory(refusedB.sku()).get(1).moderationId()));
            assertThat(statusCalls.get(0)).as("the re-push's id is asked, the superseded one never")
                    .contains(Long.toString(repush.moderationId()))
                    .doesNotContain(Long.toString(firstIds.get(superseded.sku())))
                    .contains(Long.toString(firstIds.get(refusedA.sku())));
            InventoryState supersededState = world.inventoryState(superseded.vendorSkuCode()).orElseThrow();
            assertThat(supersededState.moderationId()).contains(Long.toString(repush.moderationId()));
            assertThat(supersededState.moderationStatus()).contains("Approved");
            for (SimProduct p : linked) {
                InventoryState state = world.inventoryState(p.vendorSkuCode()).orElseThrow();
                assertThat(state.moderationStatus()).as("final status of %s", p.vendorSkuCode()).isPresent()
                        .isNotEqualTo(java.util.Optional.of("Pending"));
                assertThat(state.moderationCheckAt()).isEmpty();
            }
        }
    }
}
