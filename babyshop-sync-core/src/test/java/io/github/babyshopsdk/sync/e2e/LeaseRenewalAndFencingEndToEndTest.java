package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Short, renewed, fenced leases (issue 10), with two engine instances (nodes) on one in-memory store, the
 * simulator's clock and a ttl of 30 s of that clock:
 * <ul>
 *   <li>a run that waits for the quota window longer than the ttl keeps its lease (the engine's quota waiter
 *       sleeps in slices no longer than the renewal interval and renews the lease after each, issue 11), and the
 *       other node is refused that flow meanwhile, with who holds it and until when;</li>
 *   <li>a node paused past its ttl (its run and its renewals frozen, as in a long GC pause) loses the lease to
 *       the other node; when it wakes, the store refuses its next write (fencing) and nothing is imported
 *       twice (renewals every 10 ms of real time here, so that the renewal thread keeps up);</li>
 *   <li>closing an engine while a run is stuck releases the lease at once.</li>
 * </ul>
 */
class LeaseRenewalAndFencingEndToEndTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration RENEWAL = TTL.dividedBy(3);

    private static EngineOptions node(String instanceId) {
        return EngineOptions.builder().instanceId(instanceId).leaseTtl(TTL)
                .leaseRenewalInterval(Duration.ofMillis(10)).build();
    }

    @Test
    void aRunWaitingForQuotaLongerThanTheTtlKeepsItsLeaseAndTheOtherNodeIsRefused() throws Exception {
        try (SimWorld world = SimWorld.with(Fixture.of(31, 40, 10)).quota(1, Duration.ofMinutes(2))
                .options(node("configurer")).start()) {
            // the default renewal interval (a third of the ttl), in simulated time: the waiter's slices
            EngineOptions waits = EngineOptions.builder().instanceId("node-1").leaseTtl(TTL).build();
            List<Instant[]> node1Waits = new CopyOnWriteArrayList<>();
            SyncListener node1Listener = new SyncListener() {
                @Override
                public void waitingForQuota(Flow flow, Instant until) {
                    node1Waits.add(new Instant[] {world.clock.instant(), until});
                }
            };
            ObservedStore node1Store = new ObservedStore(world.store);
            SyncEngine node1 = world.newEngine(waits, node1Store, world.gateway, world.host, node1Listener);
            SyncEngine node2 = world.newEngine(node("node-2"), world.store, world.gateway, world.host, world.listener);
            List<FlowReport> node2Runs = new CopyOnWriteArrayList<>();
            world.sleeper.stepping(Duration.ofSeconds(5), slept -> {
                Instant[] wait = node1Waits.isEmpty() ? null : node1Waits.get(node1Waits.size() - 1);
                if (wait != null && Duration.between(wait[0], world.clock.instant()).compareTo(TTL) > 0
                        && node2Runs.size() < 5) {
                    int listCalls = world.sim.requests().count(Operation.ORDER_LIST);
                    node2Runs.add(node2.run(Flow.ORDERS));
                    if (world.sim.requests().count(Operation.ORDER_LIST) != listCalls) {
                        node2Runs.add(FlowReport.builder().from(node2Runs.get(node2Runs.size() - 1))
                                .error("node-2 listed orders").outcome(FlowOutcome.FAILED).build());
                    }
                }
            });

            FlowReport report = node1.run(Flow.ORDERS);

            assertThat(node1Waits).as("node-1 waited for the quota window longer than the ttl, visibly")
                    .anyMatch(wait -> Duration.between(wait[0], wait[1]).compareTo(TTL) > 0);
            assertThat(world.sleeper.sleeps()).as("in slices no longer than the renewal interval")
                    .isNotEmpty().allMatch(slice -> slice.compareTo(RENEWAL) <= 0);
            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(node2Runs).as("node-2 tried while node-1 waited past its first expiry").isNotEmpty();
            assertThat(node2Runs).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
                assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).startsWith("lease held by node-1 until "));
            });
            assertThat(node1Store.refused()).isZero();
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            node1.close();
            node2.close();
        }
    }

    @Test
    void aNodePausedPastItsTtlLosesItsLeaseAndItsNextWriteIsRefused() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SimWorld world = SimWorld.with(Fixture.of(31, 60, 20)).options(node("configurer")).start()) {
            CountDownLatch paused = new CountDownLatch(1);
            CountDownLatch wake = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            ForwardingHost pausingHost = new ForwardingHost(world.host) {
                @Override
                protected void after(String method, String key) {
                    if (method.equals("createOrder") && first.getAndSet(false)) {
                        paused.countDown();
                        await(wake);
                    }
                }
            };
            ObservedStore node1Store = new ObservedStore(world.store);
            SyncEngine node1 = world.newEngine(node("node-1"), node1Store, world.gateway, pausingHost, world.listener);
            SyncEngine node2 = world.newEngine(node("node-2"), world.store, world.gateway, world.host, world.listener);

            Future<FlowReport> running = executor.submit(() -> node1.run(Flow.ORDERS));
            assertThat(paused.await(30, TimeUnit.SECONDS)).as("node-1 created an order in the host").isTrue();
            node1Store.freeze();
            assertThat(node1Store.awaitFrozenRenewal()).as("node-1's renewals are frozen too").isTrue();
            world.advance(TTL.plusSeconds(1));

            FlowReport takeover = node2.run(Flow.ORDERS);
            assertThat(takeover.outcome()).as("node-2 took the expired lease over").isEqualTo(FlowOutcome.COMPLETED);
            assertThat(takeover.imported()).isPositive();

            wake.countDown();
            FlowReport woken = running.get(30, TimeUnit.SECONDS);

            assertThat(woken.outcome()).isEqualTo(FlowOutcome.LEASE_LOST);
            assertThat(woken.error()).hasValueSatisfying(e -> assertThat(e).contains("node-2"));
            assertThat(node1Store.refused()).as("the store refused node-1's write (fencing)").isPositive();
            node1Store.thaw();
            // node-2 called createOrder again for the order node-1 created just before its pause (found it there)
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world, 1);
            assertThat(node2.run(Flow.ORDERS).outcome()).as("node-2 released its lease").isEqualTo(FlowOutcome.COMPLETED);
            node1.close();
            node2.close();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void closingAnEngineWithARunInProgressReleasesItsLease() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SimWorld world = SimWorld.with(Fixture.of(31, 30, 10)).options(node("configurer")).start()) {
            CountDownLatch stuck = new CountDownLatch(1);
            CountDownLatch letGo = new CountDownLatch(1);
            AtomicBoolean first = new AtomicBoolean(true);
            ForwardingHost stuckHost = new ForwardingHost(world.host) {
                @Override
                protected void before(String method, String key) {
                    if (method.equals("createOrder") && first.getAndSet(false)) {
                        stuck.countDown();
                        await(letGo);
                    }
                }
            };
            SyncEngine node1 = world.newEngine(node("node-1"), world.store, world.gateway, stuckHost, world.listener);
            SyncEngine node2 = world.newEngine(node("node-2"), world.store, world.gateway, world.host, world.listener);
            Future<FlowReport> running = executor.submit(() -> node1.run(Flow.ORDERS));
            assertThat(stuck.await(30, TimeUnit.SECONDS)).isTrue();
            FlowReport refused = node2.run(Flow.ORDERS);
            assertThat(refused.outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
            assertThat(refused.error()).hasValue("lease held by node-1 until "
                    + world.store.leases().current(Flow.ORDERS).orElseThrow().expiresAt());

            assertThat(node2.explain("BS-NOT-YET").details()).as("explain names the instance running the orders flow")
                    .anySatisfy(d -> assertThat(d).startsWith("the orders flow is running on node-1 (lease held until "));

            node1.close(); // its close timeout passes with the run still stuck

            FlowReport afterClose = node2.run(Flow.ORDERS);
            assertThat(afterClose.outcome()).as("no need to wait for the ttl").isEqualTo(FlowOutcome.COMPLETED);
            letGo.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(FlowOutcome.LEASE_LOST);
            // node-1's createOrder call that was in flight when it closed went on and found the order there
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world, 1);
            node2.close();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFinishedRunReleasesItsLeaseAtOnce() {
        try (SimWorld world = SimWorld.with(Fixture.of(7, 10, 5)).options(node("configurer")).start()) {
            SyncEngine node1 = world.newEngine("node-1");
            SyncEngine node2 = world.newEngine("node-2");
            for (Flow flow : Flow.values()) {
                assertThat(node1.run(flow).outcome()).as("%s on node-1", flow).isEqualTo(FlowOutcome.COMPLETED);
                assertThat(node2.run(flow).outcome()).as("%s on node-2 right after", flow)
                        .isEqualTo(FlowOutcome.COMPLETED);
            }
            node1.close();
            node2.close();
        }
    }

    @Test
    void theDefaultsAreAShortTtlRenewedThreeTimesPerTtlAndAnInstanceIdNamingTheProcess() {
        EngineOptions defaults = EngineOptions.defaults();
        assertThat(defaults.leaseTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.leaseRenewalInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.instanceId()).contains("-" + ProcessHandle.current().pid() + "-");
        assertThat(EngineOptions.defaults().instanceId()).isNotEqualTo(defaults.instanceId());
        assertThat(EngineOptions.builder().leaseTtl(Duration.ofMinutes(1)).build().leaseRenewalInterval())
                .isEqualTo(Duration.ofSeconds(20));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
