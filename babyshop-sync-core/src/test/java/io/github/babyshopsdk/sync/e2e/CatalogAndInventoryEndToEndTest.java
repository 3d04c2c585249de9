package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Catalog (Babyshop -> host) and inventory (host -> Babyshop) end to end through the real client and the
 * simulator: valid Vendor SKU Codes only, links recorded; stock summed over the mapped hubs, floored at 0,
 * pushed once, changes only, moderation followed up.
 */
class CatalogAndInventoryEndToEndTest {

    @Test
    void skusWithAValidVendorSkuCodeAreUpsertedAndLinkedTheOthersReported() {
        try (SimWorld world = SimWorld.with(Fixture.of(7, 0, 230).withInvalidVendorSkuShare(0.25)).start()) {
            List<SimProduct> valid = world.validProducts();
            List<SimProduct> invalid = world.invalidProducts();
            assertThat(invalid).as("the fixture's invalid share").isNotEmpty();
            assertThat(invalid.size()).isBetween(230 * 15 / 100, 230 * 35 / 100);

            FlowReport report = world.engine.run(Flow.CATALOG);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(report.fetched()).isEqualTo(230);
            assertThat(report.imported()).isEqualTo(valid.size());
            assertThat(report.failed()).isEqualTo(invalid.size());
            Map<String, Product> hostSkus = world.host.skus();
            assertThat(hostSkus.keySet()).containsExactlyInAnyOrderElementsOf(skus(valid));
            for (SimProduct p : valid) {
                assertThat(hostSkus.get(p.sku()).vendorSkuCode()).hasValue(p.vendorSkuCode());
                assertThat(hostSkus.get(p.sku()).salePrice()).hasValueSatisfying(price ->
                        assertThat(price).isEqualByComparingTo(p.salePrice()));
            }
            assertThat(world.listener.subjects("skuRejected")).as("every invalid SKU reported, once")
                    .containsExactlyInAnyOrderElementsOf(skus(invalid));
            assertThat(world.listener.events("skuRejected")).allSatisfy(e -> assertThat(e).contains("no valid Vendor SKU Code"));
            assertThat(world.links()).isEqualTo(valid.stream()
                    .collect(Collectors.toMap(SimProduct::vendorSkuCode, SimProduct::sku)));
            // the simulator received three pages of productFetch, nothing else but the token
            assertThat(world.sim.requests().count(Operation.PRODUCT_FETCH)).isEqualTo(3);
            assertThat(world.sim.requests().all()).extracting(r -> r.operation())
                    .containsOnly(Operation.AUTH_TOKEN, Operation.PRODUCT_FETCH);

            // incremental: a changed SKU, a new one, and one that lost its Vendor SKU Code
            world.advance(Duration.ofMinutes(1));
            SimProduct repriced = world.sim.store().updateProduct(valid.get(0).sku(),
                    p -> p.withSalePrice(new BigDecimal("12.34")));
            SimProduct added = world.sim.store().putProduct(SimProduct.of("BS-NEW-00001", "V-NEW-0001", "New bottle",
                    "Philips Avent", new BigDecimal("49.00"), world.clock.instant()));
            SimProduct lost = world.sim.store().updateProduct(valid.get(1).sku(), p -> p.withVendorSkuCode(" "));
            // the daily reconciliation (which lists the products changed in its window too) has run, so the runDue
            // below, 6 hours on, runs the catalog flow and counts its calls only
            world.engine.run(Flow.RECONCILIATION);
            world.listener.clear();
            world.advance(Duration.ofHours(6));
            int pagesBefore = world.sim.requests().count(Operation.PRODUCT_FETCH);

            FlowReport second = world.engine.runDue(world.clock.instant()).stream()
                    .filter(r -> r.flow() == Flow.CATALOG).findFirst().orElseThrow();

            assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(world.sim.requests().count(Operation.PRODUCT_FETCH)).isEqualTo(pagesBefore + 1);
            assertThat(second.fetched()).as("only what changed since the cursor (minus the overlap)").isLessThan(20);
            assertThat(world.host.skus().get(repriced.sku()).salePrice()).hasValueSatisfying(price ->
                    assertThat(price).isEqualByComparingTo("12.34"));
            assertThat(world.host.skus()).containsKey(added.sku());
            assertThat(world.links()).containsEntry("V-NEW-0001", added.sku());
            assertThat(world.listener.subjects("skuRejected")).contains(lost.sku());
        }
    }

