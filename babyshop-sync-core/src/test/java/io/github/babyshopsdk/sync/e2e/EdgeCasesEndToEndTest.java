package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edge cases found while writing the end-to-end suite, each against the invariant it guards. Each one
 * failed on the engine as first written and guards the fix (see the CHANGELOG).
 */
class EdgeCasesEndToEndTest {

    @Test
    void stockSetBeforeTheCatalogLinkedItsSkuReachesBabyshop() {
        // Invariant 2 / DESIGN "inventory: push what changed": a first sync of a new store (runAll, or runDue
        // at start) runs INVENTORY before CATALOG (priority order), so the first inventory run sees no link.
        try (SimWorld world = SimWorld.with(Fixture.of(11, 5, 20)).start()) {
            List<SimProduct> valid = world.validProducts();
            valid.forEach(p -> world.host.setStock(p.vendorSkuCode(), SimWorld.DXB, new BigDecimal("7")));

            world.engine.runAll();
            for (int i = 0; i < 3; i++) {
                world.advance(Duration.ofMinutes(16));
                world.engine.runDue(world.clock.instant());
            }

            assertThat(world.links()).hasSize(valid.size());
            Map<String, InventoryUpdate> latest = world.sim.store().latestInventory();
            for (SimProduct p : valid) {
                assertThat(latest.get(p.sku())).as("stock of %s on Babyshop (host has 7)", p.vendorSkuCode())
                        .isNotNull()
                        .satisfies(u -> assertThat(u.invQty()).isEqualByComparingTo("7"));
            }
        }
    }

    @Test
    void aStatusChangeInTheSameSecondAsTheReadThatSawTheOrderIsNotMissed() {
        // Invariant 1: "de-duplication by order no and last-update time"; Babyshop's times have whole seconds.
        try (SimWorld world = SimWorld.with(Fixture.of(17, 30, 20)).start()) {
            world.engine.run(Flow.ORDERS);
            SimOrder order = world.simOrders().values().stream()
                    .filter(o -> o.status() == OrderStatus.PENDING.code()).findFirst().orElseThrow();
            world.advance(Duration.ofMinutes(31));
            world.sim.store().setOrderStatus(order.orderNo(), OrderStatus.CONFIRMED.code());
            world.engine.run(Flow.ORDERS);         // reads the order at second T, Confirmed
            world.sim.store().cancelOnChannel(order.orderNo()); // still second T: orderLastUpdateDate unchanged
            world.advance(Duration.ofMinutes(31));

            world.engine.run(Flow.ORDERS);

            assertThat(world.host.order(order.orderNo()).orElseThrow().cancelled())
                    .as("Babyshop cancelled %s; the host order must follow", order.orderNo()).isTrue();
        }
    }

    @Test
    void aStockPushWhoseOutcomeWasUnknownIsCorrectedWhenTheHostGoesBackToTheAcknowledgedLevel() {
        // Invariant 2: every inventory change acknowledged; the ledger must not trust an acknowledgement that
        // a later push (reported failed, but applied on Babyshop) has overwritten.
        try (SimWorld world = SimWorld.with(Fixture.of(11, 5, 20)).start()) {
            world.engine.run(Flow.CATALOG);
            SimProduct product = world.validProducts().get(0);
            String code = product.vendorSkuCode();
            world.host.setStock(code, SimWorld.DXB, new BigDecimal("5"));
            world.engine.run(Flow.INVENTORY);
            assertThat(world.sim.store().latestInventory().get(product.sku()).invQty()).isEqualByComparingTo("5");

            world.advance(Duration.ofMinutes(1));
            world.host.setStock(code, SimWorld.DXB, new BigDecimal("9"));
            // the first attempt is applied but its answer lost; the client's two retries meet server errors
            world.sim.faults().failNext(Operation.INVENTORY_PRICE_UPDATE, 1, FaultKind.DROPPED_AFTER_PROCESSING)
                    .failNext(Operation.INVENTORY_PRICE_UPDATE, 2, FaultKind.HTTP_503);
            FlowReport failed = world.engine.run(Flow.INVENTORY);
            assertThat(failed.outcome()).isEqualTo(FlowOutcome.FAILED);
            assertThat(world.sim.store().latestInventory().get(product.sku()).invQty()).as("applied on Babyshop")
                    .isEqualByComparingTo("9");

            world.advance(Duration.ofMinutes(1));
            world.host.setStock(code, SimWorld.DXB, new BigDecimal("5")); // back to the acknowledged level
            for (int i = 0; i < 3; i++) {
                world.advance(Duration.ofMinutes(16));
                world.engine.run(Flow.INVENTORY);
            }

            InventoryState state = world.inventoryState(code).orElseThrow();
            assertThat(world.sim.store().latestInventory().get(product.sku()).invQty())
                    .as("Babyshop's stock of %s (host has 5; ledger %s)", code, state).isEqualByComparingTo("5");
        }
    }

