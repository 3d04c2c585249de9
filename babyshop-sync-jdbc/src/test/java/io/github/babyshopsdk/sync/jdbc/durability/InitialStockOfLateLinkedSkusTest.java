package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Found while writing {@link KillAndRestartTest}: on a fresh store driven by {@code runAll()} (or
 * {@code runDue}), INVENTORY (tier 2) runs before CATALOG (tier 3). The first inventory run used to add
 * "every linked Vendor SKU Code" only when it had no feed token yet: no SKU was linked at that point, the
 * token moved past every stock change the host had, and the SKUs the catalog linked afterwards never had
 * their stock pushed until it changed again in the host (likewise any SKU linked later). Fixed in sync-core
 * meanwhile (the intake also takes in the links made since the last intake, cursor
 * {@code inventory.linksSeenAt}); this test keeps it fixed. For the same with two nodes see
 * {@link SkusLinkedWhileInventoryRunsTest}.
 */
class InitialStockOfLateLinkedSkusTest {

    @Test
    void theHostsStockOfEveryLinkedSkuReachesBabyshopOnAFreshStoreDrivenByRunAll() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(7).fixture(Fixture.of(7, 10, 20)).noQuota()
                .moderationDelay(Duration.ZERO).build().start();
                SharedDatabase db = SharedDatabase.h2Memory()) {
            var pool = db.newPool("node", 6);
            JdbcTestHost.createTables(pool);
            EngineNode node = EngineNode.create(sim.baseUrl(), pool, "node-a", true, false, UnaryOperator.identity(),
                    SyncListener.none());
            node.configure();
            int quantity = 1;
            for (SimProduct product : sim.store().products()) {
                if (product.hasValidVendorSkuCode()) {
                    node.host().setStock(product.vendorSkuCode(), EngineNode.HUB_DXB, BigDecimal.valueOf(quantity++));
                }
            }

            node.engine().runAll();
            node.engine().runAll();
            node.engine().runAll();

            JdbcSyncStateStore state = node.store();
            List<SkuLink> links = state.inTransaction(tx -> tx.catalog().links());
            assertThat(links).isNotEmpty();
            Map<String, InventoryUpdate> latest = sim.store().latestInventory();
            List<String> missing = new ArrayList<>();
            for (SkuLink link : links) {
                if (!latest.containsKey(link.sku())) {
                    missing.add(link.sku());
                }
            }
            assertThat(missing).as("linked SKUs whose stock never reached Babyshop (of %d linked)", links.size())
                    .isEmpty();
        }
    }
}
