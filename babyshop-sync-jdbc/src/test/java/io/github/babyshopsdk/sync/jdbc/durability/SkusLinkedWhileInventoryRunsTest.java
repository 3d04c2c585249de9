package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one store: node A's catalog run links the SKUs while node B's inventory run (another lease,
 * so allowed at the same time) takes in the links. Every linked SKU's stock must still reach Babyshop.
 *
 * <p>The interleaving is made exact: node A's host, asked to upsert the 10th SKU, has node B run the
 * inventory flow to its end before it answers.
 */
class SkusLinkedWhileInventoryRunsTest {

    @Test
    void skusLinkedByACatalogRunThatOverlapsAnInventoryRunStillGetTheirStockPushed() throws Exception {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(9).fixture(Fixture.of(9, 10, 40)).noQuota()
                .moderationDelay(Duration.ZERO).build().start();
                SharedDatabase db = SharedDatabase.h2Memory()) {
            var usersPool = db.newPool("users", 2);
            JdbcTestHost.createTables(usersPool);
            EngineNode a = EngineNode.create(sim.baseUrl(), db.newPool("node-a", 6), "node-a", true, false,
                    UnaryOperator.identity(), SyncListener.none());
            EngineNode b = EngineNode.create(sim.baseUrl(), db.newPool("node-b", 6), "node-b", true, false,
                    UnaryOperator.identity(), SyncListener.none());
            a.configure();
            JdbcTestHost users = new JdbcTestHost(usersPool, "users");
            int quantity = 1;
            for (SimProduct product : sim.store().products()) {
                if (product.hasValidVendorSkuCode()) {
                    users.setStock(product.vendorSkuCode(), EngineNode.HUB_DXB, BigDecimal.valueOf(quantity++));
                }
            }

            AtomicInteger upserts = new AtomicInteger();
            AtomicReference<FlowReport> inventoryOnB = new AtomicReference<>();
            a.host().beforeUpsert(sku -> {
                if (upserts.incrementAndGet() == 10) {
                    inventoryOnB.set(CompletableFuture.supplyAsync(() -> b.engine().run(Flow.INVENTORY)).join());
                }
            });
            FlowReport catalog = a.engine().run(Flow.CATALOG);
            assertThat(catalog.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(inventoryOnB.get().outcome()).as("node B's inventory run during the catalog run")
                    .isEqualTo(FlowOutcome.COMPLETED);
            assertThat(inventoryOnB.get().pushed()).as("SKUs node B pushed, linked before it ran").isEqualTo(9);
            for (int pass = 0; pass < 3; pass++) {
                a.engine().runAll();
                b.engine().runAll();
            }

            List<SkuLink> links = a.store().inTransaction(tx -> tx.catalog().links());
            Map<String, InventoryUpdate> latest = sim.store().latestInventory();
            List<String> missing = new ArrayList<>();
            for (SkuLink link : links) {
                if (!latest.containsKey(link.sku())) {
                    missing.add(link.sku() + " (linked " + link.updatedAt() + ")");
                }
            }
            assertThat(missing).as("linked SKUs whose stock never reached Babyshop (of %d linked)", links.size())
                    .isEmpty();
        }
    }
}
