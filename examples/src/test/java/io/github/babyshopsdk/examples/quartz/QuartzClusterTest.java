package io.github.babyshopsdk.examples.quartz;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;

/**
 * Two Quartz nodes (two schedulers with their own instance ids and engines) on one clustered JDBC job store in
 * H2: the flows run, each flow execution runs on one node at a time, and the engine's flow leases agree (no run
 * was refused because another node held the flow).
 */
class QuartzClusterTest {
    private static final String SCHEDULER = "babyshop-test";
    private static final Set<Integer> MAPPED = Set.of(1, 5, 8);

    /** Every flow execution on either node: who ran it, and whether it overlapped another of the same flow. */
    private static final class Recorder implements JobListener {
        final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        final List<String> overlaps = new CopyOnWriteArrayList<>();
        final List<FlowReport> reports = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();

        @Override
        public String getName() {
            return "recorder";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            String flow = context.getJobDetail().getKey().getName();
            if (running.computeIfAbsent(flow, f -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.add(flow + " on " + node(context));
            }
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            running.get(context.getJobDetail().getKey().getName()).decrementAndGet();
            byNode.computeIfAbsent(node(context), n -> new AtomicInteger()).incrementAndGet();
            if (context.getResult() instanceof FlowReport report) {
                reports.add(report);
            }
        }

        int runs(Flow flow) {
            return (int) reports.stream().filter(r -> r.flow() == flow).count();
        }

        private static String node(JobExecutionContext context) {
            try {
                return context.getScheduler().getSchedulerInstanceId();
            } catch (SchedulerException e) {
                return "?";
            }
        }
    }

    @Test
    void twoNodesShareTheFlowsAndNeverRunOneFlowTwiceAtOnce() throws Exception {
        String url = "jdbc:h2:mem:quartz-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Recorder recorder = new Recorder();
        List<Scheduler> nodes = new ArrayList<>();
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().credentials("seller", "secret")
                .fixture(Fixture.of(3, 40, 20)).build().start();
             HikariDataSource pool = pool(url)) {
            createQuartzTables(pool);
            JdbcSyncStateStore state = JdbcSyncStateStore.builder().dataSource(pool).storeId("seller").build();
            InMemoryHost host = InMemoryHost.create(); // stands for the host's database, shared by the nodes
            for (String node : List.of("node-a", "node-b")) {
                BabyshopClient client = BabyshopClient.builder().baseUrl(sim.baseUrl()).allowInsecureHttp()
                        .credentials(Credentials.of("seller", "secret")).zone(sim.zone()).clock(sim.clock())
                        .sleeper(d -> sim.simulatedClock().advance(d))
                        .quotaBudget(state.quotaBudget("seller", QuotaLimits.vinculumDefault()))
                        .build();
                SyncEngine engine = SyncEngine.builder().stateStore(state).channel(ClientChannelGateway.of(client))
                        .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                        .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                        .scheduler(IntervalSyncScheduler.defaults()).clock(sim.clock())
                        .options(EngineOptions.builder().instanceId(node)
                                // every order of the fixture's history, as before the first-run window (issue 12)
                                .orderImportFrom(EngineOptions.EPOCH).importOrdersCancelledBeforeFirstSeen(true)
                                .build()).build();
                if (node.equals("node-a")) {
                    configure(engine);
                }
                var properties = QuartzSync.clusteredProperties(SCHEDULER, node, url, "sa", "", 3);
                properties.setProperty("org.quartz.scheduler.idleWaitTime", "1000");
                Scheduler scheduler = QuartzSync.startNode(properties, engine);
                // one JVM holds both nodes here: Quartz keeps one scheduler per name in its repository
                SchedulerRepository.getInstance().remove(SCHEDULER);
                scheduler.getListenerManager().addJobListener(recorder);
                nodes.add(scheduler);
            }
            Map<Flow, Duration> every = new EnumMap<>(Flow.class);
            for (Flow flow : Flow.values()) {
                every.put(flow, Duration.ofMillis(200));
            }
            QuartzSync.scheduleFlows(nodes.get(0), every);
            QuartzSync.scheduleFlows(nodes.get(1), every); // idempotent: already there

            Set<String> mapped = sim.store().orders().stream().filter(o -> !o.jit())
                    .filter(o -> MAPPED.contains(o.status())).map(SimOrder::orderNo).collect(Collectors.toSet());
            waitUntil(() -> List.of(Flow.values()).stream().allMatch(f -> recorder.runs(f) >= 3)
                    && host.orders().size() == mapped.size());

            for (Scheduler scheduler : nodes) {
                scheduler.shutdown(true);
            }
            nodes.clear();

            assertThat(recorder.overlaps).as("executions of one flow that overlapped").isEmpty();
            assertThat(recorder.reports).extracting(FlowReport::outcome)
                    .as("the engine's leases agree: no run was refused").doesNotContain(FlowOutcome.LEASE_HELD_ELSEWHERE)
                    .doesNotContain(FlowOutcome.FAILED);
            assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo).containsExactlyInAnyOrderElementsOf(mapped);
            assertThat(host.createCalls()).as("no order created twice").isEqualTo(mapped.size());
            assertThat(recorder.byNode.keySet()).isSubsetOf("node-a", "node-b");
            System.out.println("flow executions by node: " + recorder.byNode);
        } finally {
            for (Scheduler scheduler : nodes) {
                scheduler.shutdown(false);
            }
        }
    }

    private static void configure(SyncEngine engine) {
        engine.updateSettings("test", s -> StoreSettings.builder().orderSync(true).catalogSync(true).inventorySync(true)
                .build());
        engine.updateStatusMapping("test", StatusMapping.builder().putInbound(OrderStatus.PENDING, "NEW")
                .putInbound(OrderStatus.CONFIRMED, "NEW").putInbound(OrderStatus.CANCELLED, "CANCELLED").build());
        engine.updateHubMapping("test", HubMapping.builder().defaultHub("HUB-DXB").build());
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(8);
        return pool;
    }

    /** Runs the H2 DDL Quartz ships in its jar. */
    private static void createQuartzTables(HikariDataSource pool) throws IOException, SQLException {
        String ddl;
        try (InputStream in = Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_h2.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cluster did not get there within the bound");
            }
            Thread.sleep(50);
        }
    }
}
