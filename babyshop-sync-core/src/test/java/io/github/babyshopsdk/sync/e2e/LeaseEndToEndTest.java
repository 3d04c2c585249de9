package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances (two nodes) over the same state store: while one runs a flow, the other is refused
 * that flow ({@code LEASE_HELD_ELSEWHERE}) but may run the others; a dead node's lease is taken over once
 * it expires.
 */
class LeaseEndToEndTest {

    @Test
    void aSecondInstanceOnTheSameStoreIsRefusedTheFlowTheFirstHoldsAndTakesOverAnExpiredLease() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SimWorld world = SimWorld.with(Fixture.of(31, 60, 20)).start()) {
            CountDownLatch insideRun = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            ForwardingHost slowHost = new ForwardingHost(world.host) {
                @Override
                protected void before(String method, String key) {
                    if (method.equals("createOrder") && first.getAndSet(false)) {
                        insideRun.countDown();
                        try {
                            letGo.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            };
            SyncEngine node1 = world.newEngine(EngineOptions.builder().from(world.options).instanceId("node-1").build(),
                    world.store, world.gateway, slowHost, world.listener);
            SyncEngine node2 = world.newEngine("node-2");

            Future<FlowReport> running = executor.submit(() -> node1.run(Flow.ORDERS));
            assertThat(insideRun.await(20, TimeUnit.SECONDS)).as("node-1 is inside its orders run").isTrue();
            int listCalls = world.sim.requests().count(Operation.ORDER_LIST);

            FlowReport refused = node2.run(Flow.ORDERS);
            FlowReport otherFlow = node2.run(Flow.CATALOG);

            assertThat(refused.outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
            assertThat(refused.imported()).isZero();
            assertThat(world.sim.requests().count(Operation.ORDER_LIST)).as("node-2 did not read orders").isEqualTo(listCalls);
            assertThat(otherFlow.outcome()).as("leases are per flow").isEqualTo(FlowOutcome.COMPLETED);

            letGo.countDown();
            FlowReport done = running.get(30, TimeUnit.SECONDS);
            assertThat(done.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);

            world.advance(Duration.ofMinutes(31));
            FlowReport afterwards = node2.run(Flow.ORDERS);
            assertThat(afterwards.outcome()).as("the lease was released").isEqualTo(FlowOutcome.COMPLETED);
            assertThat(afterwards.imported()).isZero();

            // a node that died holding the lease: refused until the lease (15 minutes) expires
            assertThat(world.store.leases().tryAcquire(Flow.ORDERS, "node-dead", world.clock.instant(),
                    world.options.leaseTtl())).isTrue();
            assertThat(node2.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
            world.advance(world.options.leaseTtl().plusSeconds(1));
            assertThat(node2.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            node1.close();
            node2.close();
        } finally {
            executor.shutdownNow();
        }
    }
}
