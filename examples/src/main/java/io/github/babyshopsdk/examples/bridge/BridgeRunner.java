package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.ClientMetrics;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.HintReceipt;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.schedule.ExecutorSyncRunner;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the bridge: opens the state database, builds the client (its quota budget, spent by flow priority, kept in
 * the state database, so runs one after another and bridges run at once on one database share it) and checks
 * the credentials, opens the file host, builds and configures the
 * engine, then runs the flows once (pass after pass until nothing is left to do), for N cycles, or on the
 * schedule until interrupted. Prints a progress line per flow run, the report table and, last, the JSON
 * summary. Everything that can be checked is checked before the host directory is touched.
 *
 * <p>With {@code --listen}, the {@link NotificationReceiver} is bound before anything is written, started once the
 * engine is configured (its hints go to {@code engine.hint}) and closed before the engine; each accepted
 * notification cuts the scheduled loop's wait short ({@link LoopWakeup}), so the hinted orders are fetched as soon
 * as they are due instead of a tick later.
 */
final class BridgeRunner {
    /** The actor of a hard sync the bridge requests ({@code --hard-sync}) in the configuration log. */
    static final String HARD_SYNC_ACTOR = "bridge";
    /** Dead letters counted at most for the {@code --metrics} gauge. */
    static final int MAX_DEAD_LETTERS_COUNTED = 10_000;
    /** Passes of {@code --once} at most: each pass runs every flow. */
    static final int MAX_PASSES = 20;
    /**
     * The engine's instance name in flow leases, shown in "lease held by ..." messages and explain: the host name
     * and the process id, so an operator can tell which process holds a flow.
     */
    static final String INSTANCE_ID = "bridge@" + host() + ":" + ProcessHandle.current().pid();

    /** Called after each pass of {@code --once} (the demo moves the simulated store between passes). */
    interface PassHook {
        void afterPass(int pass);
    }

    private final BridgeInputs in;
    private final BridgeEnvironment environment;
    private final PrintStream out;
    private final PrintStream err;
    private final PassHook hook;
    private final BridgeSummary summary = new BridgeSummary();
    private Supplier<String> note;
    private Consumer<Object> inspector = object -> { };
    private BridgeMetrics meters = BridgeMetrics.off();
    private volatile boolean stopping;
    private String label = "pass";
    private int round;
    private final LoopWakeup wakeup;
    private Function<SyncEngine, HintSink> hintSinks = engine -> engine::hint;
    private NotificationReceiver receiver;

    BridgeRunner(BridgeInputs in, BridgeEnvironment environment, PrintStream out, PrintStream err, PassHook hook) {
        this.in = in;
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.hook = hook;
        this.wakeup = new LoopWakeup(environment.sleeper());
    }

    /**
     * Where the receiver ({@code --listen}) hands the hints of the engine: {@code engine::hint} unless replaced (the
     * tests' fake sink).
     */
    void hintSink(Function<SyncEngine, HintSink> sinks) {
        this.hintSinks = sinks;
    }

    /**
     * Receives every object the run configures (inputs, environment, configuration, state store, client builder,
     * client, host, engine options, engine), as each is made: for the secrets sweep, which searches their
     * {@code toString()}s.
     */
    void inspect(Consumer<Object> sink) {
        this.inspector = sink;
    }

    /** A line printed just before the JSON summary (the demo's timing). */
    void beforeSummary(Supplier<String> line) {
        this.note = line;
    }

