package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatorStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --hard-sync}: the bridge requests a hard sync (actor "bridge", in the configuration log) before the run,
 * so every linked SKU's stock is pushed once even when unchanged, and a level edited by hand on Babyshop is
 * corrected; without the flag a second run pushes nothing.
 */
class BridgeHardSyncTest {
    @TempDir
    Path dir;
    private BridgeWorld world;
    private List<SimProduct> stocked;

    @BeforeEach
    void setUp() {
        world = new BridgeWorld(dir, Fixture.of(19, 0, 30));
        world.write("config.yml", BridgeWorld.CONFIG);
        stocked = world.sim.store().products().stream().filter(SimProduct::hasValidVendorSkuCode).toList();
        StringBuilder csv = new StringBuilder("vendorSkuCode,hub,available\n");
        for (int i = 0; i < stocked.size(); i++) {
            csv.append(stocked.get(i).vendorSkuCode()).append(",HUB-DXB,").append(i + 1).append('\n');
        }
        world.write("inventory.csv", csv.toString());
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private Map<String, Long> pushedSince(int from) {
        List<InventoryUpdate> all = world.sim.store().inventoryUpdates();
        return all.subList(from, all.size()).stream().filter(u -> !SimulatorStore.BY_HAND.equals(u.credential()))
                .collect(Collectors.groupingBy(InventoryUpdate::sku, Collectors.counting()));
    }

    @Test
    void hardSyncPushesEveryLinkedSkuOnceAndCorrectsAHandEdit() {
        assertThat(world.run("--once").exitCode()).isZero();
        SimProduct edited = stocked.get(2);
        world.sim.store().editStockByHand(edited.sku(), new BigDecimal("500"));
        world.sim.simulatedClock().advance(Duration.ofMinutes(1));
        int mark = world.sim.store().inventoryUpdates().size();

        BridgeWorld.Result plain = world.run("--once");

        assertThat(plain.exitCode()).as(plain.stderr()).isZero();
        assertThat(pushedSince(mark)).as("nothing changed in the host: nothing pushed").isEmpty();
        assertThat(world.sim.store().latestInventory().get(edited.sku()).invQty()).isEqualByComparingTo("500");

        BridgeWorld.Result hard = world.run("--once", "--hard-sync");

        assertThat(hard.exitCode()).as(hard.stderr()).isZero();
        assertThat(hard.stderr()).contains("hard sync requested");
        Map<String, Long> pushed = pushedSince(mark);
        assertThat(pushed.keySet()).containsExactlyInAnyOrderElementsOf(stocked.stream().map(SimProduct::sku).toList());
        assertThat(pushed.values()).as("each linked SKU once").containsOnly(1L);
        assertThat(world.sim.store().latestInventory().get(edited.sku()).invQty()).isEqualByComparingTo("3");
        List<ConfigurationChange> log = configurationLog();
        assertThat(log).filteredOn(change -> change.subject().equals("inventory.hardSync")).singleElement()
                .satisfies(change -> assertThat(change.actor()).isEqualTo("bridge"));
    }

    @Test
    void hardSyncIsInTheHelp() {
        BridgeWorld.Result help = world.runExactly("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--hard-sync");
    }

    private List<ConfigurationChange> configurationLog() {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(world.stateUrl());
        return JdbcSyncStateStore.builder().dataSource(dataSource).storeId(storeId()).build()
                .inTransaction(tx -> tx.settings().changes());
    }

    private static String storeId() {
        return BridgeWorld.USER; // the bridge's store id is the seller username
    }
}