    @Test
    void anOrderCancelledOnBabyshopBeforeTheRetryOfACreateWhoseAnswerWasLostIsCancelledInTheHost() {
        // HostOrders contract: createOrder is idempotent, "the engine calls it again after a crash between the
        // host's commit and its own". The host then answers with the order it created from the OLDER version.
        try (SimWorld world = SimWorld.with(Fixture.of(29, 20, 20)).start()) {
            world.advance(Duration.ofMinutes(1));
            SimOrder order = world.sim.store().generateOrder(); // Pending
            ForwardingHost lostAnswer = new ForwardingHost(world.host) {
                private boolean done;

                @Override
                protected void after(String method, String key) {
                    if (method.equals("createOrder") && key.equals(order.orderNo()) && !done) {
                        done = true; // the host committed, then its answer was lost (or the engine died here)
                        throw new IllegalStateException("host: timeout after commit");
                    }
                }
            };
            SyncEngine engine = world.newEngine(EngineOptions.builder().from(world.options).instanceId("node-2").build(),
                    world.store, world.gateway, lostAnswer, world.listener);
            world.advance(Duration.ofSeconds(5));
            engine.run(Flow.ORDERS);
            assertThat(world.host.order(order.orderNo())).as("created in the host from the Pending version").isPresent();
            world.advance(Duration.ofMinutes(1));
            world.sim.store().cancelOnChannel(order.orderNo());
            world.advance(Duration.ofMinutes(31));

            engine.run(Flow.ORDERS);  // retries the held order: createOrder finds the existing (active) host order
            world.advance(Duration.ofMinutes(31));
            engine.run(Flow.ORDERS);

            assertThat(world.host.createCalls()).isGreaterThanOrEqualTo(2);
            var hostOrder = world.host.order(order.orderNo()).orElseThrow();
            assertThat(hostOrder.cancelled() || hostOrder.imported().stage().equals("CANCELLED"))
                    .as("Babyshop cancelled %s; host order %s (stage %s, cancelled=%s); engine: %s", order.orderNo(),
                            hostOrder.hostOrderId(), hostOrder.imported().stage(), hostOrder.cancelled(),
                            world.engine.explain(order.orderNo()).summary())
                    .isTrue();
        }
    }

    @Test
    void withASmallQuotaTheCatalogStillRunsWhenTheWholeWindowIsFree() {
        // DESIGN "the SDK must make shorter, quota-safe intervals possible"; the quota is configurable. With the
        // default reserve (5 calls per more urgent tier) a budget of 15 or less can never serve the catalog.
        try (SimWorld world = SimWorld.with(Fixture.of(41, 0, 30)).quota(15, Duration.ofMinutes(5)).start()) {
            FlowReport first = world.engine.run(Flow.CATALOG);
            world.advance(Duration.ofHours(7));
            FlowReport later = world.engine.run(Flow.CATALOG);

            assertThat(List.of(first.outcome(), later.outcome()))
                    .as("a fresh, unused window of 15 calls; quota left %s", later.quotaRemaining())
                    .contains(FlowOutcome.COMPLETED);
            assertThat(world.host.skus()).isNotEmpty();
        }
    }

    @Test
    void aHostThatRefusesToCancelOneOrderDoesNotHoldBackTheImportOfLaterOrders() {
        // Invariant 3: a bad record is set aside with a reason and the rest goes on (createOrder failures are
        // held and retried; a failing cancelOrder should not stop the whole flow).
        try (SimWorld world = SimWorld.with(Fixture.of(23, 30, 20)).start()) {
            world.engine.run(Flow.ORDERS);
            SimOrder poisoned = world.simOrders().values().stream()
                    .filter(o -> o.status() == OrderStatus.CONFIRMED.code()).findFirst().orElseThrow();
            ForwardingHost refusing = new ForwardingHost(world.host) {
                @Override
                protected void before(String method, String key) {
                    if (method.equals("cancelOrder") && key.equals(poisoned.orderNo())) {
                        throw new IllegalStateException("host: order " + key + " is locked by a picker");
                    }
                }
            };
            SyncEngine engine = world.newEngine(EngineOptions.builder().from(world.options).instanceId("node-2").build(),
                    world.store, world.gateway, refusing, world.listener);
            world.advance(Duration.ofMinutes(1));
            world.sim.store().cancelOnChannel(poisoned.orderNo());
            world.advance(Duration.ofMinutes(1));
            SimOrder later = world.sim.store().generateOrder();
            world.advance(Duration.ofMinutes(31));

            FlowReport first = engine.run(Flow.ORDERS);
            world.advance(Duration.ofMinutes(31));
            FlowReport second = engine.run(Flow.ORDERS);

            assertThat(world.host.order(later.orderNo())).as("order %s placed after the refused cancellation; runs %s, %s",
                    later.orderNo(), first.outcome() + first.error().map(e -> " " + e).orElse(""),
                    second.outcome() + second.error().map(e -> " " + e).orElse("")).isPresent();
            assertThat(world.engine.explain(poisoned.orderNo()).summary()).contains("locked by a picker");
        }
    }
}