    /**
     * Runs the bridge and returns the exit code: 0 when the run completed, {@value BabyshopBridge#EXIT_FLOWS_SKIPPED}
     * when it completed but some flows' last run was skipped for their lease (held by another instance, or lost).
     *
     * @throws BridgeFailure for bad input (2), or a server that refuses the credentials or cannot be reached (3)
     */
    int run() {
        BridgeConfig config = in.config();
        inspector.accept(in);
        inspector.accept(environment);
        inspector.accept(config);
        config.warnings().forEach(w -> err.println("babyshop-bridge: warning: " + SafeText.of(in.configFile().toString())
                + ": " + SafeText.of(w)));
        for (String rejected : in.stock().rejected()) {
            err.println("babyshop-bridge: warning: " + rejected);
            summary.warning(rejected);
        }
        if (in.wireLog()) {
            WireLog.enable();
        }
        AtomicReference<HintSink> hints = new AtomicReference<>();
        receiver = in.listen().map(listen -> bind(listen, hints)).orElse(null);
        try {
            return run(config, hints);
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    /** Binds the receiver before anything is written (a port in use is bad input); it serves once started. */
    private NotificationReceiver bind(ListenOptions listen, AtomicReference<HintSink> hints) {
        HintSink late = orderNos -> {
            HintSink sink = hints.get();
            if (sink == null) {
                throw new IllegalStateException("the engine is not ready");
            }
            return sink.accept(orderNos);
        };
        try {
            return NotificationReceiver.bind(listen.address(), listen.token(), late, listen.limits());
        } catch (UncheckedIOException e) {
            throw BridgeFailure.badInput("--listen: " + e.getMessage(), e);
        }
    }

    /** Starts the receiver: its hints go to the engine, and each accepted notification wakes the scheduled loop. */
    private void startReceiver(SyncEngine engine, AtomicReference<HintSink> hints) {
        if (receiver == null) {
            return;
        }
        HintSink sink = hintSinks.apply(engine);
        hints.set(orderNos -> {
            HintReceipt receipt = sink.accept(orderNos);
            if (receipt.accepted() > 0) {
                wakeup.wake();
            }
            return receipt;
        });
        receiver.start();
        inspector.accept(receiver);
        ListenOptions listen = in.listen().orElseThrow();
        out.println("listening      " + receiver.url() + "/<token from $" + SafeText.of(listen.tokenEnv())
                + "> (POST; or the token in the " + NotificationReceiver.TOKEN_HEADER + " header)");
        out.flush();
    }

    private int run(BridgeConfig config, AtomicReference<HintSink> hints) {
        try (StateDatabase state = StateDatabase.open(in.stateUrl(), environment.env(), storeId());
             BabyshopClient client = client(state)) {
            inspector.accept(state.store());
            inspector.accept(client);
            authenticate(client);
            FileHost host;
            try {
                host = FileHost.open(in.outDir(), config.cancelledStage(), in.stock(), in.events(),
                        message -> err.println("babyshop-bridge: " + message));
            } catch (UncheckedIOException e) {
                throw BridgeFailure.badInput("--out " + SafeText.of(in.outDir().toString()) + ": "
                        + SafeText.of(e.getMessage()), e);
            }
            inspector.accept(host);
            SyncEngine engine = engine(state.store(), client, host);
            inspector.accept(engine);
            try {
                configure(engine);
                if (in.hardSync()) {
                    engine.requestHardSync(HARD_SYNC_ACTOR);
                    err.println("babyshop-bridge: hard sync requested: every linked SKU's stock is pushed once");
                }
                startReceiver(engine, hints);
                runWithShutdownHook(engine, state.store(), host, client);
            } finally {
                if (receiver != null) {
                    receiver.close(); // before the engine: no hint reaches a closed engine
                }
                engine.close();
            }
            return summary.skippedFlows().isEmpty() ? 0 : BabyshopBridge.EXIT_FLOWS_SKIPPED;
        }
    }

    private String storeId() {
        return in.username(); // checked by BridgeCommand: at most 100 characters, no control characters
    }

    private BabyshopClient client(StateDatabase state) {
        BridgeConfig config = in.config();
        BabyshopClient.Builder builder = BabyshopClient.builder()
                .baseUrl(in.baseUrl())
                .credentials(Credentials.of(in.username(), in.password()))
                .zone(config.zone())
                .clock(environment.clock())
                .sleeper(environment.sleeper())
                .quotaBudget(state.store().quotaBudget("babyshop-bridge:" + in.username(), config.quota()));
        if (in.allowInsecureHttp()) {
            builder.allowInsecureHttp();
        }
        builder.wireLogging(in.wireLog());
        inspector.accept(builder);
        try {
            return builder.build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw BridgeFailure.badInput("--base-url " + SafeText.url(in.baseUrl()) + ": "
                    + SafeText.of(e.getMessage()), e);
        }
    }

    private void authenticate(BabyshopClient client) {
        try {
            client.authenticate();
        } catch (AuthenticationException e) {
            throw BridgeFailure.unreachable("authentication failed for user " + SafeText.of(in.username()) + " at "
                    + SafeText.url(in.baseUrl()) + ": " + SafeText.of(e.serverMessage().orElse(e.getMessage()))
                    + " (check --username and the password in the --password-env variable)", e);
        } catch (BabyshopException e) {
            throw BridgeFailure.unreachable("cannot reach SellerPanel V3 at " + SafeText.url(in.baseUrl()) + ": "
                    + SafeText.of(e.getMessage()), e);
        }
    }

    private SyncEngine engine(SyncStateStore store, BabyshopClient client, FileHost host) {
        BridgeConfig config = in.config();
        EngineOptions.Builder options = EngineOptions.builder().instanceId(INSTANCE_ID);
        config.orderImportFrom().ifPresent(options::orderImportFrom);
        EngineOptions engineOptions = options.build();
        inspector.accept(engineOptions);
        AtomicReference<SyncEngine> built = new AtomicReference<>();
        meters = in.metrics() ? BridgeMetrics.on(client, environment.clock(), () -> deadLettersByFlow(built.get()))
                : BridgeMetrics.off();
        SyncEngine engine = SyncEngine.builder()
                .stateStore(store)
                .channel(ClientChannelGateway.of(client))
                .hostOrders(host).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping())
                .statusMapper(StatusMapper.byMapping())
                .scheduler(config.scheduler())
                .listener(meters.listener(new Progress(host)))
                .clock(environment.clock())
                .options(engineOptions)
                .build();
        built.set(engine);
        return engine;
    }

    /** The dead letters waiting, by flow (at most {@value #MAX_DEAD_LETTERS_COUNTED} counted), for {@code --metrics}. */
    private static Map<Flow, Long> deadLettersByFlow(SyncEngine engine) {
        if (engine == null) {
            return Map.of();
        }
        Map<Flow, Long> byFlow = new EnumMap<>(Flow.class);
        engine.deadLetters(MAX_DEAD_LETTERS_COUNTED).forEach(letter -> byFlow.merge(letter.flow(), 1L, Long::sum));
        return byFlow;
    }

    /** Applies the configuration file to the store; unchanged values are not logged again. */
    private void configure(SyncEngine engine) {
        BridgeConfig config = in.config();
        String actor = "babyshop-bridge (" + in.configFile() + ")";
        // the mapping before the toggles: settings checked against the old mapping would warn for nothing
        if (!engine.statusMapping().equals(config.statusMapping())) {
            engine.updateStatusMapping(actor, config.statusMapping());
        }
        if (!engine.settings().equals(config.settings())) {
            engine.updateSettings(actor, before -> config.settings());
        }
        if (!engine.hubMapping().equals(config.hubMapping())) {
            engine.updateHubMapping(actor, config.hubMapping());
        }
        if (!engine.safetyStock().equals(config.safetyStock())) {
            engine.updateSafetyStock(actor, config.safetyStock());
        }
    }

    private void runWithShutdownHook(SyncEngine engine, SyncStateStore store, FileHost host, BabyshopClient client) {
        Thread runner = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping = true;
            runner.interrupt();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "babyshop-bridge-shutdown");
        boolean hooked = addHook(hook);
        try {
            switch (in.mode()) {
                case ONCE -> once(engine, store, host);
                case CYCLES -> cycles(engine, store, in.cycles());
                default -> cycles(engine, store, Integer.MAX_VALUE);
            }
            if (Thread.interrupted() || stopping) {
                err.println("babyshop-bridge: interrupted; the state is consistent and the next run continues");
            }
            report(host, client);
        } finally {
            engine.close(); // releases every lease this process holds before a SIGTERM's hook lets the JVM exit
            finished.countDown();
            if (hooked && !stopping) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down
                }
            }
        }
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Pass after pass of every flow until a pass does nothing (or {@value #MAX_PASSES} passes). */
    private void once(SyncEngine engine, SyncStateStore store, FileHost host) {
        label = "pass";
        for (round = 1; round <= MAX_PASSES && !stopped(); round++) {
            int hostBefore = host.counts().total();
            List<FlowReport> reports = pass(engine);
            reportSkipped(reports);
            if (hook != null) {
                hook.afterPass(round);
            }
            boolean waitingOnQuota = reports.stream().anyMatch(r -> r.outcome() == FlowOutcome.WAITING_ON_QUOTA);
            // work: the host changed or Babyshop acknowledged something (the catalog's overlap re-reads are not)
            boolean work = host.counts().total() != hostBefore || reports.stream().anyMatch(r -> r.pushed() > 0);
            if (stopped()) {
                return;
            }
            if (waitingOnQuota) {
                Duration window = in.config().quotaWindow();
                out.printf(Locale.ROOT, "[%s %d] waiting %s for the quota window (%d calls per %s) before the next pass%n",
                        label, round, human(window), in.config().quotaCalls(), human(window));
                summary.quotaWait();
                if (!sleep(window)) {
                    return;
                }
            } else if (!work) {
                return;
            }
        }
        if (round > MAX_PASSES) {
            err.println("babyshop-bridge: stopped after " + MAX_PASSES + " passes with work left; the next run continues");
        }
    }

    /**
     * One pass: every flow once, most urgent first, but reconciliation, which compares a window of days and is due
     * daily on the schedule ({@code --cycles}): in a pass it would only re-list what the pass just synced.
     */
    private static List<FlowReport> pass(SyncEngine engine) {
        List<FlowReport> reports = new java.util.ArrayList<>();
        Arrays.stream(Flow.values()).filter(flow -> flow != Flow.RECONCILIATION)
                .sorted(java.util.Comparator.comparingInt(Flow::priority)).forEach(flow -> reports.add(engine.run(flow)));
        return reports;
    }

    /**
     * {@code n} scheduler cycles: the flows that are due, then a wait until the next flow is due
     * ({@link SyncEngine#nextDue}: a regular run, or the continuation of a flow that stopped for quota with work
     * left), at least a second and at most a tick.
     */
    private void cycles(SyncEngine engine, SyncStateStore store, int n) {
        label = "cycle";
        for (round = 1; round <= n && !stopped(); round++) {
            reportSkipped(engine.runDue(environment.clock().instant()));
            if (round < n && !sleep(untilNextDue(engine))) {
                return;
            }
        }
    }

    private Duration untilNextDue(SyncEngine engine) {
        Duration tick = in.config().tick();
        Instant now = environment.clock().instant();
        try {
            return ExecutorSyncRunner.delay(engine.nextDue(now), now, tick);
        } catch (RuntimeException e) {
            err.println("babyshop-bridge: could not tell when a flow is next due; waiting a tick: "
                    + SafeText.of(e.getMessage()));
            return tick;
        }
    }

    /**
     * Flows skipped because another instance holds their lease never reach the listener (they did not start):
     * a progress line and the summary get them here.
     */
    private void reportSkipped(List<FlowReport> reports) {
        for (FlowReport report : reports) {
            if (report.outcome() == FlowOutcome.LEASE_HELD_ELSEWHERE) {
                summary.add(report);
                out.printf(Locale.ROOT, "[%s %d] %-14s %s%n", label, round, report.flow().name().toLowerCase(Locale.ROOT),
                        describe(report));
                err.println("babyshop-bridge: " + report.flow().name().toLowerCase(Locale.ROOT) + " skipped: "
                        + report.error().orElse("lease held by another instance"));
            }
        }
        out.flush();
    }

    private boolean stopped() {
        return stopping || Thread.currentThread().isInterrupted();
    }

    private boolean sleep(Duration duration) {
        try {
            wakeup.sleep(duration); // cut short when the receiver accepted a notification's hints
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void report(FileHost host, BabyshopClient client) {
        FileHost.Counts counts = host.counts();
        ClientMetrics metrics = client.metrics();
        BridgeSummary.Counts totals = new BridgeSummary.Counts(counts.ordersCreated(), counts.ordersCancelled(),
                counts.skusImported(), counts.skusRejected(), metrics.requests(), metrics.quotaWaits());
        summary.printTable(out, totals, host.waitingEvents());
        if (receiver != null) {
            out.println("receiver       answers by status " + receiver.answers() + ", " + receiver.hinted()
                    + " order numbers hinted, " + wakeup.wakeups() + " wake-ups of the schedule");
        }
        out.println("host files     " + in.outDir().toAbsolutePath().normalize() + " (orders/, host-events.jsonl, labels/, "
                + "catalog.jsonl)");
        meters.print(out);
        if (note != null) {
            out.println(note.get());
        }
        out.println(summary.toJson(totals));
        out.flush();
    }

    /** A progress line per flow run; every listener call also feeds the summary. */
    private final class Progress implements SyncListener {
        private final FileHost host;

        Progress(FileHost host) {
            this.host = host;
        }

        @Override
        public void flowFinished(FlowReport report) {
            summary.add(report);
            out.printf(Locale.ROOT, "[%s %d] %-14s %s%n", label, round, report.flow().name().toLowerCase(Locale.ROOT),
                    describe(report));
            out.flush();
        }

        @Override
        public void waitingForQuota(Flow flow, Instant until) {
            summary.engineQuotaWait(flow, until);
            out.printf(Locale.ROOT, "[%s %d] %-14s waiting for quota until %s%n", label, round,
                    flow.name().toLowerCase(Locale.ROOT), time(until));
            out.flush();
        }

        @Override
        public void orderImported(String orderNo, String hostOrderId, String hub) {
            summary.orderImported(orderNo);
        }

        @Override
        public void orderSkipped(String orderNo, OrderReason reason, String detail) {
            summary.orderSkipped(orderNo, reason);
        }

        @Override
        public void itemLevelChange(String orderNo, String detail) {
            summary.orderSkipped(orderNo, OrderReason.ITEM_LEVEL_CHANGE);
            err.println("babyshop-bridge: order " + SafeText.of(orderNo) + ": " + SafeText.of(detail)
                    + " (reported, not applied)");
        }

        @Override
        public void skuRejected(String sku, String reason) {
            if (reason.startsWith(BridgeSummary.NO_VENDOR_SKU_CODE)) {
                host.recordRejection(sku, reason);
            } else {
                summary.catalogError();
            }
        }

        @Override
        public void outboundSettled(String orderNo, String operation, String status, String detail) {
            summary.outboundSettled(orderNo, operation, status, detail);
        }

        @Override
        public void warning(String message) {
            summary.warning(message);
            err.println("babyshop-bridge: warning: " + SafeText.of(message));
        }
    }

    private static String describe(FlowReport r) {
        String counts = switch (r.flow()) {
            case ORDERS -> String.format(Locale.ROOT, "%d listed, %d imported, %d cancelled, %d skipped, %d failed",
                    r.fetched(), r.imported(), r.updated(), r.skipped().values().stream().mapToInt(Integer::intValue).sum(),
                    r.failed());
            case CANCELLATIONS -> String.format(Locale.ROOT, "%d host events read, %d cancellations pushed, %d failed",
                    r.fetched(), r.pushed(), r.failed());
            case SHIPMENTS -> String.format(Locale.ROOT, "%d host events read, %d shipment operations pushed, %d failed",
                    r.fetched(), r.pushed(), r.failed());
            case INVENTORY -> String.format(Locale.ROOT, "%d stock levels read, %d SKUs pushed, %d failed",
                    r.fetched(), r.pushed(), r.failed());
            case CATALOG -> String.format(Locale.ROOT, "%d products read, %d upserted, %d rejected",
                    r.fetched(), r.imported(), r.failed());
            case RECONCILIATION -> String.format(Locale.ROOT, "%d orders and products compared, %d repaired, %d failed",
                    r.fetched(), r.repaired(), r.failed());
        };
        if (r.outcome() == FlowOutcome.DISABLED) {
            return "disabled in the settings";
        }
        if (r.outcome() == FlowOutcome.LEASE_HELD_ELSEWHERE) {
            return "skipped: " + SafeText.of(r.error().orElse("lease held by another instance"));
        }
        String outcome = switch (r.outcome()) {
            case WAITING_ON_QUOTA -> "  (stopped to keep quota for more urgent flows)";
            case INTERRUPTED -> "  (interrupted)";
            case FAILED -> "  FAILED: " + SafeText.of(r.error().orElse("?"));
            case LEASE_LOST -> "  LEASE LOST (stopped; another instance continues): " + SafeText.of(r.error().orElse("?"));
            default -> "";
        };
        String quota = r.quotaRemaining().isPresent() ? "; quota " + r.quotaRemaining().getAsInt() + " left" : "";
        return counts + quota + outcome;
    }

    /** An instant for the progress line: to the second, in the zone of the API's date-times. */
    private String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(in.config().zone())
                .truncatedTo(ChronoUnit.SECONDS));
    }

    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name == null || name.isBlank()) {
            name = System.getenv("COMPUTERNAME");
        }
        return name == null || name.isBlank() ? "localhost" : name;
    }

}
