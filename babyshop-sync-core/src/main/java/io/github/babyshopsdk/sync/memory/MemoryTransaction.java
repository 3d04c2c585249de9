package io.github.babyshopsdk.sync.memory;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.state.CatalogStore;
import io.github.babyshopsdk.sync.state.CursorStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.InventoryStore;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import io.github.babyshopsdk.sync.state.LinkChange;
import io.github.babyshopsdk.sync.state.OrderHint;
import io.github.babyshopsdk.sync.state.OrderHintStore;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OrderStore;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.OutboxStore;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.QuarantineStore;
import io.github.babyshopsdk.sync.state.SettingsStore;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One transaction over a {@link MemoryState}, run while the store's lock is held. Writes go straight to
 * the state and push their inverse onto an undo log; {@link #rollback()} replays it newest first, so a
 * failed transaction leaves the state exactly as it found it. Every method refuses to run once the
 * transaction has ended, or on a thread other than the one that opened it.
 */
final class MemoryTransaction implements SyncTransaction {

    private static final Comparator<OrderRecord> ORDERS_LEAST_RECENT =
            Comparator.comparing(OrderRecord::updatedAt).thenComparing(OrderRecord::orderNo);
    private static final Comparator<QuarantineEntry> QUARANTINE_OLDEST_FAILURE =
            Comparator.comparing(QuarantineEntry::lastFailedAt)
                    .thenComparing(QuarantineEntry::firstFailedAt)
                    .thenComparing(QuarantineEntry::key);
    private static final Comparator<InventoryState> INVENTORY_LEAST_RECENT =
            Comparator.comparing(InventoryState::updatedAt).thenComparing(InventoryState::vendorSkuCode);
    private static final Comparator<OutboxEntry> OUTBOX_OLDEST =
            Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id);
    private static final Comparator<OutboxEntry> OUTBOX_LEAST_RECENT =
            Comparator.comparing(OutboxEntry::updatedAt).thenComparing(OutboxEntry::id);
    private static final Comparator<QuarantineEntry> DEAD_QUARANTINE_ORDER =
            QUARANTINE_OLDEST_FAILURE.thenComparing(QuarantineEntry::flow);

    private final MemoryState state;
    private final MemoryLeaseStore leases;
    private final Thread owner;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private volatile boolean active = true;
    private LeaseLostException fenceFailure;

    private final SettingsStore settings = new Settings();
    private final CursorStore cursors = new Cursors();
    private final OrderStore orders = new Orders();
    private final QuarantineStore quarantine = new Quarantine();
    private final CatalogStore catalog = new Catalog();
    private final InventoryStore inventory = new Inventory();
    private final OutboxStore outbox = new Outbox();
    private final OrderHintStore hints = new Hints();

    MemoryTransaction(MemoryState state, MemoryLeaseStore leases, Thread owner) {
        this.state = state;
        this.leases = leases;
        this.owner = owner;
    }

    /** Keeps every write: forgets the undo log and ends the transaction. */
    void commit() {
        undo.clear();
        active = false;
    }

    /** Undoes every write, newest first, and ends the transaction. */
    void rollback() {
        active = false;
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    private void check() {
        if (!active) {
            throw new IllegalStateException("this SyncTransaction has ended; use it only inside inTransaction");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a SyncTransaction is confined to the thread that opened it");
        }
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
        boolean existed = map.containsKey(key);
        V previous = map.put(key, value);
        undo.push(existed ? () -> map.put(key, previous) : () -> map.remove(key));
    }

    private <K, V> void remove(Map<K, V> map, K key) {
        if (map.containsKey(key)) {
            V previous = map.remove(key);
            undo.push(() -> map.put(key, previous));
        }
    }

    private static <V> List<V> select(Collection<V> values, Predicate<V> filter, Comparator<V> order, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return values.stream().filter(filter).sorted(order).limit(limit).toList();
    }

    /** The values of those of {@code keys} that {@code map} holds, by key. */
    private static <V> Map<String, V> byCode(Collection<String> keys, Map<String, V> map) {
        Objects.requireNonNull(keys, "vendorSkuCodes");
        Map<String, V> found = new HashMap<>();
        for (String key : keys) {
            V value = map.get(Objects.requireNonNull(key, "vendor SKU code"));
            if (value != null) {
                found.put(key, value);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    @Override
    public void fence(Lease lease) {
        check();
        try {
            leases.fence(lease);
        } catch (LeaseLostException e) {
            if (fenceFailure == null) {
                fenceFailure = e;
            }
            throw e;
        }
    }

    /** The fence this transaction failed, if any: it must not commit even if the work went on. */
    LeaseLostException fenceFailure() {
        return fenceFailure;
    }

    @Override
    public SettingsStore settings() {
        check();
        return settings;
    }

    @Override
    public CursorStore cursors() {
        check();
        return cursors;
    }

    @Override
    public OrderStore orders() {
        check();
        return orders;
    }

    @Override
    public QuarantineStore quarantine() {
        check();
        return quarantine;
    }

    @Override
    public CatalogStore catalog() {
        check();
        return catalog;
    }

    @Override
    public InventoryStore inventory() {
        check();
        return inventory;
    }

    @Override
    public OutboxStore outbox() {
        check();
        return outbox;
    }

    @Override
    public OrderHintStore hints() {
        check();
        return hints;
    }

    private final class Settings implements SettingsStore {
        @Override
        public StoreSettings settings() {
            check();
            return state.settings;
        }

        @Override
        public void saveSettings(StoreSettings settings) {
            check();
            Objects.requireNonNull(settings, "settings");
            StoreSettings previous = state.settings;
            state.settings = settings;
            undo.push(() -> state.settings = previous);
        }

        @Override
        public StatusMapping statusMapping() {
            check();
            return state.statusMapping;
        }

        @Override
        public void saveStatusMapping(StatusMapping mapping) {
            check();
            Objects.requireNonNull(mapping, "mapping");
            StatusMapping previous = state.statusMapping;
            state.statusMapping = mapping;
            undo.push(() -> state.statusMapping = previous);
        }

        @Override
        public HubMapping hubMapping() {
            check();
            return state.hubMapping;
        }

        @Override
        public void saveHubMapping(HubMapping mapping) {
            check();
            Objects.requireNonNull(mapping, "mapping");
            HubMapping previous = state.hubMapping;
            state.hubMapping = mapping;
            undo.push(() -> state.hubMapping = previous);
        }

        @Override
        public SafetyStock safetyStock() {
            check();
            return state.safetyStock;
        }

        @Override
        public void saveSafetyStock(SafetyStock safetyStock) {
            check();
            Objects.requireNonNull(safetyStock, "safetyStock");
            SafetyStock previous = state.safetyStock;
            state.safetyStock = safetyStock;
            undo.push(() -> state.safetyStock = previous);
        }

        @Override
        public void appendChange(ConfigurationChange change) {
            check();
            Objects.requireNonNull(change, "change");
            state.changes.add(change);
            undo.push(() -> state.changes.remove(state.changes.size() - 1));
        }

        @Override
        public List<ConfigurationChange> changes() {
            check();
            return List.copyOf(state.changes);
        }
    }

    private final class Cursors implements CursorStore {
        @Override
        public Optional<String> get(String name) {
            check();
            Objects.requireNonNull(name, "name");
            return Optional.ofNullable(state.cursors.get(name));
        }

        @Override
        public void put(String name, String value) {
            check();
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            MemoryTransaction.this.put(state.cursors, name, value);
        }
    }

    private final class Orders implements OrderStore {
        @Override
        public Optional<OrderRecord> find(String orderNo) {
            check();
            Objects.requireNonNull(orderNo, "orderNo");
            return Optional.ofNullable(state.orders.get(orderNo));
        }

        @Override
        public void save(OrderRecord record) {
            check();
            Objects.requireNonNull(record, "record");
            put(state.orders, record.orderNo(), record);
        }

        @Override
        public List<OrderRecord> inState(OrderState orderState, int limit) {
            check();
            Objects.requireNonNull(orderState, "state");
            return select(state.orders.values(), r -> r.state() == orderState, ORDERS_LEAST_RECENT, limit);
        }
    }

    private final class Quarantine implements QuarantineStore {
        @Override
        public Optional<QuarantineEntry> find(Flow flow, String key) {
            check();
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(key, "key");
            return Optional.ofNullable(state.quarantine.get(flow).get(key));
        }

        @Override
        public void save(QuarantineEntry entry) {
            check();
            Objects.requireNonNull(entry, "entry");
            put(state.quarantine.get(entry.flow()), entry.key(), entry);
        }

        @Override
        public void remove(Flow flow, String key) {
            check();
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(key, "key");
            MemoryTransaction.this.remove(state.quarantine.get(flow), key);
        }

        @Override
        public List<QuarantineEntry> retryable(Flow flow, int limit) {
            check();
            Objects.requireNonNull(flow, "flow");
            return select(state.quarantine.get(flow).values(), e -> !e.deadLettered(), QUARANTINE_OLDEST_FAILURE,
                    limit);
        }

        @Override
        public List<QuarantineEntry> deadLettered(int limit) {
            check();
            return select(state.quarantine.values().stream().flatMap(entries -> entries.values().stream()).toList(),
                    QuarantineEntry::deadLettered, DEAD_QUARANTINE_ORDER, limit);
        }

        @Override
        public List<QuarantineEntry> all(Flow flow) {
            check();
            Objects.requireNonNull(flow, "flow");
            return select(state.quarantine.get(flow).values(), e -> true, QUARANTINE_OLDEST_FAILURE,
                    Integer.MAX_VALUE);
        }
    }

    private final class Catalog implements CatalogStore {
        @Override
        public Optional<SkuLink> link(String vendorSkuCode) {
            check();
            Objects.requireNonNull(vendorSkuCode, "vendorSkuCode");
            return Optional.ofNullable(state.links.get(vendorSkuCode));
        }

        @Override
        public void saveLink(SkuLink link) {
            check();
            Objects.requireNonNull(link, "link");
            String code = link.vendorSkuCode();
            SkuLink replaced = state.links.get(code);
            put(state.links, code, link);
            state.unindexLink(replaced);
            state.indexLink(link);
            undo.push(() -> {
                state.unindexLink(link);
                state.indexLink(replaced);
            });
            long before = state.linkSequence;
            long sequence = before + 1;
            state.linkSequence = sequence;
            undo.push(() -> state.linkSequence = before);
            Long previous = state.linkSequences.get(code);
            if (previous != null) {
                remove(state.linksBySequence, previous);
            }
            put(state.linkSequences, code, sequence);
            put(state.linksBySequence, sequence, code);
        }

        @Override
        public List<String> removeLinksTo(String sku) {
            check();
            Objects.requireNonNull(sku, "sku");
            List<String> removed = state.linkedCodesBySku.getOrDefault(sku, Set.of()).stream().sorted().toList();
            removed.forEach(code -> {
                SkuLink link = state.links.get(code);
                remove(state.links, code);
                state.unindexLink(link);
                undo.push(() -> state.indexLink(link));
                Long sequence = state.linkSequences.get(code);
                if (sequence != null) {
                    remove(state.linkSequences, code);
                    remove(state.linksBySequence, sequence);
                }
            });
            return removed;
        }

        @Override
        public List<SkuLink> links() {
            check();
            return List.copyOf(state.links.values());
        }

        @Override
        public Map<String, SkuLink> links(Collection<String> vendorSkuCodes) {
            check();
            return byCode(vendorSkuCodes, state.links);
        }

        @Override
        public List<LinkChange> linksChangedAfter(long sequence, int limit) {
            check();
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must not be negative: " + sequence);
            }
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            List<LinkChange> changes = new ArrayList<>();
            Iterator<Map.Entry<Long, String>> after = state.linksBySequence.tailMap(sequence, false).entrySet()
                    .iterator();
            while (changes.size() < limit && after.hasNext()) {
                Map.Entry<Long, String> entry = after.next();
                changes.add(LinkChange.of(entry.getKey(), state.links.get(entry.getValue())));
            }
            return List.copyOf(changes);
        }
    }

    private final class Inventory implements InventoryStore {
        @Override
        public Optional<InventoryState> find(String vendorSkuCode) {
            check();
            Objects.requireNonNull(vendorSkuCode, "vendorSkuCode");
            return Optional.ofNullable(state.inventory.get(vendorSkuCode));
        }

        @Override
        public void save(InventoryState inventoryState) {
            check();
            Objects.requireNonNull(inventoryState, "state");
            InventoryState previous = state.inventory.get(inventoryState.vendorSkuCode());
            put(state.inventory, inventoryState.vendorSkuCode(), inventoryState);
            indexModeration(previous, inventoryState);
            reindex(previous, inventoryState);
            undo.push(() -> reindex(inventoryState, previous));
        }

        /** Moves a state from the pending index of {@code from} to that of {@code to} (either may be null). */
        private void reindex(InventoryState from, InventoryState to) {
            NavigableSet<InventoryState> before = state.pendingIndexOf(from);
            if (before != null) {
                before.remove(from);
            }
            NavigableSet<InventoryState> after = state.pendingIndexOf(to);
            if (after != null) {
                after.add(to);
            }
        }

        @Override
        public List<InventoryState> pending(Instant retryBy, Instant backOffBy, int limit) {
            check();
            Objects.requireNonNull(retryBy, "retryBy");
            Objects.requireNonNull(backOffBy, "backOffBy");
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            // merges the two indexes in order; the retried ones only up to retryBy (they are sorted by time)
            List<InventoryState> due = new ArrayList<>();
            Iterator<InventoryState> fresh = state.pendingFresh.iterator();
            Iterator<InventoryState> retried = state.pendingRetried.iterator();
            InventoryState nextFresh = fresh.hasNext() ? fresh.next() : null;
            InventoryState nextRetried = nextDue(retried, retryBy);
            while (due.size() < limit && (nextFresh != null || nextRetried != null)) {
                if (nextRetried == null || nextFresh != null
                        && MemoryState.INVENTORY_LEAST_RECENT.compare(nextFresh, nextRetried) < 0) {
                    due.add(nextFresh);
                    nextFresh = fresh.hasNext() ? fresh.next() : null;
                } else {
                    due.add(nextRetried);
                    nextRetried = nextDue(retried, retryBy);
                }
            }
            // the states in a back-off that are due, earliest due first (the index is by retry time), merged in
            List<InventoryState> backedOff = new ArrayList<>();
            for (InventoryState waiting : state.pendingBackOff) {
                if (backedOff.size() == limit || waiting.retryAt().orElseThrow().isAfter(backOffBy)) {
                    break;
                }
                backedOff.add(waiting);
            }
            if (backedOff.isEmpty()) {
                return List.copyOf(due);
            }
            due.addAll(backedOff);
            due.sort(MemoryState.INVENTORY_LEAST_RECENT);
            return List.copyOf(due.subList(0, Math.min(limit, due.size())));
        }

        private static InventoryState nextDue(Iterator<InventoryState> retried, Instant retryBy) {
            if (!retried.hasNext()) {
                return null;
            }
            InventoryState next = retried.next();
            return next.updatedAt().isAfter(retryBy) ? null : next;
        }

        @Override
        public Map<String, InventoryState> find(Collection<String> vendorSkuCodes) {
            check();
            return byCode(vendorSkuCodes, state.inventory);
        }

        @Override
        public List<InventoryState> awaitingModeration(Instant dueBy, int limit) {
            check();
            Objects.requireNonNull(dueBy, "dueBy");
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            return state.moderationDue.due(dueBy, limit).stream().map(state.inventory::get).toList();
        }

        @Override
        public List<InventoryState> deadLettered(int limit) {
            check();
            return select(state.inventory.values(), InventoryState::deadLettered, INVENTORY_LEAST_RECENT, limit);
        }

        /** Keeps the moderation index in step with a save, and its undo with the save's. */
        private void indexModeration(InventoryState previous, InventoryState saved) {
            state.moderationDue.replace(previous, saved);
            undo.push(() -> state.moderationDue.replace(saved, previous));
        }
    }

    private final class Outbox implements OutboxStore {
        @Override
        public boolean add(OutboxEntry entry) {
            check();
            Objects.requireNonNull(entry, "entry");
            if (state.outbox.containsKey(entry.id())) {
                return false;
            }
            put(state.outbox, entry.id(), entry);
            return true;
        }

        @Override
        public Optional<OutboxEntry> find(String id) {
            check();
            Objects.requireNonNull(id, "id");
            return Optional.ofNullable(state.outbox.get(id));
        }

        @Override
        public void save(OutboxEntry entry) {
            check();
            Objects.requireNonNull(entry, "entry");
            if (!state.outbox.containsKey(entry.id())) {
                throw new IllegalArgumentException("no outbox entry with id " + entry.id() + " to replace; add it first");
            }
            put(state.outbox, entry.id(), entry);
        }

        @Override
        public List<OutboxEntry> due(Flow flow, Instant now, int limit) {
            check();
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(now, "now");
            return select(state.outbox.values(), e -> e.status() == OutboxStatus.PENDING
                    && e.operation().flow() == flow && !e.notBefore().isAfter(now), OUTBOX_OLDEST, limit);
        }

        @Override
        public List<OutboxEntry> dead(int limit) {
            check();
            return select(state.outbox.values(), e -> e.status() == OutboxStatus.DEAD, OUTBOX_LEAST_RECENT, limit);
        }

        @Override
        public List<OutboxEntry> forOrder(String orderNo) {
            check();
            Objects.requireNonNull(orderNo, "orderNo");
            return select(state.outbox.values(), e -> e.orderNo().equals(orderNo), OUTBOX_OLDEST,
                    Integer.MAX_VALUE);
        }
    }

    private final class Hints implements OrderHintStore {
        @Override
        public Map<String, OrderHint> findAll(Collection<String> orderNos) {
            check();
            Objects.requireNonNull(orderNos, "orderNos");
            Map<String, OrderHint> found = new HashMap<>();
            for (String orderNo : orderNos) {
                OrderHint hint = state.hints.get(Objects.requireNonNull(orderNo, "orderNo"));
                if (hint != null) {
                    found.put(orderNo, hint);
                }
            }
            return Collections.unmodifiableMap(found);
        }

        @Override
        public void saveAll(Collection<OrderHint> saved) {
            check();
            Objects.requireNonNull(saved, "hints");
            saved.forEach(hint -> Objects.requireNonNull(hint, "hint"));
            for (OrderHint hint : saved) {
                replace(hint.orderNo(), hint);
            }
        }

        @Override
        public void removeAll(Collection<String> orderNos) {
            check();
            Objects.requireNonNull(orderNos, "orderNos");
            orderNos.forEach(orderNo -> Objects.requireNonNull(orderNo, "orderNo"));
            for (String orderNo : orderNos) {
                replace(orderNo, null);
            }
        }

        /** Replaces the hint of {@code orderNo} with {@code hint} (removes it when null), indexes and undo log kept. */
        private void replace(String orderNo, OrderHint hint) {
            OrderHint previous = state.hints.get(orderNo);
            if (previous == null && hint == null) {
                return;
            }
            unindex(previous);
            if (hint == null) {
                state.hints.remove(orderNo);
            } else {
                state.hints.put(orderNo, hint);
            }
            index(hint);
            undo.push(() -> {
                unindex(hint);
                if (previous == null) {
                    state.hints.remove(orderNo);
                } else {
                    state.hints.put(orderNo, previous);
                }
                index(previous);
            });
        }

        private void index(OrderHint hint) {
            if (hint != null) {
                (hint.pending() ? state.pendingHints : state.droppedHints).add(hint);
            }
        }

        private void unindex(OrderHint hint) {
            if (hint != null) {
                (hint.pending() ? state.pendingHints : state.droppedHints).remove(hint);
            }
        }

        @Override
        public List<OrderHint> due(Instant now, int limit) {
            check();
            Objects.requireNonNull(now, "now");
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            List<OrderHint> due = new ArrayList<>();
            for (OrderHint hint : state.pendingHints) {
                if (due.size() == limit || hint.dueAt().isAfter(now)) {
                    break;
                }
                due.add(hint);
            }
            return List.copyOf(due);
        }

        @Override
        public Optional<Instant> earliestDue() {
            check();
            return state.pendingHints.isEmpty() ? Optional.empty() : Optional.of(state.pendingHints.first().dueAt());
        }

        @Override
        public long pendingCount() {
            check();
            return state.pendingHints.size();
        }

        @Override
        public int pruneDropped(Instant before, int limit) {
            check();
            Objects.requireNonNull(before, "before");
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative: " + limit);
            }
            List<String> pruned = new ArrayList<>();
            for (OrderHint hint : state.droppedHints) {
                if (pruned.size() == limit || !hint.droppedAt().orElseThrow().isBefore(before)) {
                    break;
                }
                pruned.add(hint.orderNo());
            }
            pruned.forEach(orderNo -> replace(orderNo, null));
            return pruned.size();
        }
    }
}
