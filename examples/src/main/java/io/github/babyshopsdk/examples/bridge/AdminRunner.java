package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.DeadLetter;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.FlowBusyException;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Runs one admin command on the state database of one store: lists, re-drives or discards dead letters, or
 * explains one order. Builds the engine on the state database with no host (no flow runs); only {@code --explain}
 * builds a client, and calls Babyshop once ({@code orderFetch}) only for an order the engine never saw. Everything
 * printed from the state or from Babyshop goes through {@link SafeText}. Not thread-safe; one command per instance.
 */
final class AdminRunner {
    /** The most dead letters {@code --dead-letters} prints. */
    static final int LIST_LIMIT = 500;
    /** The longest reason printed in the dead letter table. */
    static final int REASON_WIDTH = 160;
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");

    private final AdminRequest request;
    private final BridgeEnvironment environment;
    private final PrintStream out;
    private final PrintStream err;

    AdminRunner(AdminRequest request, BridgeEnvironment environment, PrintStream out, PrintStream err) {
        this.request = request;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the command and returns the exit code: 0 done; {@value BabyshopBridge#EXIT_FLOWS_SKIPPED} when the dead
     * letter's flow is running (nothing changed) or {@code --redrive all} left some for that reason.
     *
     * @throws BridgeFailure bad input (a key with no dead letter, a bad state database) or, for
     *     {@code --explain}, a server that refuses the credentials or cannot be reached
     */
    int run() {
        try (StateDatabase state = StateDatabase.open(request.stateUrl(), environment.env(), request.username())) {
            if (request.action() == AdminRequest.Action.EXPLAIN) {
                try (BabyshopClient client = client(state)) {
                    SyncEngine engine = engine(state.store(), ClientChannelGateway.of(client));
                    try {
                        return explain(engine, client);
                    } finally {
                        engine.close();
                    }
                }
            }
            SyncEngine engine = engine(state.store(), new OfflineChannel());
            try {
                return deadLetters(engine);
            } finally {
                engine.close();
            }
        }
    }

    private SyncEngine engine(SyncStateStore store, ChannelGateway channel) {
        InMemoryHost noHost = InMemoryHost.create();
        return SyncEngine.builder().stateStore(store).channel(channel)
                .hostOrders(noHost).hostCatalog(noHost).hostInventory(noHost).hostFulfilment(noHost)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults()).clock(environment.clock())
                .options(EngineOptions.builder().instanceId(BridgeRunner.INSTANCE_ID).build())
                .build();
    }

    private String actor() {
        String user = environment.env().getOrDefault("USER", environment.env().getOrDefault("USERNAME", ""));
        return "babyshop-bridge" + (user.isBlank() ? "" : " (" + SafeText.of(user) + ")");
    }

    private int deadLetters(SyncEngine engine) {
        try {
            switch (request.action()) {
                case LIST_DEAD_LETTERS:
                    printDeadLetters(engine.deadLetters(LIST_LIMIT + 1));
                    return 0;
                case REDRIVE:
                    if (request.argument().equals(AdminRequest.ALL)) {
                        int redriven = engine.redriveAll(actor());
                        int left = engine.deadLetters(LIST_LIMIT).size();
                        out.println("re-driven      " + redriven + " dead letter(s): due again at once; the next run "
                                + "sends them");
                        if (left > 0) {
                            err.println("babyshop-bridge: " + left + " dead letter(s) left: their flow is running "
                                    + "elsewhere; run --redrive all again once it has finished");
                            return BabyshopBridge.EXIT_FLOWS_SKIPPED;
                        }
                        return 0;
                    }
                    DeadLetter redriven = engine.redrive(request.argument(), actor());
                    out.println("re-driven      " + SafeText.of(redriven.key()) + " (" + flow(redriven) + ", "
                            + redriven.attempts() + " attempt(s)): due again at once; the next run sends it");
                    return 0;
                default:
                    DeadLetter discarded = engine.discard(request.argument(), actor(), request.reason());
                    out.println("discarded      " + SafeText.of(discarded.key()) + " (" + flow(discarded) + "): "
                            + SafeText.of(request.reason()) + "; recorded in the configuration log");
                    return 0;
            }
        } catch (NoSuchElementException e) {
            throw BridgeFailure.badInput(SafeText.of(e.getMessage()) + " (list them with --dead-letters)", e);
        } catch (FlowBusyException e) {
            err.println("babyshop-bridge: " + SafeText.of(e.getMessage()));
            return BabyshopBridge.EXIT_FLOWS_SKIPPED;
        }
    }

    private static String flow(DeadLetter letter) {
        return letter.flow().name().toLowerCase(Locale.ROOT);
    }

    private void printDeadLetters(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            out.println("no dead letters");
            return;
        }
        List<DeadLetter> shown = letters.subList(0, Math.min(LIST_LIMIT, letters.size()));
        int keyWidth = Math.max(3, shown.stream().mapToInt(l -> SafeText.of(l.key()).length()).max().orElse(3));
        String format = "%-" + keyWidth + "s  %-13s  %8s  %-20s  %-20s  %s%n";
        out.printf(Locale.ROOT, format, "KEY", "FLOW", "ATTEMPTS", "FIRST FAILURE", "LAST FAILURE", "REASON");
        for (DeadLetter letter : shown) {
            String reason = SafeText.of(letter.reason());
            out.printf(Locale.ROOT, format, SafeText.of(letter.key()), flow(letter), letter.attempts(),
                    letter.firstFailedAt().truncatedTo(ChronoUnit.SECONDS), letter.lastFailedAt()
                            .truncatedTo(ChronoUnit.SECONDS),
                    reason.length() > REASON_WIDTH ? reason.substring(0, REASON_WIDTH) + "..." : reason);
        }
        out.println(letters.size() > LIST_LIMIT ? "dead letters   more than " + LIST_LIMIT + " (the oldest "
                + LIST_LIMIT + " shown)" : "dead letters   " + letters.size() + " (oldest last failure first)");
        out.println("act on one    --redrive KEY | --redrive all | --discard KEY --reason TEXT");
    }

