package io.github.babyshopsdk.sync.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.hostile.support.Bodies;
import io.github.babyshopsdk.client.hostile.support.Outcomes;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.hostile.HostileProxy.Mode;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.memory.InMemorySyncStateStore;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.ReceivedShipment;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;

/**
 * The hostile-input harness of the engine (issue 9): a {@link SyncEngine} over in-memory state and an
 * in-memory host, its {@link ChannelGateway} over a real client, and between the client and the
 * SellerPanel simulator a {@link HostileProxy} that answers one operation's calls with hostile answers of
 * one kind (made from the simulator's live answers; the simulator may or may not have processed the
 * call). Every case sets up a store with imported orders, linked SKUs, packed, shipped and cancelled
 * orders and stock changes; runs every flow twice under the hostile answers, then several times with the
 * channel healthy again; and asserts:
 * <ul>
 *   <li>every run returns a {@link FlowReport} (FAILED allowed) and nothing else escapes the engine, nor
 *       an {@link OutOfMemoryError} (the harness runs in a small heap);</li>
 *   <li>the client throws only its typed exceptions at the engine, and no report carries an untyped one;</li>
 *   <li>no outbound work is lost: every host event has its outbox entry, done, still pending, skipped or
 *       dead-lettered with a reason; a Shipped push is not dead-lettered for waiting on a shipment that
 *       exists;</li>
 *   <li>no order is created twice in the host, and no invoice, shipment or cancellation twice on Babyshop;</li>
 *   <li>no request follows a redirect to another host.</li>
 * </ul>
 * The engine uses 10 of the 15 operations (the JIT listing and fetch, orderReturn, fetchInvoice and
 * skuBackOrder are the client harness's alone). The summary is printed and written to
 * {@code target/hostile-harness/engine-summary.txt}.
 */
@PropertyDefaults(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
        afterFailure = AfterFailureMode.PREVIOUS_SEED)
class EngineHostileHarnessTest {
    private static final String OUTCOMES = EngineHostileHarnessTest.class.getName() + ".outcomes";
    private static final String BOMB = EngineHostileHarnessTest.class.getName() + ".bomb";
    private static final long BASE_SEED = 0x2026_1205_0009L;
    private static final Pattern UNTYPED = Pattern.compile("^(java|javax|com|org|kotlin|okhttp3|okio|retrofit2)"
            + "\\.[\\w.$]*(Exception|Error)\\b.*", Pattern.DOTALL);
    private static final String DXB = "HUB-DXB";
    private final List<String> violations = new ArrayList<>();

    /** The operations the engine calls, by their wire path. */
    enum EngineOperation {
        AUTH_TOKEN("authToken"), ORDER_LIST("orderList"), ORDER_FETCH("orderFetch"), PRODUCT_FETCH("productFetch"),
        INVENTORY_PRICE_UPDATE("inventoryPriceUpdate"), INVENTORY_PRICE_STATUS("inventoryPriceStatus"),
        GENERATE_INVOICE("generateInvoice"), FETCH_DOCUMENTS("fetchDocuments"), ORDER_SHIPPING("orderShipping"),
        ORDER_CANCELLATION("orderCancellation");

        private final String path;

        EngineOperation(String path) {
            this.path = path;
        }
    }

    /** What jqwik drew for one case. */
    record Drawn(EngineOperation operation, Kind kind, Mode mode, int calls, long seed) {
    }

    /** The outcomes and the gzip bomb live at the container, so every property adds to one summary. */
    @BeforeContainer
    static void createStores() {
        Store.create(OUTCOMES, Lifespan.RUN, () -> new Outcomes("engine hostile-input harness"));
        Store.create(BOMB, Lifespan.RUN, () -> Bodies.gzip(List.of(new Bodies.Segment(new byte[1024 * 1024], 1024))));
    }

    @AfterProperty
    void failOnViolations() {
        assertThat(violations).as("engine contract violations (reproducers in the summary)").isEmpty();
    }

    @AfterContainer
    static void summary() {
        Outcomes outcomes = outcomes();
        System.out.println(outcomes.summary());
        outcomes.write("engine-summary.txt");
    }

    private static Outcomes outcomes() {
        return Store.<Outcomes>get(OUTCOMES).get();
    }

    private static List<Bodies.Segment> zerosBomb() {
        return Store.<List<Bodies.Segment>>get(BOMB).get();
    }

