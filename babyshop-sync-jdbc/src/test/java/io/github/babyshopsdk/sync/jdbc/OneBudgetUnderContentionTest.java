package io.github.babyshopsdk.sync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.testing.RecordingBudget;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance test of issue 11: one quota budget, shared by every flow and every node, spent by priority. The
 * simulator holds a backlog of orders (and new ones keep coming), a catalog, and the host has stock for every SKU
 * (and changes it) and packed orders, so orders, catalog, inventory and shipments are all due at once, under a budget of 40 calls per 5 minutes
 * (the simulator enforces the same) that another process has nearly spent. Flows run on 4 threads: (a) of one
 * engine, (b) of two engines (two clients, two {@link JdbcSyncStateStore} instances on one database, one
 * {@link JdbcQuotaBudget} key). Client, engines, budget and simulator share the simulator's clock; waits move
 * it, only when every worker sleeps (see {@link VirtualTime}).
 * Every permit request is recorded ({@link RecordingBudget}):
 * <ul>
 *   <li>no tier ever exceeds its share in any rolling window, every permit of a less urgent flow left the calls
 *       kept for more urgent ones, and the orders flow is refused a permit only when the whole window is in use:
 *       the calls kept for it are never spent by inventory or catalog;</li>
 *   <li>the simulator sees at most 40 calls in any rolling 5 minutes, answers code 13 never, and receives
 *       exactly as many requests as the budget granted permits;</li>
 *   <li>everything is done in the end: every mapped order imported once, the catalog linked, the stock pushed,
 *       the packed orders shipped.</li>
 * </ul>
 * On H2 and on the PostgreSQL server of {@code BABYSHOP_PG_URL} (skipped without it).
 */
