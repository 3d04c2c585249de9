package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.config.Reserve;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge's {@code safetyStock:} section: read, refused with the line when bad, and applied on the wire. */
class BridgeSafetyStockTest {
    @TempDir
    Path dir;

    private static BridgeConfig parse(String yaml) {
        return ConfigLoader.parse(new StringReader(yaml), "config.yml");
    }

    private static void refused(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BridgeFailure.class).hasMessageContaining(message)
                .extracting(e -> ((BridgeFailure) e).exitCode()).isEqualTo(2);
    }

    @Test
    void theSectionReadsGlobalHubAndSkuReserves() {
        BridgeConfig config = parse(BridgeWorld.CONFIG + """
                safetyStock:
                  global: 2
                  hubs: { HUB-RUH: 10% }
                  skus:
                    V-PRAM-01: 0
                    V-BOTTLE-02: "12.5 %"
                """);

        assertThat(config.safetyStock()).isEqualTo(SafetyStock.builder().global(Reserve.units(2))
                .putHubs("HUB-RUH", Reserve.percent(10)).putSkus("V-PRAM-01", Reserve.units(0))
                .putSkus("V-BOTTLE-02", Reserve.percent(new java.math.BigDecimal("12.5"))).build());
        assertThat(parse(BridgeWorld.CONFIG).safetyStock()).as("absent = none").isEqualTo(SafetyStock.none());
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void badReservesAreBadInputNamingTheLine() {
        refused(BridgeWorld.CONFIG + "safetyStock: { global: two }\n",
                "config.yml line 20: safetyStock.global: a stock reserve must be a number of units (e.g. \"2\") or a"
                        + " percentage (e.g. \"10%\"), not \"two\"");
        refused(BridgeWorld.CONFIG + "safetyStock:\n  hubs: { HUB-RUH: 120% }\n",
                "config.yml line 21: safetyStock.hubs.HUB-RUH: a percentage reserve is at most 100%: 120");
        refused(BridgeWorld.CONFIG + "safetyStock:\n  skus:\n    V-1: -3\n",
                "config.yml line 22: safetyStock.skus.V-1: a reserve cannot be negative: -3");
        refused(BridgeWorld.CONFIG + "safetyStock: { perSku: 2 }\n",
                "config.yml line 20: unknown key 'perSku' in safetyStock (known: global, hubs, skus)");
        refused(BridgeWorld.CONFIG + "safetyStock: 2\n", "config.yml line 20: safetyStock must be a map");
    }

    @Test
    void theConfigWarnsOfCancelledNotMappedOutboundAndInventoryWithoutCatalog() {
        BridgeConfig config = parse(BridgeWorld.CONFIG.replace("    CANCELLED: Cancelled\n", "")
                .replace("  catalogSync: true", "  catalogSync: false"));

        assertThat(config.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("does not map CANCELLED",
                        "cancelled orders will not sync back to Babyshop"))
                .anySatisfy(w -> assertThat(w).contains("Inventory Sync is on with Catalog Sync off"));
    }

    @Test
    void aSafetyStockOfTwoTurnsFiveIntoThreeAndOneIntoZeroOnTheWire() {
        try (BridgeWorld world = new BridgeWorld(dir, Fixture.of(5, 4, 8))) {
            List<SimProduct> valid = world.validProducts();
            SimProduct five = valid.get(0);
            SimProduct one = valid.get(1);
            world.write("config.yml", BridgeWorld.CONFIG + "safetyStock: { global: 2 }\n");
            world.write("inventory.csv", "vendorSkuCode,hub,available\n" + five.vendorSkuCode() + ",HUB-DXB,5\n"
                    + one.vendorSkuCode() + ",HUB-DXB,1\n");

            BridgeWorld.Result result = world.run("--once");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stderr()).as("the mapping is applied before the toggles: no passing warning")
                    .doesNotContain("will not sync back");
            Map<String, InventoryUpdate> latest = world.sim.store().latestInventory();
            assertThat(latest.get(five.sku()).invQty()).isEqualByComparingTo("3");
            assertThat(latest.get(one.sku()).invQty()).isEqualByComparingTo("0");
        }
    }
}
