package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance test of issue 10, crash-fast leases: a node (a forked JVM, {@link CrashChild}, with the engine's
 * default instance id, so every process has its own) is killed with SIGKILL while it runs each flow in turn;
 * a new node is started at once and runs until its passes are quiet, which needs every flow to complete
 * (a flow skipped because the killed node's lease is still held is not quiet). The lease ttl is
 * {@value #TTL_MILLIS} ms, so the new node usually meets the dead node's lease first: its report then names
 * the dead process ({@code lease held by <its instance id> until ...}). At the end every mapped order is in
 * the host exactly once, every packed order was shipped once and every cancellation sent once
 * ({@link EndState}). Printed: how long after each kill the new node started the killed flow again.
 *
 * <p>Runs on an H2 file database served by this JVM and on the PostgreSQL server of {@code BABYSHOP_PG_URL}
 * (skipped without it, failed with {@code CI=true}).
 */
class KilledNodeFreesItsFlowsTest {
    private static final long SEED = 20261010L;
    private static final long TTL_MILLIS = 4_000;
    /** Safety caps only (never asserted). */
    private static final long START_CAP_MILLIS = 60_000;
    private static final long FLOW_CAP_MILLIS = 20_000;
    private static final long CONVERGE_CAP_MILLIS = 120_000;
    private static final List<Flow> FLOWS = List.of(Flow.ORDERS, Flow.CANCELLATIONS, Flow.SHIPMENTS, Flow.INVENTORY,
            Flow.CATALOG);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SharedDatabase.Kind.class, names = {"H2_FILE", "POSTGRESQL"})
    void aNodeKilledInTheMiddleOfEachFlowFreesItWithinOneTtl(SharedDatabase.Kind kind, @TempDir Path dir)
            throws Exception {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(SEED).fixture(Fixture.of(SEED, 120, 30))
                .noQuota().moderationDelay(Duration.ZERO).threads(8).build().start();
                SharedDatabase db = SharedDatabase.open(kind, dir)) {
            var pool = db.newPool("parent", 4);
            JdbcSyncStateStore.migrate(pool, EngineNode.TABLE_PREFIX);
            JdbcTestHost.createTables(pool);
            JdbcTestHost host = new JdbcTestHost(pool, "parent");
            World world = new World(sim, host, new Random(SEED), Duration.ofMinutes(1));
            world.initialStock();
            Random random = new Random(SEED);

            Map<Flow, String> resumed = new LinkedHashMap<>();
            List<String> namedDeadNode = new ArrayList<>();
            ChildJvm child = null;
            try {
                for (Flow flow : FLOWS) {
                    world.moveOn();
                    child = ChildJvm.start(childArgs(sim, db, "loop"), db.password());
                    assertThat(child.awaitMarker("STARTED", START_CAP_MILLIS)).as("node started; its output:%n%s",
                            child.tail()).isTrue();
                    String deadId = child.markers().stream().filter(m -> m.startsWith("STARTED ")).findFirst()
                            .map(m -> m.substring("STARTED ".length()).replaceAll(" @\\d+$", "")).orElseThrow();
                    assertThat(child.awaitLine("CONFIGURED", "FLOW " + flow, 1, "PASS", FLOW_CAP_MILLIS))
                            .as("the node started %s; its output:%n%s", flow, child.tail()).isTrue();
                    Thread.sleep(random.nextInt(30));
                    int code = child.killHard();
                    long killedAt = System.nanoTime();
                    assertThat(code).as("exit code of the killed node").isNotZero();

                    child = ChildJvm.start(childArgs(sim, db, "converge"), db.password());
                    boolean ran = child.awaitLine("CONFIGURED", "FLOW " + flow, 1, "NO SUCH LINE", CONVERGE_CAP_MILLIS);
                    double after = (System.nanoTime() - killedAt) / 1e9;
                    int exit = child.awaitExit(CONVERGE_CAP_MILLIS);
                    assertThat(ran).as("the new node ran %s again; its output:%n%s", flow, child.tail()).isTrue();
                    assertThat(exit).as("the new node converged; its output:%n%s", child.tail()).isZero();
                    List<String> skips = child.lines().stream()
                            .filter(l -> l.startsWith("PASS") && l.contains(flow + "=LEASE_HELD_ELSEWHERE")).toList();
                    skips.forEach(l -> assertThat(l).as("a skip names the dead node").contains(
                            flow + "=LEASE_HELD_ELSEWHERE[lease held by " + deadId + " until "));
                    if (!skips.isEmpty()) {
                        namedDeadNode.add(flow.name());
                    }
                    resumed.put(flow, String.format("%.1f s (%d skipped passes)", after, skips.size()));
                }
            } finally {
                if (child != null && child.isAlive()) {
                    child.killHard();
                }
            }
            System.out.printf("%n[killed node %s] lease ttl %d ms; the killed flow ran again on the new node after"
                    + " (from the kill, including the new JVM's start): %s; skips naming the dead node in %s%n", kind,
                    TTL_MILLIS, resumed, namedDeadNode);

            JdbcSyncStateStore state = JdbcSyncStateStore.builder().dataSource(pool).storeId(EngineNode.STORE_ID)
                    .tablePrefix(EngineNode.TABLE_PREFIX).build();
            EndState end = new EndState(sim, host, state);
            end.assertOrdersImportedOnce(world.packed, world.cancelledInHost);
            end.assertInventoryMatchesHost();
            end.assertOutboundOnce(world.packed, world.shipped, world.cancelledInHost);
        }
    }

    private static List<String> childArgs(SellerPanelSimulator sim, SharedDatabase db, String mode) {
        return List.of("sim=" + sim.baseUrl(), "url=" + db.url(), "user=" + db.user(), "mode=" + mode,
                "leaseTtlMillis=" + TTL_MILLIS, "maxSeconds=" + (CONVERGE_CAP_MILLIS / 1000));
    }
}
