package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance test of issue 5, crash safety: a forked JVM running the engine against the testkit is killed
 * (SIGKILL) at random points many times; after a restart the host holds every mapped order exactly once and
 * the simulator holds the latest inventory.
 *
 * <p>The simulator lives in this JVM and outlives every kill; its store is seeded (300 orders, 60 SKUs), with
 * no quota and moderation approving at once. The engine node is {@link CrashChild}, forked with this JVM's
 * class path; its state ({@link JdbcSyncStateStore}) and its host ({@link JdbcTestHost}) live in one shared
 * database: an H2 file database served by this JVM (AUTO_SERVER), and the PostgreSQL server of
 * {@code BABYSHOP_PG_URL} when set (skipped without it, failed with {@code CI=true}).
 *
 * <p>{@value #KILLS} times: between restarts the world moves on (seeded, every step drawn from one
 * {@link Random}): new orders and cancellations on Babyshop, stock changes in the host (some in a hub that
 * does not serve the store, some negative), packing, shipping and host-side cancellations of imported
 * orders; then a node starts and is killed with SIGKILL ({@link Process#destroyForcibly()}) at a random
 * {@link KillPoint}: 50-800 ms after its engine was built, 0-150 ms after a randomly chosen flow of its first
 * {@code runAll()} pass started, 0-15 ms after one of its first imports committed, or 0-2 ms after the host
 * committed one of its first orders (the node's host answers 4 ms after its commit, as a remote host would):
 * kills land during configuration, order listing and import, between the host's commit and the engine's,
 * inventory intake and pushes, invoices, labels, shipments, cancellations and the catalog. A last node runs
 * without a kill until {@code runAll()} passes are quiet; then the end state is checked ({@link EndState}).
 * The node is killed however far it got; what it was doing is counted ("killed during").
 * The seed is {@code -Dbabyshop.durability.seed} (default {@value #DEFAULT_SEED}) and is printed.
 */
class KillAndRestartTest {
    static final long DEFAULT_SEED = 20260302L;
    static final int KILLS = 20;
    private static final int ORDERS = 300;
    private static final int SKUS = 60;
    /** Safety caps only (never asserted): how long a node may take to start, and to converge. */
    private static final long START_CAP_MILLIS = 60_000;
    private static final long CONVERGE_CAP_MILLIS = 120_000;
    private static final long FLOW_CAP_MILLIS = 10_000;
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SharedDatabase.Kind.class, names = {"H2_FILE", "POSTGRESQL"})
    void aNodeKilledAtRandomPointsLosesNothingAndRepeatsNothing(SharedDatabase.Kind kind, @TempDir Path dir)
            throws Exception {
        long seed = Long.getLong("babyshop.durability.seed", DEFAULT_SEED);
        long began = System.nanoTime();
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(seed).fixture(Fixture.of(seed, ORDERS, SKUS))
                .noQuota().moderationDelay(Duration.ZERO).threads(8).build().start();
                SharedDatabase db = SharedDatabase.open(kind, dir)) {
            var pool = db.newPool("parent", 4);
            JdbcSyncStateStore.migrate(pool, EngineNode.TABLE_PREFIX);
            JdbcTestHost.createTables(pool);
            JdbcTestHost host = new JdbcTestHost(pool, "parent");
            // the node never runs while the world moves: simulated time may move a minute per change
            World world = new World(sim, host, new Random(seed), Duration.ofMinutes(1));
            world.initialStock();

            int kills = 0;
            List<Integer> exitCodes = new ArrayList<>();
            Map<String, Integer> killedDuring = new TreeMap<>();
            Map<String, Integer> killPoints = new TreeMap<>();
            int plannedKills = Integer.getInteger("babyshop.durability.kills", KILLS);
            ChildJvm child = null;
            try {
                for (int run = 1; run <= plannedKills; run++) {
                    if (run > 1) {
                        world.moveOn();
                    }
                    KillPoint point = KillPoint.draw(world.random);
                    child = ChildJvm.start(childArgs(sim, db, "loop"), db.password());
                    assertThat(child.awaitMarker("STARTED", START_CAP_MILLIS))
                            .as("node %d started; its output:%n%s", run, child.tail()).isTrue();
                    if (point.occurrence() > 0) {
                        child.awaitLine(point.after(), point.line(), point.occurrence(), "PASS", FLOW_CAP_MILLIS);
                    }
                    Thread.sleep(point.delayMillis());
                    assertThat(child.isAlive()).as("node %d still running when it is to be killed; its output:%n%s",
                            run, child.tail()).isTrue();
                    String during = child.lastStep();
                    int code = child.killHard();
                    exitCodes.add(code);
                    assertThat(code).as("exit code of the killed node %d (pid %d)", run, child.pid()).isNotZero();
                    if (LINUX) {
                        assertThat(code).as("exit code of node %d: 128 + SIGKILL", run).isEqualTo(137);
                    }
                    kills++;
                    killedDuring.merge(during, 1, Integer::sum);
                    killPoints.merge(point.occurrence() == 0 ? "after start-up" : "after " + point.line(), 1,
                            Integer::sum);
                    if (Boolean.getBoolean("babyshop.durability.verbose")) {
                        System.out.printf("node %d killed at %s during %s:%n%s%n", run, point, during,
                                String.join(System.lineSeparator(), child.lines()));
                    }
                }

                world.moveOn();
                child = ChildJvm.start(childArgs(sim, db, "converge"), db.password());
                int code = child.awaitExit(CONVERGE_CAP_MILLIS);
                assertThat(code).as("the last node converges; its output:%n%s", child.tail()).isZero();
                assertThat(child.markers()).anyMatch(m -> m.startsWith("CONVERGED"));
            } finally {
                if (child != null && child.isAlive()) {
                    child.killHard();
                }
            }

            JdbcSyncStateStore state = JdbcSyncStateStore.builder().dataSource(pool).storeId(EngineNode.STORE_ID)
                    .tablePrefix(EngineNode.TABLE_PREFIX).build();
            EndState end = new EndState(sim, host, state);
            List<JdbcTestHost.CallRow> calls = host.createCallRows();
            long created = calls.stream().filter(JdbcTestHost.CallRow::created).count();
            Map<String, Integer> repeats = EndState.repeatedPushes(sim.store().inventoryUpdates());
            System.out.printf("%n[crash test %s, seed %d] kills %d (exit codes %s), node runs %d,"
                            + " last node %d passes%n  kill points: %s%n  killed during: %s%n"
                            + "  orders: %d on Babyshop, %d mapped, %d in the host; createOrder calls %d"
                            + " (%d created, %d found the order already there: repeated after a kill)%n"
                            + "  inventory: %d linked SKUs, %d host stock changes, %d inventoryPriceUpdate calls with"
                            + " %d SKU entries (%d entries repeat the previous quantity of their SKU: re-sent after a"
                            + " kill)%n  outbound: %d packed (%d generateInvoice), %d shipped (%d orderShipping),"
                            + " %d cancelled in the host (%d orderCancellation), %d cancelled on Babyshop%n"
                            + "  requests to the simulator %d, wall time %.1f s%n",
                    kind, seed, kills, exitCodes.stream().distinct().toList(), kills + 1, child.passes(), killPoints,
                    killedDuring, sim.store().orders().size(), end.expectedHostOrders(world.packed).size(),
                    host.orders().size(), calls.size(), created, calls.size() - created,
                    state.inTransaction(tx -> tx.catalog().links()).size(), world.stockChanges,
                    sim.requests().count(Operation.INVENTORY_PRICE_UPDATE), sim.store().inventoryUpdates().size(),
                    repeats.values().stream().mapToInt(Integer::intValue).sum(), world.packed.size(),
                    sim.requests().count(Operation.GENERATE_INVOICE), world.shipped.size(),
                    sim.requests().count(Operation.ORDER_SHIPPING), world.cancelledInHost.size(),
                    sim.requests().count(Operation.ORDER_CANCELLATION), world.cancelledOnChannel.size(),
                    sim.requests().size(), (System.nanoTime() - began) / 1e9);

            assertThat(kills).as("kills performed").isGreaterThanOrEqualTo(10);
            end.assertOrdersImportedOnce(world.packed, world.cancelledInHost);
            end.assertInventoryMatchesHost();
            end.assertOutboundOnce(world.packed, world.shipped, world.cancelledInHost);
        }
    }

    /**
     * Where a node is killed: {@code delayMillis} after the {@code occurrence}-th line starting with
     * {@code line} that the node printed after a line starting with {@code after}, or, when the node
     * finishes its first {@code runAll()} pass without printing it, that long after the pass.
     */
    record KillPoint(String after, String line, int occurrence, long delayMillis) {

        /** A random point: after start-up, in a chosen flow of the first pass, or around an import. */
        static KillPoint draw(Random random) {
            return switch (random.nextInt(9)) {
                case 0, 1 -> new KillPoint("STARTED", "STARTED", 0, 50 + random.nextInt(751)); // anywhere early
                case 2 -> new KillPoint("CONFIGURED", "FLOW ORDERS", 1, random.nextInt(151)); // listing, fetching
                // between two imports
                case 3 -> new KillPoint("CONFIGURED", "IMPORTED", 1 + random.nextInt(3), random.nextInt(16));
                // after the host committed an order, before the engine committed its import (often)
                case 4 -> new KillPoint("CONFIGURED", "HOST-CREATED", 1 + random.nextInt(3), random.nextInt(3));
                case 5 -> new KillPoint("CONFIGURED", "FLOW CANCELLATIONS", 1, random.nextInt(101));
                case 6 -> new KillPoint("CONFIGURED", "FLOW SHIPMENTS", 1, random.nextInt(151)); // invoices, labels
                case 7 -> new KillPoint("CONFIGURED", "FLOW INVENTORY", 1, random.nextInt(151)); // intake, push
                default -> new KillPoint("CONFIGURED", "FLOW CATALOG", 1, random.nextInt(151)); // upserts, links
            };
        }

        @Override
        public String toString() {
            return (occurrence == 0 ? "" : line + (occurrence > 1 ? " #" + occurrence : "") + " + ") + delayMillis
                    + " ms";
        }
    }

    private static List<String> childArgs(SellerPanelSimulator sim, SharedDatabase db, String mode) {
        return List.of("sim=" + sim.baseUrl(), "url=" + db.url(), "user=" + db.user(), "instance=crash-node", "mode=" + mode, "maxSeconds=" + (CONVERGE_CAP_MILLIS / 1000));
    }
}
