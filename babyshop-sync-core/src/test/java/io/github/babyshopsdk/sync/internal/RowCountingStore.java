package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.state.CatalogStore;
import io.github.babyshopsdk.sync.state.CursorStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.InventoryStore;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.LinkChange;
import io.github.babyshopsdk.sync.state.OrderStore;
import io.github.babyshopsdk.sync.state.OutboxStore;
import io.github.babyshopsdk.sync.state.QuarantineStore;
import io.github.babyshopsdk.sync.state.SettingsStore;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A store that counts the rows its catalog and inventory stores hand out (links, link changes and ledger
 * states), delegating everything to another store: the cost of a flow run without timing it. Not thread-safe.
 */
final class RowCountingStore implements SyncStateStore {
    private final SyncStateStore delegate;
    private long linkRows;
    private long inventoryRows;

    RowCountingStore(SyncStateStore delegate) {
        this.delegate = delegate;
    }

    /** Links and link changes read since the last {@link #reset()}. */
    long linkRows() {
        return linkRows;
    }

    /** Ledger states read since the last {@link #reset()}. */
    long inventoryRows() {
        return inventoryRows;
    }

    void reset() {
        linkRows = 0;
        inventoryRows = 0;
    }

    @Override
    public <T> T inTransaction(Function<SyncTransaction, T> work) {
        return delegate.inTransaction(tx -> work.apply(new Counting(tx)));
    }

    @Override
    public LeaseStore leases() {
        return delegate.leases();
    }

    private final class Counting implements SyncTransaction {
        private final SyncTransaction tx;

        Counting(SyncTransaction tx) {
            this.tx = tx;
        }

        @Override
        public SettingsStore settings() {
            return tx.settings();
        }

        @Override
        public CursorStore cursors() {
            return tx.cursors();
        }

        @Override
        public OrderStore orders() {
            return tx.orders();
        }

        @Override
        public QuarantineStore quarantine() {
            return tx.quarantine();
        }

        @Override
        public OutboxStore outbox() {
            return tx.outbox();
        }

        @Override
        public io.github.babyshopsdk.sync.state.OrderHintStore hints() {
            return tx.hints();
        }

        @Override
        public void fence(Lease lease) {
            tx.fence(lease);
        }

        @Override
        public CatalogStore catalog() {
            CatalogStore catalog = tx.catalog();
            return new CatalogStore() {
                @Override
                public Optional<SkuLink> link(String vendorSkuCode) {
                    return countLinks(catalog.link(vendorSkuCode));
                }

                @Override
                public void saveLink(SkuLink link) {
                    catalog.saveLink(link);
                }

                @Override
                public List<String> removeLinksTo(String sku) {
                    return catalog.removeLinksTo(sku);
                }

                @Override
                public List<SkuLink> links() {
                    List<SkuLink> links = catalog.links();
                    linkRows += links.size();
                    return links;
                }

                @Override
                public Map<String, SkuLink> links(Collection<String> vendorSkuCodes) {
                    Map<String, SkuLink> links = catalog.links(vendorSkuCodes);
                    linkRows += links.size();
                    return links;
                }

                @Override
                public List<LinkChange> linksChangedAfter(long sequence, int limit) {
                    List<LinkChange> changes = catalog.linksChangedAfter(sequence, limit);
                    linkRows += changes.size();
                    return changes;
                }
            };
        }

        private Optional<SkuLink> countLinks(Optional<SkuLink> link) {
            linkRows += link.isPresent() ? 1 : 0;
            return link;
        }

        @Override
        public InventoryStore inventory() {
            InventoryStore inventory = tx.inventory();
            return new InventoryStore() {
                @Override
                public Optional<InventoryState> find(String vendorSkuCode) {
                    Optional<InventoryState> state = inventory.find(vendorSkuCode);
                    inventoryRows += state.isPresent() ? 1 : 0;
                    return state;
                }

                @Override
                public void save(InventoryState state) {
                    inventory.save(state);
                }

                @Override
                public List<InventoryState> pending(Instant retryBy, int limit) {
                    return count(inventory.pending(retryBy, limit));
                }

                @Override
                public List<InventoryState> pending(int limit) {
                    return count(inventory.pending(limit));
                }

                @Override
                public List<InventoryState> pending(Instant retryBy, Instant backOffBy, int limit) {
                    return count(inventory.pending(retryBy, backOffBy, limit));
                }

                @Override
                public List<InventoryState> awaitingModeration(Instant dueBy, int limit) {
                    return count(inventory.awaitingModeration(dueBy, limit));
                }

                @Override
                public List<InventoryState> deadLettered(int limit) {
                    return count(inventory.deadLettered(limit));
                }

                @Override
                public Map<String, InventoryState> find(Collection<String> vendorSkuCodes) {
                    Map<String, InventoryState> states = inventory.find(vendorSkuCodes);
                    inventoryRows += states.size();
                    return states;
                }
            };
        }

        private List<InventoryState> count(List<InventoryState> states) {
            inventoryRows += states.size();
            return states;
        }
    }
}
