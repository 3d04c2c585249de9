package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stock half of reconciliation (issue 12): Babyshop's productFetch carries no stock, so a linked SKU Babyshop
 * changed after the engine's last push of it is pushed again, and one whose last change is that push is left alone.
 */
class StockReconciliationEndToEndTest {

    @Test
    void aSkuChangedOnBabyshopAfterTheLastPushIsPushedAgainAndTheOthersAreNot() {
        try (SimWorld world = SimWorld.with(Fixture.of(1205, 0, 30)).start()) {
            assertThat(world.engine.run(Flow.CATALOG).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            List<SimProduct> linked = world.validProducts();
            for (SimProduct product : linked) {
                world.host.setStock(product.vendorSkuCode(), SimWorld.DXB, new BigDecimal("4"));
            }
            world.advance(Duration.ofSeconds(1));
            assertThat(world.engine.run(Flow.INVENTORY).pushed()).isEqualTo(linked.size());
            world.advance(Duration.ofHours(1));
            SimProduct edited = linked.get(0);
            // edited in the seller panel after the push: stock by hand, and the product's update time moves
            world.sim.store().editStockByHand(edited.sku(), new BigDecimal("9"));
            world.sim.store().updateProduct(edited.sku(), p -> p.withSalePrice(new BigDecimal("123")));
            world.advance(Duration.ofMinutes(1));
            int updates = world.sim.store().inventoryUpdates().size();

            FlowReport reconciled = world.engine.run(Flow.RECONCILIATION);
            FlowReport pushed = world.engine.run(Flow.INVENTORY);

            assertThat(reconciled.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(reconciled.repaired()).as("only the SKU changed after its push").isEqualTo(1);
            assertThat(world.listener.subjects("skuRepaired")).containsExactly(edited.vendorSkuCode());
            assertThat(pushed.pushed()).isEqualTo(1);
            List<InventoryUpdate> sent = world.sim.store().inventoryUpdates().subList(updates,
                    world.sim.store().inventoryUpdates().size());
            assertThat(sent).extracting(InventoryUpdate::sku).containsExactly(edited.sku());
            assertThat(world.sim.store().latestInventory().get(edited.sku()).invQty()).isEqualByComparingTo("4");
        }
    }
}
