package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import java.util.List;

/**
 * Settings, mappings and the append-only configuration log of the store.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface SettingsStore {

    /** The settings; {@link StoreSettings#allOff()} until saved. */
    StoreSettings settings();

    /** Replaces the settings. */
    void saveSettings(StoreSettings settings);

    /** The status mapping; {@link StatusMapping#empty()} until saved. */
    StatusMapping statusMapping();

    /** Replaces the status mapping. */
    void saveStatusMapping(StatusMapping mapping);

    /** The hub mapping; {@link HubMapping#empty()} until saved. */
    HubMapping hubMapping();

    /** Replaces the hub mapping. */
    void saveHubMapping(HubMapping mapping);

    /**
     * The safety stock rule; {@link SafetyStock#none()} until saved. Reads what this transaction saved, if
     * anything, else what is committed; like every read of the settings, it may lock the store's settings until
     * the transaction ends.
     *
     * @throws StateStoreException when the store cannot be read or holds a value it cannot read back
     */
    SafetyStock safetyStock();

    /**
     * Replaces the safety stock rule as a whole (saving {@link SafetyStock#none()} removes every reserve). The
     * value read back equals the value saved. Independent of the settings and the mappings: saving one never
     * changes another.
     *
     * @throws NullPointerException when {@code safetyStock} is null
     * @throws StateStoreException  when the store cannot be written
     */
    void saveSafetyStock(SafetyStock safetyStock);

    /** Appends to the configuration log; entries are never changed or removed. */
    void appendChange(ConfigurationChange change);

    /** The configuration log, oldest first. */
    List<ConfigurationChange> changes();
}
