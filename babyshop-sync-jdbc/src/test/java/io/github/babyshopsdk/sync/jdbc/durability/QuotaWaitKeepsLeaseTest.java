package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.e2e.ObservedStore;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance test of issue 10, renewal during a quota wait, with two engines on one database: node A's client
 * may make {@value #QUOTA_LIMIT} calls per {@value #QUOTA_WINDOW_MILLIS} ms, and the window is used up just
 * before A's orders run starts, so the run's first call waits for the quota window, about three times A's lease
 * ttl ({@value #TTL_MILLIS} ms, renewed every {@value #RENEW_MILLIS} ms, with the system clock and a real
 * sleeper), through the engine's waiter (issue 11): told to the listener, in slices of at most the renewal
 * interval, renewing the lease after each; its other calls then fit in the window. Meanwhile node B runs the orders flow again and
 * again: every run that falls inside A's wait is refused ({@code LEASE_HELD_ELSEWHERE}, naming node A) and lists
 * no orders, also after A's lease would have expired without renewal. A's run completes without a refused
 * write; B's next run completes, and every mapped order is in the host exactly once, created by one
 * createOrder call. Runs on a shared H2 in-memory database and on the PostgreSQL server of
 * {@code BABYSHOP_PG_URL} (skipped without it, failed with {@code CI=true}).
 */
class QuotaWaitKeepsLeaseTest {
    private static final long SEED = 20261010L;
    private static final long TTL_MILLIS = 1_500;
    private static final long RENEW_MILLIS = 100;
    private static final long QUOTA_WINDOW_MILLIS = 3 * TTL_MILLIS;
    /** More than the calls of A's orders run (token, order list, ...), so that it waits once. */
    private static final int QUOTA_LIMIT = 10;
    private static final Duration TTL = Duration.ofMillis(TTL_MILLIS);

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SharedDatabase.Kind.class, names = {"H2_MEMORY", "POSTGRESQL"})
    void aRunWaitingForQuotaLongerThanTheTtlKeepsItsLeaseAndTheOtherNodeIsRefused(SharedDatabase.Kind kind,
                                                                                   @TempDir Path dir)
            throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(SEED).fixture(Fixture.of(SEED, 12, 6))
                .noQuota().moderationDelay(Duration.ZERO).threads(4).build().start();
                SharedDatabase db = SharedDatabase.open(kind, dir)) {
            var usersPool = db.newPool("users", 2);
            JdbcTestHost users = JdbcTestHost.prepared(usersPool);
            UnaryOperator<EngineOptions.Builder> shortLeases = options -> options
                    .leaseTtl(TTL).leaseRenewalInterval(Duration.ofMillis(RENEW_MILLIS));

            Waits aWaits = new Waits();
            RollingWindowQuotaBudget aQuota = RollingWindowQuotaBudget.of(QUOTA_LIMIT,
                    Duration.ofMillis(QUOTA_WINDOW_MILLIS));
            ObservedStore[] aStore = new ObservedStore[1];
            EngineNode a = EngineNode.create(sim.baseUrl(), db.newPool("node-a", 4), "node-a", false, false, store -> {
                aStore[0] = new ObservedStore(store); // never frozen here: counts refused transactions
                return aStore[0];
            }, aWaits, UnaryOperator.identity(), shortLeases, client -> client
                    .quotaBudget(aQuota).sleeper(aWaits));
            EngineNode b = EngineNode.create(sim.baseUrl(), db.newPool("node-b", 4), "node-b", false, false,
                    UnaryOperator.identity(), SyncListener.none(), UnaryOperator.identity(), shortLeases);
            a.configure();

            for (int i = 0; i < QUOTA_LIMIT; i++) {
                assertThat(aQuota.tryAcquire(0, Instant.now()).isGranted()).as("earlier calls of A's credential").isTrue();
            }
            Future<FlowReport> running = executor.submit(() -> a.engine().run(Flow.ORDERS));
            assertThat(aWaits.started.await(30, TimeUnit.SECONDS)).as("node A waits for the quota window").isTrue();
            // A's lease as it is now: without renewal it would have expired by then
            Instant unrenewedExpiry = aStore[0].leases().current(Flow.ORDERS).orElseThrow().expiresAt();

            List<FlowReport> duringTheWait = new ArrayList<>();
            int afterUnrenewedExpiry = 0;
            int listCallsByB = 0;
            while (!running.isDone()) {
                Wait wait = aWaits.latest();
                boolean waiting = wait.covers(Instant.now());
                boolean pastExpiry = Instant.now().isAfter(unrenewedExpiry);
                int listCalls = sim.requests().count(Operation.ORDER_LIST);
                FlowReport report = b.engine().run(Flow.ORDERS);
                if (waiting && aWaits.latest() == wait && wait.covers(Instant.now())) {
                    // B's run began and ended inside A's wait: A made no call meanwhile
                    duringTheWait.add(report);
                    listCallsByB += sim.requests().count(Operation.ORDER_LIST) - listCalls;
                    afterUnrenewedExpiry += pastExpiry ? 1 : 0;
                }
                Thread.sleep(100);
            }
            FlowReport aReport = running.get(30, TimeUnit.SECONDS);

            System.out.printf("[quota wait %s] node A waited %s for quota (ttl %s) in %d slices of at most %s; node B ran"
                    + " %d time(s) during the wait, %d of them after A's lease would have expired unrenewed; A: %s,"
                    + " imported %d%n", kind, aWaits.waits, TTL, aWaits.sleeps.size(), Duration.ofMillis(RENEW_MILLIS),
                    duringTheWait.size(), afterUnrenewedExpiry, aReport.outcome(), aReport.imported());
            assertThat(aWaits.waits).as("node A waited for the quota window longer than the ttl, visibly")
                    .anyMatch(wait -> wait.length().compareTo(TTL) > 0);
            assertThat(aWaits.sleeps).as("in slices no longer than the renewal interval")
                    .allMatch(slice -> slice.toMillis() <= RENEW_MILLIS);
            assertThat(afterUnrenewedExpiry).as("node B tried after A's lease would have expired unrenewed")
                    .isPositive();
            assertThat(duringTheWait).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(FlowOutcome.LEASE_HELD_ELSEWHERE);
                assertThat(r.error()).hasValueSatisfying(e -> assertThat(e).startsWith("lease held by node-a until "));
            });
            assertThat(listCallsByB).as("orders listed by node B during A's wait").isZero();
            assertThat(aReport.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(aReport.imported()).isPositive();
            assertThat(aStore[0].refused()).as("transactions of node A refused by fencing").isZero();

            assertThat(b.engine().run(Flow.ORDERS).outcome()).as("node B after A released the flow")
                    .isEqualTo(FlowOutcome.COMPLETED);
            JdbcSyncStateStore state = JdbcSyncStateStore.builder().dataSource(usersPool).storeId(EngineNode.STORE_ID)
                    .tablePrefix(EngineNode.TABLE_PREFIX).build();
            new EndState(sim, users, state).assertOrdersImportedOnce(Set.of(), Set.of());
            assertThat(users.createCallRows().stream().filter(JdbcTestHost.CallRow::created).count())
                    .isEqualTo(users.orders().size());
            List.of(a, b).forEach(node -> {
                node.engine().close();
                node.client().close();
            });
        } finally {
            executor.shutdownNow();
        }
    }

    /** One wait for the quota window, as the engine told the listener: from when, until when. */
    private record Wait(Instant start, Instant until) {
        Duration length() {
            return Duration.between(start, until);
        }

        boolean covers(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(until);
        }

        @Override
        public String toString() {
            return length().toString();
        }
    }

    /**
     * Node A's listener (every wait for the quota window, with when it started) and its client's sleeper (a real
     * one that records every sleep: the waiter's slices).
     */
    private static final class Waits implements SyncListener, Sleeper {
        final List<Wait> waits = new CopyOnWriteArrayList<>();
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public void waitingForQuota(Flow flow, Instant until) {
            waits.add(new Wait(Instant.now(), until));
            started.countDown();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleeps.add(duration);
            Sleeper.system().sleep(duration);
        }

        Wait latest() {
            return waits.get(waits.size() - 1);
        }
    }
}
