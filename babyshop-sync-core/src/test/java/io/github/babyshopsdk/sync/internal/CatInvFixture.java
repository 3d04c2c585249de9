package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import io.github.babyshopsdk.sync.Flow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Wiring for the catalog and inventory flow tests: the reference in-memory state store, the fake channel
 * and host, a recording listener, a fixed clock (movable between runs with {@link #at(Instant)}) and
 * engine options (defaults unless replaced). Builds a fresh {@link FlowContext} for every run through its
 * public constructor. One per test; not thread-safe.
 */
final class CatInvFixture {
    /** The fixed time of the first run. */
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final SyncStateStore store = InMemorySyncStateStore.create();
    final CatInvFakeChannel channel = new CatInvFakeChannel();
    final CatInvFakeHost host = new CatInvFakeHost();
    final CatInvRecordingListener listener = new CatInvRecordingListener();
    private EngineOptions options = EngineOptions.defaults();
    private Instant now = NOW;
    private SyncStateStore runStore;

    /** The engine options of the next runs. */
    EngineOptions options() {
        return options;
    }

    CatInvFixture options(EngineOptions options) {
        this.options = options;
        return this;
    }

    /** Moves the fixed clock (and the next run's start) to {@code instant}. */
    CatInvFixture at(Instant instant) {
        this.now = instant;
        return this;
    }

    Instant now() {
        return now;
    }

    /** Runs flows on {@code wrapper} (a view of {@link #store}, e.g. one that counts what is read). */
    CatInvFixture runOn(SyncStateStore wrapper) {
        this.runStore = wrapper;
        return this;
    }

    /** A context whose channel charges {@code flow}'s tier, as the engine's run of that flow has. */
    FlowContext context(Flow flow) {
        return new FlowContext(runStore != null ? runStore : store, channel.forTier(flow.priority(), QuotaWaiter.failFast()), null, host, host, null,
                null, null, listener, Clock.fixed(now, ZoneOffset.UTC), options);
    }

    FlowReport runCatalog() {
        return new CatalogFlow().run(context(Flow.CATALOG), now);
    }

    FlowReport runInventory() {
        return new InventoryFlow().run(context(Flow.INVENTORY), now);
    }

    // ---- state helpers -----------------------------------------------------------------------------

    <T> T read(Function<SyncTransaction, T> work) {
        return store.inTransaction(work);
    }

    void write(Consumer<SyncTransaction> work) {
        store.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    Optional<String> cursor(String name) {
        return read(tx -> tx.cursors().get(name));
    }

    List<SkuLink> links() {
        return read(tx -> tx.catalog().links());
    }

    Optional<SkuLink> linkOf(String vendorSkuCode) {
        return read(tx -> tx.catalog().link(vendorSkuCode));
    }

    /** Every state with a pending quantity that is not dead-lettered. */
    List<InventoryState> pending() {
        return read(tx -> tx.inventory().pending(Integer.MAX_VALUE));
    }

    Optional<QuarantineEntry> quarantine(String key) {
        return read(tx -> tx.quarantine().find(Flow.CATALOG, key));
    }

    Optional<InventoryState> inventory(String vendorSkuCode) {
        return read(tx -> tx.inventory().find(vendorSkuCode));
    }

    /**
     * Links a Vendor SKU Code to a Babyshop SKU, as the catalog flow would, and makes the code known to
     * the host (0 available in hub H1 unless the test sets stock there).
     */
    CatInvFixture link(String vendorSkuCode, String sku) {
        host.knows(vendorSkuCode);
        return linkUnknownToHost(vendorSkuCode, sku);
    }

    /** Links a Vendor SKU Code the host reports in no hub. */
    CatInvFixture linkUnknownToHost(String vendorSkuCode, String sku) {
        write(tx -> tx.catalog().saveLink(SkuLink.of(vendorSkuCode, sku, NOW)));
        return this;
    }

    CatInvFixture hubMapping(HubMapping mapping) {
        write(tx -> tx.settings().saveHubMapping(mapping));
        return this;
    }

    /** A product with a Vendor SKU Code (or none, for {@code null}) updated at {@code lastUpdated}. */
    static Product product(String sku, String vendorSkuCode, Instant lastUpdated) {
        return Product.builder().sku(sku).vendorSkuCode(vendorSkuCode).lastUpdated(lastUpdated).build();
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }
}
