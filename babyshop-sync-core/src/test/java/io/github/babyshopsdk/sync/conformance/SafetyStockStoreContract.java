package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.Reserve;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.SettingsStore#safetyStock()} and {@code saveSafetyStock}: none until
 * saved, exact round-trips (every reserve kind, decimals, non-ASCII keys), whole replacement, independence from the
 * settings and mappings, visibility within the transaction, rollback.
 */
public abstract class SafetyStockStoreContract extends StoreContractSupport {

    /** A rule with every kind of reserve. */
    protected static SafetyStock fullRule() {
        return SafetyStock.builder()
                .global(Reserve.units(2))
                .putHubs("HUB-DXB", Reserve.percent(new BigDecimal("12.5")))
                .putHubs("HUB-RUH", Reserve.units(new BigDecimal("0.125")))
                .putSkus("V-PRAM-01", Reserve.units(0))
                .putSkus("V-BOTTLE-02", Reserve.percent(100))
                .putSkus("رمز-٣", Reserve.units(1_000_000_000L))
                .build();
    }

    @Test
    void noneUntilSaved() {
        assertThat(read((SyncTransaction tx) -> tx.settings().safetyStock())).isEqualTo(SafetyStock.none());
        write(tx -> tx.settings().saveSettings(StoreSettings.builder().inventorySync(true).build()));
        assertThat(read((SyncTransaction tx) -> tx.settings().safetyStock())).as("a settings row without a rule")
                .isEqualTo(SafetyStock.none());
    }

    @Test
    void roundTripsExactlyAndIsReplacedWhole() {
        write(tx -> tx.settings().saveSafetyStock(fullRule()));
        SafetyStock back = read(tx -> tx.settings().safetyStock());
        assertThat(back).isEqualTo(fullRule());
        assertThat(back.skus().get("V-BOTTLE-02")).isEqualTo(Reserve.percent(100));
        assertThat(back.hubs().get("HUB-RUH").amount()).isEqualByComparingTo("0.125");

        SafetyStock onlyGlobal = SafetyStock.builder().global(Reserve.percent(10)).build();
        write(tx -> tx.settings().saveSafetyStock(onlyGlobal));
        SafetyStock replaced = read(tx -> tx.settings().safetyStock());
        assertThat(replaced).isEqualTo(onlyGlobal);
        assertThat(replaced.hubs()).isEmpty();
        assertThat(replaced.skus()).isEmpty();

        SafetyStock noGlobal = SafetyStock.builder().putSkus("V1", Reserve.units(3)).build();
        write(tx -> tx.settings().saveSafetyStock(noGlobal));
        assertThat(read((SyncTransaction tx) -> tx.settings().safetyStock())).isEqualTo(noGlobal);

        write(tx -> tx.settings().saveSafetyStock(SafetyStock.none()));
        assertThat(read((SyncTransaction tx) -> tx.settings().safetyStock())).isEqualTo(SafetyStock.none());
    }

    @Test
    void independentOfTheSettingsAndTheMappings() {
        write(tx -> tx.settings().saveSafetyStock(fullRule()));
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().statusMapping()).isEqualTo(StatusMapping.empty());
            assertThat(tx.settings().hubMapping()).isEqualTo(HubMapping.empty());
            assertThat(tx.settings().changes()).isEmpty();
            return null;
        });
        StoreSettings allOn = StoreSettings.builder().orderSync(true).catalogSync(true).inventorySync(true)
                .autoCancelOnChannel(true).build();
        HubMapping hubs = HubMapping.builder().defaultHub("HUB-DXB").build();
        write(tx -> {
            tx.settings().saveSettings(allOn);
            tx.settings().saveHubMapping(hubs);
        });
        read(tx -> {
            assertThat(tx.settings().safetyStock()).isEqualTo(fullRule());
            assertThat(tx.settings().settings()).isEqualTo(allOn);
            assertThat(tx.settings().hubMapping()).isEqualTo(hubs);
            return null;
        });
    }

    @Test
    void aSaveIsVisibleLaterInItsTransactionAndGoneWhenItRollsBack() {
        write(tx -> {
            tx.settings().saveSafetyStock(fullRule());
            assertThat(tx.settings().safetyStock()).isEqualTo(fullRule());
        });
        writeThenFail(tx -> {
            tx.settings().saveSafetyStock(SafetyStock.none());
            assertThat(tx.settings().safetyStock()).isEqualTo(SafetyStock.none());
        });
        assertThat(read((SyncTransaction tx) -> tx.settings().safetyStock())).isEqualTo(fullRule());
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> write(tx -> tx.settings().saveSafetyStock(null)))
                .isInstanceOf(NullPointerException.class);
    }
}
