/**
 * The conformance suite of the storage SPI ({@link io.github.babyshopsdk.sync.state.SyncStateStore}),
 * shipped in this module's test-jar so that hosts and {@code babyshop-sync-jdbc} run it against their own
 * store. Each {@code *Contract} class covers one part of the SPI; run them all, for instance as
 * {@code @Nested} inner classes of one test class:
 *
 * <pre>{@code
 * class MyStoreConformanceTest {
 *     static SyncStateStore fresh() { return MyStore.create(newEmptyDatabase()); }
 *
 *     @Nested class Settings extends SettingsStoreContract { protected SyncStateStore newStore() { return fresh(); } }
 *     @Nested class Cursors extends CursorStoreContract { protected SyncStateStore newStore() { return fresh(); } }
 *     // ... OrderStoreContract, QuarantineStoreContract, CatalogStoreContract, InventoryStoreContract,
 *     //     InventoryDueContract, OutboxStoreContract, LeaseStoreContract, LeaseFencingContract,
 *     //     TransactionContract, PoisonRecordContract, InventoryBackOffContract,
 *     //     DeadLetterStoreContract, OrderHintStoreContract
 * }
 * }</pre>
 *
 * <p>The suite needs JUnit 5 (Jupiter) and AssertJ on the test class path. What it requires beyond the
 * SPI's javadoc is written on {@link io.github.babyshopsdk.sync.conformance.StoreContractSupport}.
 */
package io.github.babyshopsdk.sync.conformance;