    @Test
    void stockIsSummedOverMappedHubsFlooredAtZeroPushedOnceAndOnlyChangesAfterwards() {
        try (SimWorld world = SimWorld.with(Fixture.of(11, 5, 40)).start()) {
            world.engine.run(Flow.CATALOG);
            Map<String, String> links = world.links();
            List<SimProduct> linked = world.validProducts();
            assertThat(links).hasSize(linked.size()).hasSizeGreaterThan(8);
            assertThat(world.invalidProducts()).isNotEmpty();

            // host stock per Vendor SKU Code and hub: two mapped hubs and one the mapping does not name
            for (int i = 0; i < linked.size(); i++) {
                String code = linked.get(i).vendorSkuCode();
                world.host.setStock(code, SimWorld.DXB, BigDecimal.valueOf(i % 7 + 1));
                world.host.setStock(code, SimWorld.RUH, BigDecimal.valueOf(i % 4));
                world.host.setStock(code, SimWorld.UNMAPPED_HUB, BigDecimal.valueOf(500 + i));
            }
            String negative = linked.get(0).vendorSkuCode();
            world.host.setStock(negative, SimWorld.DXB, new BigDecimal("-8"));
            world.host.setStock(negative, SimWorld.RUH, new BigDecimal("3"));
            String fractional = linked.get(1).vendorSkuCode();
            world.host.setStock(fractional, SimWorld.DXB, new BigDecimal("2.5"));
            world.host.setStock(fractional, SimWorld.RUH, new BigDecimal("0.0049"));
            String invalidCodeStock = "V-UNKNOWN-9999"; // the host stocks a code Babyshop does not link
            world.host.setStock(invalidCodeStock, SimWorld.DXB, BigDecimal.TEN);
            world.advance(Duration.ofSeconds(1));

            FlowReport first = world.engine.run(Flow.INVENTORY);

            assertThat(first.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(first.pushed()).isEqualTo(links.size());
            Map<String, InventoryUpdate> latest = world.sim.store().latestInventory();
            assertThat(latest.keySet()).as("exactly the linked SKUs, nothing for invalid or unknown codes")
                    .containsExactlyInAnyOrderElementsOf(links.values());
            for (SimProduct p : linked) {
                BigDecimal expected = world.expectedQuantity(p.vendorSkuCode());
                assertThat(latest.get(p.sku()).invQty()).as("Babyshop stock of %s", p.vendorSkuCode())
                        .isEqualByComparingTo(expected);
                InventoryState state = world.inventoryState(p.vendorSkuCode()).orElseThrow();
                assertThat(state.acknowledgedQuantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo(expected));
                assertThat(state.pendingQuantity()).isEmpty();
                assertThat(state.moderationStatus()).hasValue("Pending");
            }
            assertThat(latest.get(links.get(negative)).invQty()).as("negative total floored").isEqualByComparingTo("0");
            assertThat(latest.get(links.get(fractional)).invQty()).as("3 decimals, rounded down").isEqualByComparingTo("2.504");
            assertThat(world.sim.requests().count(Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(1);
            assertThat(world.sim.store().inventoryUpdates()).hasSize(links.size());

            // a second run with no change pushes nothing
            world.advance(Duration.ofMinutes(1));
            FlowReport second = world.engine.run(Flow.INVENTORY);
            assertThat(second.pushed()).isZero();
            assertThat(world.sim.requests().count(Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(1);
            assertThat(world.sim.store().inventoryUpdates()).hasSize(links.size());

            // one SKU changes in a mapped hub, another only in the unmapped hub: only the first is pushed
            SimProduct changed = linked.get(5);
            SimProduct ignored = linked.get(6);
            world.host.setStock(changed.vendorSkuCode(), SimWorld.RUH, new BigDecimal("40"));
            world.host.setStock(ignored.vendorSkuCode(), SimWorld.UNMAPPED_HUB, new BigDecimal("999"));
            world.advance(Duration.ofMinutes(1));
            int updatesBefore = world.sim.store().inventoryUpdates().size();

            FlowReport third = world.engine.run(Flow.INVENTORY);

            assertThat(third.pushed()).isEqualTo(1);
            List<InventoryUpdate> news = world.sim.store().inventoryUpdates().subList(updatesBefore,
                    world.sim.store().inventoryUpdates().size());
            assertThat(news).singleElement().satisfies(u -> {
                assertThat(u.sku()).isEqualTo(changed.sku());
                assertThat(u.invQty()).isEqualByComparingTo(world.expectedQuantity(changed.vendorSkuCode()));
            });
            assertThat(world.sim.requests().count(Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(2);

            // moderation is followed up once the simulator has approved (10 simulated minutes) and, as the
            // ids cannot fill a call of 100, once the earliest has waited the max wait (1 hour) since its push
            world.advance(Duration.ofMinutes(11));
            world.engine.run(Flow.INVENTORY);
            assertThat(world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS)).as("not full, not overdue")
                    .isZero();
            world.advance(world.options.moderationMaxWait());
            int statusCalls = world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS);
            FlowReport fourth = world.engine.run(Flow.INVENTORY);
            assertThat(fourth.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(fourth.pushed()).isZero();
            assertThat(world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS)).isGreaterThan(statusCalls);
            Set<String> approved = new HashSet<>();
            for (SimProduct p : linked) {
                InventoryState state = world.inventoryState(p.vendorSkuCode()).orElseThrow();
                assertThat(state.moderationStatus()).as("moderation of %s", p.vendorSkuCode()).hasValue("Approved");
                assertThat(world.sim.store().moderationStatus(Long.parseLong(state.moderationId().orElseThrow())))
                        .hasValue("Approved");
                approved.add(p.sku());
            }
            assertThat(approved).hasSize(links.size());
            assertThat(world.listener.events("inventoryRejected")).isEmpty();
            // a further run has nothing left to ask
            int statusCallsAfter = world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS);
            world.advance(Duration.ofMinutes(1));
            world.engine.run(Flow.INVENTORY);
            assertThat(world.sim.requests().count(Operation.INVENTORY_PRICE_STATUS)).isEqualTo(statusCallsAfter);
        }
    }

    private static List<String> skus(List<SimProduct> products) {
        return products.stream().map(SimProduct::sku).toList();
    }
}