    private BabyshopClient client(StateDatabase state) {
        Optional<BridgeConfig> config = request.config();
        BabyshopClient.Builder builder = BabyshopClient.builder()
                .baseUrl(request.baseUrl().orElseThrow())
                .credentials(Credentials.of(request.username(), request.password().orElseThrow()))
                .zone(config.map(BridgeConfig::zone).orElse(DEFAULT_ZONE))
                .clock(environment.clock())
                .sleeper(environment.sleeper())
                .quotaBudget(state.store().quotaBudget("babyshop-bridge:" + request.username(),
                        config.map(BridgeConfig::quota).orElse(QuotaLimits.vinculumDefault())));
        if (request.allowInsecureHttp()) {
            builder.allowInsecureHttp();
        }
        try {
            return builder.build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw BridgeFailure.badInput("--base-url " + SafeText.url(request.baseUrl().orElseThrow()) + ": "
                    + SafeText.of(e.getMessage()), e);
        }
    }

    private int explain(SyncEngine engine, BabyshopClient client) {
        String orderNo = request.argument();
        OrderExplanation explanation = engine.explain(orderNo);
        out.println("order          " + SafeText.of(orderNo) + ": " + explanation.reason().label()
                + explanation.hostOrderId().map(id -> " (host order " + SafeText.of(id) + ")").orElse(""));
        explanation.details().forEach(detail -> out.println("               - " + SafeText.of(detail)));
        if (neverSeen(explanation)) {
            out.println("on Babyshop    " + onBabyshop(engine, client, orderNo));
        }
        return 0;
    }

    /** Whether the state holds nothing about the order: no record, no quarantine entry. */
    private static boolean neverSeen(OrderExplanation explanation) {
        return explanation.state().isEmpty() && explanation.reason() != OrderReason.QUARANTINED
                && explanation.reason() != OrderReason.DEAD_LETTERED;
    }

    /** One targeted orderFetch: whether Babyshop has the order, its status, and whether that status is mapped. */
    private String onBabyshop(SyncEngine engine, BabyshopClient client, String orderNo) {
        Records<Order> fetched;
        try {
            fetched = client.orders().fetch(List.of(orderNo));
        } catch (AuthenticationException e) {
            throw BridgeFailure.unreachable("authentication failed for user " + SafeText.of(request.username())
                    + " at " + SafeText.url(request.baseUrl().orElseThrow()) + ": "
                    + SafeText.of(e.serverMessage().orElse(e.getMessage())), e);
        } catch (BabyshopException e) {
            throw BridgeFailure.unreachable("cannot ask SellerPanel V3 at " + SafeText.url(request.baseUrl()
                    .orElseThrow()) + " about the order: " + SafeText.of(e.getMessage()), e);
        }
        Optional<Order> order = fetched.records().stream().filter(o -> o.orderNo().equals(orderNo)).findFirst();
        if (order.isEmpty()) {
            if (!fetched.failures().isEmpty()) {
                return "Babyshop has it, but its record cannot be read: "
                        + SafeText.of(fetched.failures().get(0).toString());
            }
            return "Babyshop does not know this order number (orderFetch found nothing): check the number";
        }
        String code = order.get().statusCode().orElse("");
        OrderStatus status = OrderStatus.fromCode(code);
        String named = status == OrderStatus.UNKNOWN ? "code " + SafeText.of(code) : status.label() + " (code "
                + status.code() + ")";
        String updated = order.get().lastUpdated().map(t -> ", last updated " + t).orElse("");
        StatusMapping mapping = request.config().map(BridgeConfig::statusMapping).orElseGet(engine::statusMapping);
        Optional<String> stage = status == OrderStatus.UNKNOWN ? Optional.empty() : mapping.stageFor(status);
        return "Babyshop has it: status " + named + updated + "; " + stage
                .map(s -> "that status is mapped inbound to host stage " + SafeText.of(s) + ": an orders run imports "
                        + "it once it lists it (an order updated before the import start is not listed)")
                .orElse("that status is not mapped inbound, so the orders flow skips it (map it under "
                        + "statusMapping.inbound to import such orders)");
    }
}