class OneBudgetUnderContentionTest {
    private static final long SEED = 20261111L;
    private static final String STORE_ID = "babyshop-uae";
    private static final String USERNAME = SellerPanelSimulator.DEFAULT_USERNAME;
    private static final QuotaLimits LIMITS = QuotaLimits.vinculumDefault();
    /** Calls another process of the credential made just before the flows start: 4 of 40 are left. */
    private static final int SPENT_ELSEWHERE = 36;
    private static final Set<Integer> MAPPED = Set.of(OrderStatus.PENDING.code(), OrderStatus.CONFIRMED.code(),
            OrderStatus.CANCELLED.code());
    private static final String DXB = "HUB-DXB";
    private static final BigDecimal STOCK = new BigDecimal("12");
    private static final int MAX_ROUNDS = 400;
    private static final int NEW_ORDER_ROUNDS = 4;
    private static final int NEW_ORDERS_PER_ROUND = 60;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Backend.class, names = {"H2", "POSTGRESQL"})
    void oneEngineOnFourThreads(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open(); World world = new World()) {
            Node node = world.node("node-1", db.dataSource());
            world.start(node);
            List<Worker> workers = List.of(new Worker(node, Flow.ORDERS), new Worker(node, Flow.INVENTORY),
                    new Worker(node, Flow.CATALOG), new Worker(node, Flow.SHIPMENTS));

            world.runUntilDone(workers);

            world.assertQuotaKept("one engine, " + backend, node.budget.decisions());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.Backend.class, names = {"H2", "POSTGRESQL"})
    void twoEnginesOnOneDatabase(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase db = backend.open(); World world = new World()) {
            Node first = world.node("node-1", db.dataSource());
            Node second = world.node("node-2", db.newDataSource());
            world.start(first);
            List<Worker> workers = List.of(new Worker(first, Flow.ORDERS, Flow.CATALOG),
                    new Worker(first, Flow.INVENTORY, Flow.SHIPMENTS), new Worker(second, Flow.ORDERS, Flow.CATALOG),
                    new Worker(second, Flow.INVENTORY, Flow.SHIPMENTS));

            world.runUntilDone(workers);

            List<RecordingBudget.Decision> both = new ArrayList<>(first.budget.decisions());
            both.addAll(second.budget.decisions());
            world.assertQuotaKept("two engines, " + backend, both);
            assertThat(second.budget.grants()).as("the second engine made calls too").isNotEmpty();
        }
    }

    /**
     * Time for every client, engine, budget and the simulator: the simulator's clock, moved only by sleeps (quota
     * waits, back-offs, the workers' pauses between runs) as a discrete-event simulation: a sleeping thread waits
     * until the clock reaches its wake-up time, and the clock moves on to the earliest wake-up only when every
     * worker thread sleeps. So time never moves while a worker is between a permit and the response of the request
     * it paid for: each request reaches the simulator at the very instant its permit was granted, and the order of
     * events does not depend on how fast threads run. Thread-safe.
     */
    static final class VirtualTime implements Sleeper {
        private final SimulatedClock clock;
        private final List<Instant> wakeUps = new ArrayList<>();
        private int workers;

        VirtualTime(SimulatedClock clock) {
            this.clock = clock;
        }

        /** The calling thread takes part: time waits for it to sleep. */
        synchronized void join() {
            workers++;
        }

        /** The calling thread no longer takes part. */
        synchronized void leave() {
            workers--;
            moveOn();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            synchronized (this) {
                Instant wakeUp = clock.instant().plus(duration.isNegative() ? Duration.ZERO : duration);
                wakeUps.add(wakeUp);
                try {
                    moveOn();
                    while (clock.instant().isBefore(wakeUp)) {
                        wait();
                    }
                } finally {
                    wakeUps.remove(wakeUp);
                }
            }
        }

        /** When every worker sleeps, moves the clock to the earliest wake-up and wakes who is due. */
        private void moveOn() {
            if (wakeUps.size() < workers || wakeUps.isEmpty()) {
                return;
            }
            Instant next = wakeUps.stream().min(Instant::compareTo).orElseThrow();
            if (next.isAfter(clock.instant())) {
                clock.set(next);
            }
            notifyAll();
        }
    }

    /** One engine node: its state store (own pool), its share of the budget, its client and engine. */
    static final class Node implements AutoCloseable {
        final String name;
        final JdbcSyncStateStore store;
        final RecordingBudget budget;
        final BabyshopClient client;
        final SyncEngine engine;

        Node(String name, JdbcSyncStateStore store, RecordingBudget budget, BabyshopClient client, SyncEngine engine) {
            this.name = name;
            this.store = store;
            this.budget = budget;
            this.client = client;
            this.engine = engine;
        }

        @Override
        public void close() {
            engine.close();
            client.close();
        }
    }

    /** A thread running its flows again and again, pausing (simulated time) between rounds, until all is done. */
    final class Worker {
        final Node node;
        final List<Flow> flows;
        final Map<Flow, Integer> outcomes = new EnumMap<>(Flow.class);

        Worker(Node node, Flow... flows) {
            this.node = node;
            this.flows = List.of(flows);
        }
    }

    /** The simulator, the host, the shared clock and gate, and what the run saw. */
    final class World implements AutoCloseable {
        final SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(SEED).fixture(Fixture.of(SEED, 500, 400))
                .quota(LIMITS.limit(), LIMITS.window()).build().start();
        final SimulatedClock clock = sim.simulatedClock();
        final VirtualTime time = new VirtualTime(clock);
        final InMemoryHost host = InMemoryHost.create();
        final List<Node> nodes = new ArrayList<>();
        final List<FlowReport> reports = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        final List<String> packed = new ArrayList<>();
        /** The orders in a mapped status when the run starts (shipping the packed ones moves them on). */
        final Set<String> toImport = Collections.synchronizedSet(new TreeSet<>());
        final Map<Flow, AtomicInteger> waitsHeard = new EnumMap<>(Flow.class);

        Node node(String name, DataSource dataSource) {
            JdbcSyncStateStore store = JdbcSyncStateStore.builder().dataSource(dataSource).storeId(STORE_ID).build();
            RecordingBudget budget = RecordingBudget.of(store.quotaBudget(USERNAME, LIMITS));
            BabyshopClient client = BabyshopClient.builder().baseUrl(sim.baseUrl()).allowInsecureHttp()
                    .credentials(Credentials.of(USERNAME, SellerPanelSimulator.DEFAULT_PASSWORD)).zone(sim.zone())
                    .clock(clock).sleeper(time).quotaBudget(budget).readTimeout(Duration.ofSeconds(20)).build();
            SyncListener listener = new SyncListener() {
                @Override
                public void flowFinished(FlowReport report) {
                    reports.add(report);
                }

                @Override
                public void waitingForQuota(Flow flow, Instant until) {
                    waitsHeard.computeIfAbsent(flow, f -> new AtomicInteger()).incrementAndGet();
                }
            };
            SyncEngine engine = SyncEngine.builder().stateStore(store).channel(ClientChannelGateway.of(client))
                    .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                    .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                    .scheduler(IntervalSyncScheduler.defaults()).listener(listener).clock(clock)
                    // every order of the fixture's 14 days, as before the first-run window (issue 12)
                    .options(EngineOptions.builder().instanceId(name).retryDelay(Duration.ofMinutes(1))
                            .orderImportFrom(EngineOptions.EPOCH).importOrdersCancelledBeforeFirstSeen(true).build())
                    .closeTimeout(Duration.ofSeconds(10)).build();
            Node node = new Node(name, store, budget, client, engine);
            nodes.add(node);
            return node;
        }

        /**
         * Configures the store, gives the host stock for every SKU and four packed orders, and spends 36 of the
         * 40 calls as another process of the credential would (real requests, through the shared budget).
         */
        void start(Node node) {
            SyncEngine engine = node.engine;
            engine.updateSettings("test", s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true)
                    .inventorySync(true).autoCancelOnChannel(true).build());
            engine.updateStatusMapping("test", StatusMapping.builder()
                    .putInbound(io.github.babyshopsdk.client.model.OrderStatus.PENDING, "NEW")
                    .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CONFIRMED, "NEW")
                    .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED, "CANCELLED")
                    .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                    .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
            engine.updateHubMapping("test", HubMapping.builder().defaultHub(DXB)
                    .addRules(HubRule.builder().country("SAU").hub("HUB-RUH").build()).build());
            validProducts().forEach(p -> host.setStock(p.vendorSkuCode(), DXB, STOCK));
            sim.store().orders().stream().filter(o -> !o.jit() && MAPPED.contains(o.status()))
                    .forEach(o -> toImport.add(o.orderNo()));
            sim.store().orders().stream().filter(o -> !o.jit() && (o.status() == OrderStatus.PENDING.code()
                    || o.status() == OrderStatus.CONFIRMED.code())).limit(4).forEach(o -> {
                        packed.add(o.orderNo());
                        host.addEvent(HostEvent.builder().eventId("packed-" + o.orderNo()).orderNo(o.orderNo())
                                .type(HostEventType.PACKED).transporter("Aramex").awbNo("AWB-" + o.orderNo())
                                .occurredAt(clock.instant()).build());
                    });
            OrderListQuery query = OrderListQuery.builder().updatedSince(clock.instant().minus(Duration.ofDays(1)))
                    .limit(1).build();
            for (int i = 0; i < SPENT_ELSEWHERE - 1; i++) { // the first call also takes the API key
                node.client.orders().listPage(query);
            }
            assertThat(node.budget.grants()).hasSize(SPENT_ELSEWHERE);
            clock.advance(Duration.ofSeconds(1)); // the flows start a second later
        }

        List<SimProduct> validProducts() {
            return sim.store().products().stream().filter(SimProduct::hasValidVendorSkuCode).toList();
        }

        boolean done(JdbcSyncStateStore store) {
            if (host.orders().size() < toImport.size() || host.skus().size() < validProducts().size()
                    || !host.labels().keySet().containsAll(packed)) {
                return false;
            }
            return store.inTransaction(tx -> {
                List<SkuLink> links = tx.catalog().links();
                return links.size() == validProducts().size() && tx.inventory().pending(1).isEmpty()
                        && links.stream().allMatch(link -> tx.inventory().find(link.vendorSkuCode())
                        .flatMap(InventoryState::acknowledgedQuantity).isPresent());
            });
        }

        /** Runs the workers on a thread each until everything is done (or a worker gave up after its rounds). */
        void runUntilDone(List<Worker> workers) throws Exception {
            JdbcSyncStateStore probe = workers.get(0).node.store;
            List<Thread> threads = new ArrayList<>();
            for (Worker worker : workers) {
                time.join(); // before any worker starts, so that time waits for every one of them
                threads.add(new Thread(() -> work(worker, probe), "worker-" + worker.node.name + "-" + worker.flows));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).as("failures of the workers").isEmpty();
            assertThat(done(probe)).as("everything done: host orders %d of %d, SKUs %d of %d, labels %s; outcomes %s",
                    host.orders().size(), toImport.size(), host.skus().size(), validProducts().size(),
                    host.labels().keySet(), workers.stream().map(w -> w.outcomes.toString()).toList()).isTrue();
        }

        private void work(Worker worker, JdbcSyncStateStore probe) {
            try {
                for (int round = 0; round < MAX_ROUNDS && !done(probe); round++) {
                    moveOn(worker, round);
                    for (Flow flow : worker.flows) {
                        FlowReport report = worker.node.engine.run(flow);
                        worker.outcomes.merge(flow, 1, Integer::sum);
                        if (report.outcome() == FlowOutcome.FAILED) {
                            failures.add(new AssertionError(worker.node.name + " " + flow + " failed: " + report));
                        }
                    }
                    // a scheduler's pause between runs: orders every 5 minutes, the rest every 30 seconds
                    time.sleep(worker.flows.contains(Flow.ORDERS) ? Duration.ofMinutes(5) : Duration.ofSeconds(30));
                }
            } catch (Throwable e) {
                failures.add(e);
            } finally {
                time.leave();
            }
        }

        /**
         * The world goes on while the flows run: new orders on Babyshop before each of the orders worker's first
         * rounds, a second wave of stock changes in the host before the inventory worker's fourth round.
         */
        private void moveOn(Worker worker, int round) {
            if (worker.flows.contains(Flow.ORDERS) && round < NEW_ORDER_ROUNDS) {
                synchronized (toImport) {
                    for (int i = 0; i < NEW_ORDERS_PER_ROUND; i++) {
                        toImport.add(sim.store().generateOrder().orderNo());
                    }
                }
            }
            if (worker.flows.contains(Flow.INVENTORY) && round == 3) {
                validProducts().stream().limit(150).forEach(p -> host.setStock(p.vendorSkuCode(), DXB,
                        STOCK.add(BigDecimal.ONE)));
            }
        }

        /** The checks of the class description, over the decisions of every budget of the run. */
        void assertQuotaKept(String label, List<RecordingBudget.Decision> decisions) {
            List<RecordedRequest> requests = sim.requests().all();
            List<RecordingBudget.Decision> grants = decisions.stream().filter(RecordingBudget.Decision::granted).toList();
            int peak = RecordingBudget.assertNoTierExceededItsShare(decisions, LIMITS, 4);
            RecordingBudget.assertEveryGrantLeftTheReserve(decisions, LIMITS);
            RecordingBudget.assertTopTierRefusedOnlyWhenTheWindowWasFull(decisions, LIMITS);
            int serverPeak = RecordingBudget.peak(requests.stream().map(RecordedRequest::receivedAt).toList(),
                    LIMITS.window());
            Map<Integer, Long> grantsByTier = grants.stream().collect(Collectors.groupingBy(
                    RecordingBudget.Decision::tier, Collectors.counting()));
            Map<Integer, Long> refusalsByTier = decisions.stream().filter(d -> !d.granted()).collect(
                    Collectors.groupingBy(RecordingBudget.Decision::tier, Collectors.counting()));
            System.out.printf("[issue 11, %s] %d requests, %d permits by tier %s, %d refusals by tier %s, peak %d per"
                    + " %s (server %d), %d waits of the orders flow heard, %s simulated, %d answers of 13%n", label,
                    requests.size(), grants.size(), grantsByTier, refusalsByTier.values().stream()
                            .mapToLong(Long::longValue).sum(), refusalsByTier, peak, LIMITS.window(), serverPeak,
                    waitsHeard.getOrDefault(Flow.ORDERS, new AtomicInteger()).get(),
                    Duration.between(SellerPanelSimulator.DEFAULT_START, clock.instant()),
                    requests.stream().filter(r -> r.answered(13)).count());
            assertThat(requests).as("code 13 answers").noneMatch(r -> r.answered(13));
            assertThat(serverPeak).as("requests the simulator saw in one rolling window").isLessThanOrEqualTo(
                    LIMITS.limit());
            assertThat(requests).as("server-side requests = permits granted").hasSize(grants.size());
            assertThat(refusalsByTier.getOrDefault(QuotaBudget.TOP_TIER, 0L)).as("the orders flow had to wait")
                    .isPositive();
            assertThat(refusalsByTier.getOrDefault(2, 0L) + refusalsByTier.getOrDefault(3, 0L))
                    .as("inventory and catalog were refused calls kept for more urgent flows").isPositive();
            assertThat(grantsByTier).as("every tier was served").containsKeys(0, 1, 2, 3);
            assertThat(waitsHeard.getOrDefault(Flow.ORDERS, new AtomicInteger()).get()).as("waits told the listener")
                    .isPositive();
            assertThat(host.createCalls()).as("orders created once each").isEqualTo(host.orders().size());
            assertThat(host.orders().stream().map(InMemoryHost.HostOrder::orderNo).collect(Collectors.toSet()))
                    .isEqualTo(new TreeSet<>(toImport));
            assertThat(reports).as("no run failed").noneMatch(r -> r.outcome() == FlowOutcome.FAILED);
        }

        @Override
        public void close() throws IOException {
            nodes.forEach(Node::close);
            sim.close();
        }
    }
}
