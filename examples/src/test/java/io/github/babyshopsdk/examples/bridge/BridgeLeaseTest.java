package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SimProduct;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bridge run on a state whose orders flow is held by another instance (issue 10): the run completes the other
 * flows, says on stdout and stderr and in the JSON summary's {@code skipped} which flow was skipped and who holds
 * it until when, and exits {@value BabyshopBridge#EXIT_FLOWS_SKIPPED}; once the lease is free, the next run
 * imports the orders and exits 0.
 */
class BridgeLeaseTest {
    private static final String OTHER = "bridge@other-host:4242";

    @TempDir
    Path dir;
    private BridgeWorld world;

    @BeforeEach
    void setUp() {
        world = new BridgeWorld(dir, Fixture.of(13, 20, 6));
        world.write("config.yml", BridgeWorld.CONFIG);
        StringBuilder csv = new StringBuilder("vendorSkuCode,hub,available\n");
        for (SimProduct product : world.validProducts()) {
            csv.append(product.vendorSkuCode()).append(",HUB-DXB,3\n");
        }
        world.write("inventory.csv", csv.toString());
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void aFlowWhoseLeaseIsHeldElsewhereIsNamedInTheReportAndTheSummaryAndTheExitCodeSaysSo() {
        Lease held = withState(store -> store.leases().acquire(Flow.ORDERS, OTHER, world.sim.clock().instant(),
                Duration.ofHours(1)).orElseThrow());

        BridgeWorld.Result skipped = world.run("--once");

        assertThat(skipped.exitCode()).as(skipped.stderr()).isEqualTo(BabyshopBridge.EXIT_FLOWS_SKIPPED);
        String why = "lease held by " + OTHER + " until " + held.expiresAt();
        assertThat(skipped.summary().path("skipped").path("orders").asText()).isEqualTo(why);
        assertThat(skipped.summary().path("skipped").size()).as("only the orders flow").isEqualTo(1);
        assertThat(skipped.summary().path("ordersImported").asInt()).isZero();
        assertThat(skipped.summary().path("skusImported").asInt()).as("the other flows ran").isPositive();
        assertThat(skipped.lines()).anySatisfy(l -> assertThat(l).startsWith("[pass 1] orders").contains("skipped: " + why));
        assertThat(skipped.lines()).anySatisfy(l -> assertThat(l).startsWith("skipped        orders: " + why));
        assertThat(skipped.lines()).anySatisfy(l -> assertThat(l).startsWith("orders").contains("0  lease held elsewhere"));
        assertThat(skipped.stderr()).contains("babyshop-bridge: orders skipped: " + why);

        withState(store -> {
            store.leases().release(held);
            return null;
        });
        BridgeWorld.Result next = world.run("--once");

        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.summary().path("skipped").size()).isZero();
        assertThat(next.summary().path("ordersImported").asInt()).isPositive();
    }

    @Test
    void aRunReleasesItsLeasesSoTheNextRunStartsAtOnce() {
        BridgeWorld.Result first = world.run("--once");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        for (Flow flow : List.of(Flow.ORDERS, Flow.CATALOG, Flow.INVENTORY, Flow.SHIPMENTS, Flow.CANCELLATIONS)) {
            withState(store -> {
                assertThat(store.leases().current(flow)).as("%s lease", flow).hasValueSatisfying(lease -> {
                    assertThat(lease.holder()).isEqualTo(BridgeRunner.INSTANCE_ID);
                    assertThat(lease.heldAt(world.sim.clock().instant())).as("released").isFalse();
                });
                return null;
            });
        }
        BridgeWorld.Result second = world.run("--once");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.summary().path("skipped").size()).isZero();
    }

    /** Runs {@code work} on the bridge's state database, closed again before the bridge opens it. */
    private <T> T withState(java.util.function.Function<JdbcSyncStateStore, T> work) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(world.stateUrl());
        JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(ds).storeId(BridgeWorld.USER).build();
        return work.apply(store);
    }

}
