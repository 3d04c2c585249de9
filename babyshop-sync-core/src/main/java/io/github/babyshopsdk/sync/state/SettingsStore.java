package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import java.util.List;

/** Settings, mappings and the append-only configuration log of the store. */
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

    /** Appends to the configuration log; entries are never changed or removed. */
    void appendChange(ConfigurationChange change);

    /** The configuration log, oldest first. */
    List<ConfigurationChange> changes();
}
