package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The committed (and, during a transaction, the working) state of one store. Not thread-safe: guarded by
 * the store's transaction lock. Every value kept here is immutable.
 */
final class MemoryState {
    /** Inventory states least recently updated first: by update time, then Vendor SKU Code (unique per state). */
    static final Comparator<InventoryState> INVENTORY_LEAST_RECENT =
            Comparator.comparing(InventoryState::updatedAt).thenComparing(InventoryState::vendorSkuCode);

    StoreSettings settings = StoreSettings.allOff();
    StatusMapping statusMapping = StatusMapping.empty();
    HubMapping hubMapping = HubMapping.empty();
    SafetyStock safetyStock = SafetyStock.none();
    final List<ConfigurationChange> changes = new ArrayList<>();
    final Map<String, String> cursors = new HashMap<>();
    final Map<String, OrderRecord> orders = new HashMap<>();
    final Map<Flow, Map<String, QuarantineEntry>> quarantine = new EnumMap<>(Flow.class);
    final NavigableMap<String, SkuLink> links = new TreeMap<>();
    final Map<String, InventoryState> inventory = new HashMap<>();
    final Map<String, OutboxEntry> outbox = new HashMap<>();
    /** The inventory states awaiting a moderation status read, by check time; kept in step with {@link #inventory}. */
    final ModerationDueIndex moderationDue = new ModerationDueIndex();
    /** The link change feed: the last sequence given to a saved link. */
    long linkSequence;
    /** The link change feed: the sequence of each link's last save. */
    final Map<String, Long> linkSequences = new HashMap<>();
    /** The link change feed: Vendor SKU Codes by the sequence of their link's last save. */
    final NavigableMap<Long, String> linksBySequence = new TreeMap<>();
    /** Index of {@code links}: the Vendor SKU Codes linked to each Babyshop SKU. */
    final Map<String, Set<String>> linkedCodesBySku = new HashMap<>();
    /** Index of {@code inventory}: pending, not dead-lettered states without failed attempts. */
    final NavigableSet<InventoryState> pendingFresh = new TreeSet<>(INVENTORY_LEAST_RECENT);
    /** Index of {@code inventory}: pending, not dead-lettered states with failed attempts. */
    final NavigableSet<InventoryState> pendingRetried = new TreeSet<>(INVENTORY_LEAST_RECENT);
    /** Inventory states in a moderation back-off: by retry time, then Vendor SKU Code. */
    static final Comparator<InventoryState> INVENTORY_RETRY_AT =
            Comparator.comparing((InventoryState s) -> s.retryAt().orElseThrow())
                    .thenComparing(InventoryState::vendorSkuCode);
    /** Index of {@code inventory}: pending, not dead-lettered states in a moderation back-off (with a retry time). */
    final NavigableSet<InventoryState> pendingBackOff = new TreeSet<>(INVENTORY_RETRY_AT);
    /** Order hints by order number. */
    final Map<String, OrderHint> hints = new HashMap<>();
    /** Hints by due time, then order number. */
    static final Comparator<OrderHint> HINT_DUE =
            Comparator.comparing(OrderHint::dueAt).thenComparing(OrderHint::orderNo);
    /** Index of {@code hints}: the pending ones by due time. */
    final NavigableSet<OrderHint> pendingHints = new TreeSet<>(HINT_DUE);
    /** Dropped hints by drop time, then order number. */
    static final Comparator<OrderHint> HINT_DROPPED =
            Comparator.comparing((OrderHint h) -> h.droppedAt().orElseThrow()).thenComparing(OrderHint::orderNo);
    /** Index of {@code hints}: the dropped ones by drop time. */
    final NavigableSet<OrderHint> droppedHints = new TreeSet<>(HINT_DROPPED);

    MemoryState() {
        for (Flow flow : Flow.values()) {
            quarantine.put(flow, new HashMap<>());
        }
    }

    /** Adds {@code link} (none when null) to {@link #linkedCodesBySku}. */
    void indexLink(SkuLink link) {
        if (link != null) {
            linkedCodesBySku.computeIfAbsent(link.sku(), sku -> new HashSet<>()).add(link.vendorSkuCode());
        }
    }

    /** Removes {@code link} (none when null) from {@link #linkedCodesBySku}. */
    void unindexLink(SkuLink link) {
        if (link == null) {
            return;
        }
        Set<String> codes = linkedCodesBySku.get(link.sku());
        if (codes != null && codes.remove(link.vendorSkuCode()) && codes.isEmpty()) {
            linkedCodesBySku.remove(link.sku());
        }
    }

    /** The pending index {@code inventoryState} belongs in, or null when it is not pending. */
    NavigableSet<InventoryState> pendingIndexOf(InventoryState inventoryState) {
        if (inventoryState == null || inventoryState.pendingQuantity().isEmpty() || inventoryState.deadLettered()) {
            return null;
        }
        if (inventoryState.retryAt().isPresent()) {
            return pendingBackOff;
        }
        return inventoryState.attempts() == 0 ? pendingFresh : pendingRetried;
    }
}
