package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance test of issue 5, two nodes: two engine instances on one database and one simulator store run
 * concurrently; no order is imported twice, no push is sent twice by both.
 *
 * <p>Two {@link EngineNode}s in this JVM, each on a thread of its own calling {@code runAll()} in a loop, each
 * with its own connection pool, {@link JdbcSyncStateStore} (same store id), {@code BabyshopClient} and
 * instance id, sharing one quota budget in the database ({@code JdbcSyncStateStore.quotaBudget}, a
 * {@code JdbcQuotaBudget}) and one host ({@link JdbcTestHost} tables). Meanwhile the world moves on in
 * waves ({@link World}: new orders, cancellations on Babyshop, stock changes, packing, shipping, host
 * cancellations; one simulated second per change). Then the nodes run on until the end state is reached
 * (polled; the 60 s cap is a safety net, not an assertion), and stop. Node A links the catalog before the
 * threads start (a catalog run overlapping an inventory run loses links: {@link SkusLinkedWhileInventoryRunsTest}),
 * and the waves start once the two nodes imported the store's 300 orders.
 *
 * <p>Checked: the end state ({@link EndState}: every mapped order in the host, the latest stock on Babyshop,
 * every host event settled once); every order created by exactly one createOrder call in all (no crash
 * here, so a second call, even one the host's idempotency absorbed, is a double import); the ORDERS leases
 * (and every other flow's) of the two nodes never overlapped, and each createOrder call of a node happened
 * while that node held the ORDERS lease; no SKU received the same quantity twice in a row (a push sent again
 * after it was acknowledged); no order got two invoices, shipments or orderCancellations.
 *
 * <p>Runs on a shared H2 in-memory database and on the PostgreSQL server of {@code BABYSHOP_PG_URL} (skipped
 * without it, failed with {@code CI=true}).
 */
class TwoNodesTest {
    private static final long DEFAULT_SEED = 20260303L;
    private static final int WAVES = 24;
    /** Safety cap only (never asserted): how long the nodes may take to reach the end state. */
    private static final long SETTLE_CAP_MILLIS = 60_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SharedDatabase.Kind.class, names = {"H2_MEMORY", "POSTGRESQL"})
    void twoNodesImportEachOrderOnceAndSendEachPushOnce(SharedDatabase.Kind kind, @TempDir Path dir)
            throws Exception {
        long seed = Long.getLong("babyshop.durability.seed", DEFAULT_SEED);
        long began = System.nanoTime();
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(seed).fixture(Fixture.of(seed, 300, 60))
                .noQuota().moderationDelay(Duration.ZERO).threads(8).build().start();
                SharedDatabase db = SharedDatabase.open(kind, dir)) {
            var usersPool = db.newPool("users", 4);
            JdbcTestHost users = JdbcTestHost.prepared(usersPool);
            // the world moves while the nodes run: one simulated second per change keeps a run (from its orderList to its
            // orderFetch) well inside the 10 min overlap, as in real time (see OrderCreatedWhileARunFetchesTest)
            World world = new World(sim, users, new Random(seed), Duration.ofSeconds(1));
            world.initialStock();

            LeaseLog leases = new LeaseLog();
            List<String> names = List.of("node-a", "node-b");
            List<EngineNode> nodes = new ArrayList<>();
            for (String name : names) {
                nodes.add(EngineNode.create(sim.baseUrl(), db.newPool(name, 8), name, true, true,
                        store -> leases.recording(store, name), SyncListener.none()));
            }
            nodes.get(0).configure();
            // link the SKUs before the first inventory run (see InitialStockOfLateLinkedSkusTest)
            assertThat(nodes.get(0).syncCatalogFirst().outcome()).isEqualTo(FlowOutcome.COMPLETED);

            JdbcSyncStateStore state = JdbcSyncStateStore.builder().dataSource(usersPool).storeId(EngineNode.STORE_ID)
                    .tablePrefix(EngineNode.TABLE_PREFIX).build();
            EndState end = new EndState(sim, users, state);
            AtomicBoolean stop = new AtomicBoolean();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> passes = new ConcurrentHashMap<>();
            Map<String, Map<FlowOutcome, Integer>> outcomes = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (EngineNode node : nodes) {
                String name = node.host().node();
                passes.put(name, new AtomicInteger());
                outcomes.put(name, new ConcurrentHashMap<>());
                Thread thread = new Thread(() -> {
                    Random jitter = new Random(seed + name.hashCode());
                    while (!stop.get()) {
                        try {
                            for (FlowReport report : node.engine().runAll()) {
                                outcomes.get(name).merge(report.outcome(), 1, Integer::sum);
                            }
                            passes.get(name).incrementAndGet();
                            Thread.sleep(jitter.nextInt(10));
                        } catch (InterruptedException e) {
                            return;
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                }, "engine-" + name);
                threads.add(thread);
                thread.start();
            }

            try {
                // both nodes import the store's orders first, so that the waves find imported orders to pack
                long warmUp = System.currentTimeMillis() + SETTLE_CAP_MILLIS;
                while (!users.orders().keySet().equals(end.expectedHostOrders(world.packed))
                        && System.currentTimeMillis() < warmUp && failures.isEmpty()) {
                    Thread.sleep(100);
                }
                for (int wave = 0; wave < WAVES; wave++) {
                    world.moveOn();
                    Thread.sleep(100 + world.random.nextInt(251));
                }
                long deadline = System.currentTimeMillis() + SETTLE_CAP_MILLIS;
                while (!end.looksReached(world.packed, world.shipped, world.cancelledInHost)
                        && System.currentTimeMillis() < deadline && failures.isEmpty()) {
                    Thread.sleep(200);
                }
            } finally {
                stop.set(true);
                for (Thread thread : threads) {
                    thread.join(30_000);
                }
                nodes.forEach(node -> {
                    node.engine().close();
                    node.client().close();
                });
            }
            List<JdbcTestHost.CallRow> calls = users.createCallRows();
            Map<String, Long> createdBy = calls.stream().collect(Collectors.groupingBy(JdbcTestHost.CallRow::node,
                    TreeMap::new, Collectors.counting()));
            Map<String, Long> ordersRuns = leases.held().stream().filter(h -> h.flow() == Flow.ORDERS)
                    .collect(Collectors.groupingBy(LeaseLog.Held::node, TreeMap::new, Collectors.counting()));
            Map<String, Integer> repeats = EndState.repeatedPushes(sim.store().inventoryUpdates());
            Map<String, Long> eventTypes = users.eventRows().stream().collect(Collectors.groupingBy(
                    e -> e.type().name(), TreeMap::new, Collectors.counting()));
            System.out.printf("%n[two nodes %s, seed %d] %d waves; passes %s; outcomes %s; leases refused %s%n"
                            + "  ORDERS runs %s; orders: %d on Babyshop, %d in the host, createOrder calls %d by node %s%n"
                            + "  inventory: %d host stock changes, %d inventoryPriceUpdate calls with %d SKU entries,"
                            + " %d repeating the SKU's previous quantity%n  host events %s: %d generateInvoice,"
                            + " %d orderShipping, %d orderCancellation; %d cancelled on Babyshop%n"
                            + "  requests to the simulator %d, wall time %.1f s%n",
                    kind, seed, WAVES, passes, outcomes, leases.refused(), ordersRuns, sim.store().orders().size(),
                    users.orders().size(), calls.size(), createdBy, world.stockChanges,
                    sim.requests().count(Operation.INVENTORY_PRICE_UPDATE), sim.store().inventoryUpdates().size(),
                    repeats.values().stream().mapToInt(Integer::intValue).sum(), eventTypes,
                    sim.requests().count(Operation.GENERATE_INVOICE), sim.requests().count(Operation.ORDER_SHIPPING),
                    sim.requests().count(Operation.ORDER_CANCELLATION), world.cancelledOnChannel.size(),
                    sim.requests().size(), (System.nanoTime() - began) / 1e9);

            assertThat(failures).as("failures of the engine threads").isEmpty();
            checkEndState(end, world);

            // no order imported twice: exactly one createOrder call per order in all
            Map<String, Long> callsPerOrder = calls.stream().collect(Collectors.groupingBy(JdbcTestHost.CallRow::orderNo,
                    TreeMap::new, Collectors.counting()));
            assertThat(callsPerOrder.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                    .as("orders with more than one createOrder call").isEmpty();

            // the leases kept the runs of each flow apart, and every import happened under the ORDERS lease
            assertThat(leases.overlaps()).as("leases of one flow held by both nodes at once").isEmpty();
            assertThat(ordersRuns.keySet()).as("nodes that ran ORDERS").containsExactlyElementsOf(names);
            List<String> outsideLease = new ArrayList<>();
            for (EngineNode node : nodes) {
                for (JdbcTestHost.CreateCall call : node.host().callsOfThisInstance()) {
                    if (!leases.heldDuring(call.node(), Flow.ORDERS, call.startedNanos(), call.finishedNanos())) {
                        outsideLease.add(call.orderNo() + " by " + call.node());
                    }
                }
            }
            assertThat(outsideLease).as("createOrder calls made without the ORDERS lease").isEmpty();

            // no inventory push sent twice: no SKU got the quantity it already had
            assertThat(repeats).as("SKUs that received the same quantity twice in a row").isEmpty();
            assertThat(eventTypes.keySet()).as("kinds of host events the nodes pushed")
                    .contains("PACKED", "SHIPPED", "CANCELLED");
        }
    }

    private static void checkEndState(EndState end, World world) {
        end.assertOrdersImportedOnce(world.packed, world.cancelledInHost);
        end.assertInventoryMatchesHost();
        end.assertOutboundOnce(world.packed, world.shipped, world.cancelledInHost);
    }
}