    /**
     * Every engine operation under every kind: 200 cases, the other choices (whether the simulator
     * processes the call, how many calls are hostile, the mutation) drawn from a derived seed.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 400)
    void everyEngineOperationUnderEveryKind(@ForAll EngineOperation operation, @ForAll Kind kind) {
        long seed = BASE_SEED ^ Objects.hash(operation.name(), kind.name());
        Random random = new Random(seed);
        Mode mode = random.nextBoolean() ? Mode.REPLACE : Mode.PROCESS_THEN_REPLACE;
        int calls = new int[] {1, 2, -1}[random.nextInt(3)];
        run(new Drawn(operation, kind, mode, calls, seed));
    }

    /** Operation, kind, whether the simulator processes the call, and how many calls, all drawn by jqwik. */
    @Property(tries = 30, seed = "1205")
    void randomlyDrawnEngineCases(@ForAll("drawn") Drawn drawn) {
        run(drawn);
    }

    @Provide
    Arbitrary<Drawn> drawn() {
        return Combinators.combine(Arbitraries.of(EngineOperation.class), Arbitraries.of(Kind.class),
                Arbitraries.of(Mode.class), Arbitraries.of(1, 2, 3, -1), Arbitraries.longs()).as(Drawn::new);
    }

    private void run(Drawn drawn) {
        Random random = new Random(drawn.seed());
        List<String> problems = new ArrayList<>();
        String label;
        HostileProxy proxy = null;
        List<String> served = List.of();
        try (World world = new World(drawn.seed())) {
            proxy = world.proxy;
            world.prepare(random, problems);
            proxy.arm(drawn.operation().path, drawn.kind(), drawn.mode(), drawn.calls(), random,
                    new LiveMutations(proxy.elsewhereUrl(), zerosBomb()));
            if (drawn.operation() == EngineOperation.AUTH_TOKEN) {
                // the client holds a key from the setup: expire it, so the next call re-authenticates
                world.sim.expireTokens();
            }
            List<FlowReport> hostile = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                hostile.addAll(world.runAll(problems));
                world.sim.simulatedClock().advance(Duration.ofMinutes(6));
            }
            proxy.disarm();
            served = proxy.served();
            outcomes().count("hostile answers reached the engine", drawn.operation() + (served.isEmpty()
                    ? " never called" : " called"));
            List<FlowReport> after = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                world.sim.simulatedClock().advance(Duration.ofMinutes(11));
                after.addAll(world.runAll(problems));
            }
            label = worst(hostile);
            world.check(problems, hostile, after);
            world.gateway.thrown().forEach(t -> outcomes().count("client exception", t.getClass().getSimpleName()));
            world.entries().forEach(e -> outcomes().count("outbox after recovery", e.operation() + " " + e.status()));
            world.entries().stream().filter(e -> e.status() == OutboxStatus.DEAD).forEach(e -> outcomes()
                    .count("dead-letter reasons", e.operation() + ": " + abbreviate(e.lastError().orElse("?")
                            .replaceAll("[0-9]{3,}", "#"))));
        } catch (Throwable t) {
            label = "SETUP/ESCAPE " + t.getClass().getSimpleName();
            problems.add("escaped the harness: " + t + " at " + Arrays.stream(t.getStackTrace()).limit(4)
                    .map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
        }
        outcomes().record(drawn.kind().name(), drawn.operation().name(), label);
        for (String problem : new java.util.LinkedHashSet<>(problems)) {
            String text = problem + " | " + drawn + " | served: " + served.stream().limit(3).toList();
            violations.add(text);
            outcomes().violation(text);
        }
    }

    private static String worst(List<FlowReport> reports) {
        List<FlowOutcome> order = List.of(FlowOutcome.FAILED, FlowOutcome.INTERRUPTED, FlowOutcome.WAITING_ON_QUOTA,
                FlowOutcome.LEASE_HELD_ELSEWHERE, FlowOutcome.COMPLETED, FlowOutcome.DISABLED);
        return order.stream().filter(o -> reports.stream().anyMatch(r -> r.outcome() == o)).findFirst()
                .map(o -> "worst " + o).orElse("no report");
    }

    /** One case's simulator, proxy, client, engine, store and host. */
    private static final class World implements AutoCloseable {
        final SellerPanelSimulator sim;
        final HostileProxy proxy;
        final BabyshopClient client;
        final RecordingGateway gateway;
        final InMemorySyncStateStore store = InMemorySyncStateStore.create();
        final InMemoryHost host = InMemoryHost.create();
        final SyncEngine engine;
        final List<HostEvent> events = new ArrayList<>();

        World(long seed) {
            this.sim = SellerPanelSimulator.builder().seed(seed).fixture(Fixture.of(seed, 8, 4)).noQuota()
                    .moderationDelay(Duration.ofMinutes(1)).build().start();
            this.proxy = new HostileProxy(sim.baseUrl());
            BabyshopClient.Builder builder = BabyshopClient.builder().baseUrl(proxy.baseUrl()).allowInsecureHttp()
                    .credentials(Credentials.of(SellerPanelSimulator.DEFAULT_USERNAME,
                            SellerPanelSimulator.DEFAULT_PASSWORD))
                    .clock(sim.clock()).zone(sim.zone())
                    .sleeper(duration -> sim.simulatedClock().advance(duration))
                    .quota(100_000, Duration.ofMinutes(5))
                    .readTimeout(Duration.ofSeconds(15))
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).random(() -> 0.5).build())
                    .callTimeout(Duration.ofSeconds(30));
            this.client = builder.build();
            this.gateway = new RecordingGateway(ClientChannelGateway.of(client));
            this.engine = SyncEngine.builder().stateStore(store).channel(gateway)
                    .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                    .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                    .scheduler(IntervalSyncScheduler.defaults()).clock(sim.clock())
                    // moderation asked at every run (no deferral), so hostile status answers reach the engine;
                    // every order of the fixture's 14 days imported, as before the first-run window (issue 12)
                    .options(EngineOptions.builder().instanceId("hostile").moderationCheckDelay(Duration.ZERO)
                            .moderationMaxWait(Duration.ZERO).orderImportFrom(EngineOptions.EPOCH)
                            .importOrdersCancelledBeforeFirstSeen(true).build())
                    .closeTimeout(Duration.ofSeconds(5)).build();
            engine.updateSettings("harness", s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true)
                    .inventorySync(true).autoCancelOnChannel(true).build());
            engine.updateStatusMapping("harness", StatusMapping.builder()
                    .putInbound(io.github.babyshopsdk.client.model.OrderStatus.PENDING, "NEW")
                    .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CONFIRMED, "NEW")
                    .putInbound(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED, "CANCELLED")
                    .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                    .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED)
                    .build());
            engine.updateHubMapping("harness", HubMapping.builder().defaultHub(DXB).build());
        }

        /**
         * With the channel healthy: imports the orders and the catalog, then gives the host work for every
         * outbound flow (packed and shipped orders, a cancellation, stock changes) and Babyshop new orders.
         */
        void prepare(Random random, List<String> problems) {
            for (Flow flow : List.of(Flow.ORDERS, Flow.CATALOG)) {
                FlowReport report = engine.run(flow);
                if (report.outcome() != FlowOutcome.COMPLETED) {
                    problems.add("setup: " + flow + " did not complete on a healthy channel: " + report);
                }
            }
            List<String> open = host.orders().stream().filter(o -> !o.cancelled())
                    .filter(o -> sim.store().order(o.orderNo()).map(s -> s.status() == OrderStatus.PENDING.code()
                            || s.status() == OrderStatus.CONFIRMED.code()).orElse(false))
                    .map(InMemoryHost.HostOrder::orderNo).toList();
            int packed = Math.min(2, open.size());
            for (int i = 0; i < packed; i++) {
                String orderNo = open.get(i);
                event(orderNo, HostEventType.PACKED, "ECOM", "AWB" + (1000 + i));
                event(orderNo, HostEventType.SHIPPED, null, null);
            }
            if (open.size() > packed) {
                event(open.get(packed), HostEventType.CANCELLED, null, null);
            }
            List<SkuLink> links = store.inTransaction(tx -> tx.catalog().links());
            for (SkuLink link : links) {
                host.setStock(link.vendorSkuCode(), DXB, BigDecimal.valueOf(random.nextInt(50)));
            }
            if (events.isEmpty() || store.inTransaction(tx -> tx.catalog().links()).isEmpty()) {
                problems.add("setup: no outbound work (events " + events.size() + ", host orders "
                        + host.orders().size() + ")");
            }
            sim.simulatedClock().advance(Duration.ofMinutes(1));
            sim.store().generateOrder();
            sim.store().generateOrder();
            sim.simulatedClock().advance(Duration.ofMinutes(1));
        }

        private void event(String orderNo, HostEventType type, String transporter, String awbNo) {
            HostEvent event = HostEvent.builder().eventId("ev-" + (events.size() + 1) + "-" + type)
                    .orderNo(orderNo).type(type).transporter(Optional.ofNullable(transporter))
                    .awbNo(Optional.ofNullable(awbNo)).build();
            events.add(event);
            host.addEvent(event);
        }

        /** Every flow once; anything but a report that comes out is a problem. */
        List<FlowReport> runAll(List<String> problems) {
            List<FlowReport> reports = new ArrayList<>();
            for (Flow flow : Flow.values()) {
                try {
                    FlowReport report = engine.run(flow);
                    if (report == null || report.outcome() == null) {
                        problems.add(flow + " returned no report");
                    } else {
                        reports.add(report);
                    }
                } catch (Throwable t) {
                    problems.add(flow + " threw " + t + " at " + Arrays.stream(t.getStackTrace()).limit(4)
                            .map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
                }
            }
            return reports;
        }

        List<OutboxEntry> entries() {
            return store.inTransaction(tx -> events.stream().map(e -> tx.outbox().find(e.eventId()))
                    .flatMap(Optional::stream).toList());
        }

        void check(List<String> problems, List<FlowReport> hostile, List<FlowReport> after) {
            for (FlowReport report : concat(hostile, after)) {
                report.error().filter(error -> UNTYPED.matcher(error).matches()).ifPresent(error ->
                        problems.add(report.flow() + " failed on an untyped exception: " + abbreviate(error)));
            }
            for (Throwable t : gateway.thrown()) {
                if (!(t instanceof BabyshopException) && !(t instanceof IllegalArgumentException)) {
                    problems.add("the client threw an untyped " + t + " at " + Arrays.stream(t.getStackTrace())
                            .limit(3).map(StackTraceElement::toString).collect(Collectors.joining(" < ")));
                }
            }
            Map<String, OutboxEntry> byId = store.inTransaction(tx -> events.stream()
                    .map(e -> tx.outbox().find(e.eventId())).flatMap(Optional::stream)
                    .collect(Collectors.toMap(OutboxEntry::id, Function.identity())));
            for (HostEvent event : events) {
                OutboxEntry entry = byId.get(event.eventId());
                if (entry == null) {
                    problems.add("the " + event.type() + " event of order " + event.orderNo() + " has no outbox entry");
                    continue;
                }
                if ((entry.status() == OutboxStatus.DEAD || entry.status() == OutboxStatus.SKIPPED)
                        && entry.lastError().filter(e -> !e.isBlank()).isEmpty()) {
                    problems.add(entry.operation() + " entry of order " + entry.orderNo() + " is " + entry.status()
                            + " without a reason");
                }
                if (entry.operation() == OutboxOperation.SHIP && entry.status() == OutboxStatus.DEAD
                        && entry.lastError().orElse("").contains("waiting for the shipment")
                        && shipmentDone(byId, entry.orderNo())) {
                    problems.add("the SHIPPED push of order " + entry.orderNo() + " was dead-lettered while its "
                            + "shipment exists: " + entry.lastError().orElse(""));
                }
            }
            if (host.createCalls() != host.orders().size()) {
                problems.add("createOrder was called " + host.createCalls() + " times for " + host.orders().size()
                        + " orders");
            }
            duplicates(problems, "invoice", sim.store().invoices().stream().map(IssuedInvoice::orderNo).toList());
            duplicates(problems, "shipment", sim.store().shipments().stream().map(ReceivedShipment::orderNo).toList());
            duplicates(problems, "cancellation", sim.store().cancellations().stream().filter(CancellationRecord::applied)
                    .map(CancellationRecord::orderNo).toList());
            if (proxy.elsewhereRequests() > 0) {
                problems.add("a redirect was followed: the other host got " + proxy.elsewhereRequests() + " request(s)");
            }
        }

        /** Whether the order's CREATE_SHIPMENT entry is done (the shipment a SHIP entry waits for exists). */
        private static boolean shipmentDone(Map<String, OutboxEntry> byId, String orderNo) {
            return byId.values().stream().anyMatch(e -> e.orderNo().equals(orderNo)
                    && e.operation() == OutboxOperation.CREATE_SHIPMENT && e.status() == OutboxStatus.DONE);
        }

        private static void duplicates(List<String> problems, String what, List<String> orderNos) {
            orderNos.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting())).forEach((orderNo, n) -> {
                if (n > 1) {
                    problems.add(n + " " + what + "s on Babyshop for order " + orderNo);
                }
            });
        }

        private static List<FlowReport> concat(List<FlowReport> a, List<FlowReport> b) {
            List<FlowReport> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        @Override
        public void close() {
            try {
                engine.close();
            } finally {
                try {
                    client.close();
                } finally {
                    try {
                        proxy.close();
                    } finally {
                        sim.close();
                    }
                }
            }
        }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }
}
