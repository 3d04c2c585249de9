package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The committed (and, during a transaction, the working) state of one store. Not thread-safe: guarded by
 * the store's transaction lock. Every value kept here is immutable.
 */
final class MemoryState {
    StoreSettings settings = StoreSettings.allOff();
    StatusMapping statusMapping = StatusMapping.empty();
    HubMapping hubMapping = HubMapping.empty();
    final List<ConfigurationChange> changes = new ArrayList<>();
    final Map<String, String> cursors = new HashMap<>();
    final Map<String, OrderRecord> orders = new HashMap<>();
    final Map<Flow, Map<String, QuarantineEntry>> quarantine = new EnumMap<>(Flow.class);
    final NavigableMap<String, SkuLink> links = new TreeMap<>();
    final Map<String, InventoryState> inventory = new HashMap<>();
    final Map<String, OutboxEntry> outbox = new HashMap<>();
    /** The inventory states awaiting a moderation status read, by check time; kept in step with {@link #inventory}. */
    final ModerationDueIndex moderationDue = new ModerationDueIndex();

    MemoryState() {
        for (Flow flow : Flow.values()) {
            quarantine.put(flow, new HashMap<>());
        }
    }
}
