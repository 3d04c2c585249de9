package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The secrets sweep (issue 9): every flow of the bridge (orders, catalog, inventory, shipments with labels,
 * cancellations) and its error paths (a wrong password, a server fault, an unreachable server, a fault on
 * authToken) run against the simulator with every logger at DEBUG and the client's wire logging on
 * ({@code --wire-log}); the password and every API key the simulator issues carry unique markers. Searched: every
 * log event (formatted with the bridge's logback pattern, with its stack trace), standard output and error of
 * every run, the message and full stack trace of every failure, the {@code toString()} of every object the
 * bridge configures, every file under {@code --out}, the state database (an SQL dump and its raw file). The
 * markers are searched raw, URL-encoded and base64-encoded (every alignment); 0 hits is the only pass.
 */
class SecretsSweepTest {
    /** The password: '+', '/' and '=' make its URL-encoded form differ from the raw one. */
    static final String PASSWORD_MARKER = "PW-MARKER-7f3a9c+1b/5e=";
    /** The start of every API key the simulator issues. */
    static final String TOKEN_MARKER = "TOKEN-MARKER-b81d5e0c-";
    /** The receiver's token ({@code --listen-token-env}): sent in paths and headers, good and wrong. */
    static final String LISTEN_TOKEN_MARKER = "LISTEN-MARKER-5c1e9a7d-0b3f-4e2a-9d6c";
    static final String LISTEN_TOKEN_ENV = "BS_LISTEN_TOKEN";

    @TempDir
    Path dir;
    private BridgeWorld world;
    private final Map<String, String> places = new LinkedHashMap<>();
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private Appender<ILoggingEvent> capture;
    private final Map<String, Level> levels = new LinkedHashMap<>();
    private List<Appender<ILoggingEvent>> consoleAppenders = List.of();
    /**
     * The JDK HTTP server's logger (java.util.logging): it logs request lines, the path token with them, at DEBUG.
     * Captured on the receiver's threads at every level it is asked for (the receiver keeps it at INFO).
     */
    private final java.util.logging.Logger jdkServerLog = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    private java.util.logging.Level jdkServerLevel;
    private java.util.logging.Handler jdkCapture;

    @BeforeEach
    void setUp() {
        world = new BridgeWorld(dir, Fixture.of(11, 12, 20), PASSWORD_MARKER, b -> b.tokenPrefix(TOKEN_MARKER));
        everyLoggerAtDebug();
    }

    @AfterEach
    void tearDown() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (capture != null) {
            root.detachAppender(capture);
            capture.stop();
        }
        consoleAppenders.forEach(root::addAppender);
        jdkServerLog.removeHandler(jdkCapture);
        jdkServerLog.setLevel(jdkServerLevel);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        world.close();
    }

    @Test
    void noSecretInAnyOutputOfAnyFlowOrErrorPath() throws Exception {
        prepareStore();

        // every flow, twice (the second run re-reads everything and pushes nothing), wire logging on
        Run first = run("run 1", "--once", "--wire-log");
        assertThat(first.result.exitCode()).as(first.result.stderr()).isZero();
        assertThat(world.sim.store().invoices()).as("shipments created").isNotEmpty();
        assertThat(world.sim.store().shipments()).as("shipping pushed").isNotEmpty();
        assertThat(world.sim.store().cancellations()).as("cancellation pushed").isNotEmpty();
        assertThat(world.sim.store().inventoryUpdates()).as("inventory pushed").isNotEmpty();
        try (Stream<Path> labels = Files.list(world.out.resolve("labels"))) {
            assertThat(labels.count()).as("labels saved").isPositive();
        }
        Set<String> tokens = new LinkedHashSet<>(List.of(TOKEN_MARKER, world.sim.apiKey())); // the key in use
        world.sim.store().generateOrder();
        Run second = run("run 2", "--cycles", "2", "--wire-log");
        assertThat(second.result.exitCode()).as(second.result.stderr()).isZero();
        tokens.add(LISTEN_TOKEN_MARKER);

        // the notification receiver: good and hostile requests, the token in the path and in the header
        world.sim.store().generateOrder();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        Run listening = runExactly("listen", env(PASSWORD_MARKER), withArgs("--cycles", "2", "--wire-log", "--listen",
                "127.0.0.1:0", "--listen-token-env", LISTEN_TOKEN_ENV), configured -> receiverRequests(configured, statuses));
        assertThat(listening.result.exitCode()).as(listening.result.stderr()).isZero();
        assertThat(statuses).as("every request answered as expected").containsExactly(200, 200, 401, 401, 401, 405,
                404, 413, 400, 400);
        assertThat(listening.result.stdout()).contains("listening      http://127.0.0.1:");

        // a server fault in the middle of the flows: the run completes and counts the failure
        world.sim.faults().failNext(Operation.ORDER_LIST, 20, FaultKind.HTTP_500);
        world.sim.faults().failNext(Operation.PRODUCT_FETCH, 3, FaultKind.DROPPED_AFTER_PROCESSING);
        world.sim.store().generateOrder();
        Run faulty = run("server fault", "--once", "--wire-log");
        assertThat(faulty.result.exitCode()).as(faulty.result.stderr()).isZero();
        world.sim.faults().clear();

        // a wrong password: exit 3
        Run wrong = runWith("wrong password", env("WRONG-" + PASSWORD_MARKER),
                "--once", "--wire-log");
        assertThat(wrong.result.exitCode()).isEqualTo(3);
        // the token expired and authToken answered with a server fault: exit 3
        world.sim.expireTokens();
        world.sim.faults().failNext(Operation.AUTH_TOKEN, 20, FaultKind.HTTP_503);
        Run authFault = run("authToken fault", "--once", "--wire-log");
        assertThat(authFault.result.exitCode()).isEqualTo(3);
        world.sim.faults().clear();
        // an unreachable server, and a base URL with the password in its user info: exit 3 and 2
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run unreachable = runArgs("unreachable", replace(world.args(), "--base-url",
                "http://127.0.0.1:" + port + "/RestWS/api/sellerPanel/v3/"), "--once", "--wire-log");
        assertThat(unreachable.result.exitCode()).isEqualTo(3);
        Run stateUserInfo = runArgs("state URL with a password", replace(world.args(), "--state",
                "jdbc:postgresql://seller:" + PASSWORD_MARKER + "@127.0.0.1:" + port + "/x?password=" + PASSWORD_MARKER),
                "--once");
        assertThat(stateUserInfo.result.exitCode()).isEqualTo(2);
        stateUserInfo = runArgs("state URL with a password parameter", replace(world.args(), "--state",
                world.stateUrl() + ";PASSWORD=" + PASSWORD_MARKER),
                "--once");
        assertThat(stateUserInfo.result.exitCode()).isEqualTo(2);
        Run userInfo = runArgs("user info", replace(world.args(), "--base-url", world.sim.baseUrl()
                .replace("http://", "http://seller:" + PASSWORD_MARKER + "@")), "--once");
        assertThat(userInfo.result.exitCode()).isEqualTo(2);

        // the objects a run configures, and the client's own value types
        places.put("toString " + Credentials.class.getSimpleName(),
                Credentials.of(BridgeWorld.USER, PASSWORD_MARKER).toString());
        places.put("toString " + BridgeEnvironment.class.getSimpleName() + " (system)",
                BridgeEnvironment.system().withEnv(Map.of(BridgeWorld.PASSWORD_ENV, PASSWORD_MARKER)).toString());
        // the files under --out, the state database
        files(world.out);
        stateDatabase();
        synchronized (logLines) {
            places.put("log (" + logLines.size() + " events)", String.join("\n", logLines));
        }

        tokens.add(world.sim.apiKey());
        assertThat(logLines).as("the wire log ran").anyMatch(l -> l.contains("client.wire"));
        assertThat(logLines).as("DEBUG was on").anyMatch(l -> l.contains(" DEBUG "));
        // the sweep finds what it must: a canary of each form of each secret
        Map<String, String> canaries = new LinkedHashMap<>();
        for (String secret : List.of(PASSWORD_MARKER, world.sim.apiKey(), LISTEN_TOKEN_MARKER)) {
            canaries.put("url " + secret, "a=" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&b");
            canaries.put("base64 " + secret, Base64.getEncoder().encodeToString(("user:" + secret).getBytes(StandardCharsets.UTF_8)));
            canaries.put("raw " + secret, "key " + secret + " end");
        }
        Map<String, String> searched = new LinkedHashMap<>(places);
        places.clear();
        places.putAll(canaries);
        assertThat(sweep(List.of(PASSWORD_MARKER), tokens)).as("every canary is found").hasSameSizeAs(canaries);
        places.clear();
        places.putAll(searched);
        Map<String, List<String>> hits = sweep(List.of(PASSWORD_MARKER), tokens);
        long bytes = places.values().stream().mapToLong(String::length).sum();
        System.out.printf("secrets sweep: %d places searched (%d log events, %d characters), %d forms of 3 markers, "
                + "%d hits%n", places.size(), logLines.size(), bytes, forms(List.of(PASSWORD_MARKER), tokens).size(),
                hits.values().stream().mapToInt(List::size).sum());
        hits.forEach((place, found) -> System.out.println("  leak in " + place + ": " + found));
        long wireLines = logLines.stream().filter(l -> l.contains("client.wire")).count();
        long redacted = logLines.stream().filter(l -> l.contains("client.wire") && (l.contains("ApiKey: ██")
                || l.contains("password=██"))).count();
        System.out.printf("secrets sweep: %d wire log lines (%d with a redacted key or password), operations called: %s%n",
                wireLines, redacted, world.sim.requests().all().stream().map(r -> String.valueOf(r.operation())).distinct()
                        .sorted().toList());
        assertThat(places.size()).as("places searched").isGreaterThan(40);
        assertThat(hits).as("places holding a secret").isEmpty();
    }

    /** Orders to import, pack, ship and cancel; stock; host events for every outbound flow. */
    private void prepareStore() {
        world.write("config.yml", BridgeWorld.CONFIG);
        List<SimOrder> confirmed = world.sim.store().orders().stream()
                .filter(o -> !o.jit() && o.status() == OrderStatus.CONFIRMED.code() && !o.onHold()).toList();
        List<SimOrder> pending = world.sim.store().orders().stream()
                .filter(o -> !o.jit() && o.status() == OrderStatus.PENDING.code()).toList();
        assertThat(confirmed).hasSizeGreaterThan(3);
        assertThat(pending).isNotEmpty();
        StringBuilder stock = new StringBuilder("vendorSkuCode,hub,available\n");
        List<SimProduct> valid = world.validProducts();
        for (int i = 0; i < valid.size(); i++) {
            stock.append(valid.get(i).vendorSkuCode()).append(",HUB-DXB,").append(i + 1).append('\n');
        }
        stock.append(valid.get(0).vendorSkuCode()).append(",HUB-RUH,1e999999999\n"); // a rejected line
        world.write("inventory.csv", stock.toString());
        List<String> events = new ArrayList<>(List.of("orderNo,event,transporter,awbNo"));
        confirmed.subList(0, 3).forEach(o -> events.add(o.orderNo() + ",PACKED,Aramex,AWB" + o.orderNo()));
        confirmed.subList(0, 2).forEach(o -> events.add(o.orderNo() + ",SHIPPED,,"));
        events.add(confirmed.get(0).orderNo() + ",DELIVERED,,");
        events.add(pending.get(0).orderNo() + ",CANCELLED,,");
        events.add("999999999,SHIPPED,,"); // waits for an order the host does not hold
        world.write("host-events.csv", String.join("\n", events) + "\n");
    }

    private record Run(BridgeWorld.Result result) {
    }

    /** The seller's password, and the state database's user and password (the marker too). */
    private static Map<String, String> env(String password) {
        return Map.of(BridgeWorld.PASSWORD_ENV, password, StateDatabase.USER_ENV, STATE_USER,
                StateDatabase.PASSWORD_ENV, PASSWORD_MARKER, LISTEN_TOKEN_ENV, LISTEN_TOKEN_MARKER);
    }

    private static final String STATE_USER = "sweep";

    private Run run(String name, String... extra) {
        return runWith(name, env(PASSWORD_MARKER), extra);
    }

    private Run runArgs(String name, List<String> args, String... extra) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extra));
        return runExactly(name, env(PASSWORD_MARKER), all);
    }

    private Run runWith(String name, Map<String, String> env, String... extra) {
        List<String> all = new ArrayList<>(world.args());
        all.addAll(List.of(extra));
        return runExactly(name, env, all);
    }

    /**
     * Runs the bridge as {@code main} does, recording its output and the toString of every object it configures;
     * then, for a run that fails, runs it once more without the catch of {@code main}, to search the failure's
     * full stack trace (causes included).
     */
    private Run runExactly(String name, Map<String, String> env, List<String> args) {
        return runExactly(name, env, args, configured -> duration -> world.sim.simulatedClock().advance(duration));
    }

    private List<String> withArgs(String... extra) {
        List<String> all = new ArrayList<>(world.args());
        all.addAll(List.of(extra));
        return all;
    }

    /**
     * The sleeper of a {@code --listen} run: at the loop's first wait it sends the receiver good and hostile
     * requests (the token in the path and the header, right and wrong), records their statuses, then lets
     * simulated time pass.
     */
    private io.github.babyshopsdk.client.Sleeper receiverRequests(List<Object> configured, List<Integer> statuses) {
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        return duration -> {
            if (!sent.getAndSet(true)) {
                NotificationReceiver receiver;
                synchronized (configured) {
                    receiver = configured.stream().filter(NotificationReceiver.class::isInstance)
                            .map(NotificationReceiver.class::cast).findFirst().orElseThrow();
                }
                java.net.InetSocketAddress at = receiver.address();
                String path = NotificationReceiver.PATH + "/";
                String header = NotificationReceiver.TOKEN_HEADER + ": ";
                byte[] good = ("{\"orderNo\":\"" + world.sim.store().orders().get(0).orderNo() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] garbage = new byte[512];
                new java.util.Random(9).nextBytes(garbage);
                try {
                    statuses.add(RawHttp.post(at, path + LISTEN_TOKEN_MARKER, good, "Content-Type: application/json")
                            .status());
                    statuses.add(RawHttp.post(at, NotificationReceiver.PATH, good, header + LISTEN_TOKEN_MARKER).status());
                    statuses.add(RawHttp.post(at, path + LISTEN_TOKEN_MARKER + "x", good).status());
                    statuses.add(RawHttp.post(at, path + "x" + LISTEN_TOKEN_MARKER, good,
                            header + LISTEN_TOKEN_MARKER + "0").status());
                    statuses.add(RawHttp.post(at, path + LISTEN_TOKEN_MARKER.substring(1) + "?t=" + LISTEN_TOKEN_MARKER,
                            good).status());
                    statuses.add(RawHttp.exchange(at, "127.0.0.1", "GET", path + LISTEN_TOKEN_MARKER, new byte[0])
                            .status());
                    statuses.add(RawHttp.post(at, "/other/" + LISTEN_TOKEN_MARKER, good).status());
                    statuses.add(RawHttp.post(at, path + LISTEN_TOKEN_MARKER, new byte[100_000]).status());
                    statuses.add(RawHttp.post(at, path + LISTEN_TOKEN_MARKER, garbage).status());
                    statuses.add(RawHttp.post(at, path + LISTEN_TOKEN_MARKER, ("{\"orderNo\":\"" + LISTEN_TOKEN_MARKER)
                            .getBytes(StandardCharsets.UTF_8)).status());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            world.sim.simulatedClock().advance(duration);
        };
    }

    private Run runExactly(String name, Map<String, String> env, List<String> args,
                           java.util.function.Function<List<Object>, io.github.babyshopsdk.client.Sleeper> sleepers) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<Object> configured = Collections.synchronizedList(new ArrayList<>());
        BridgeEnvironment environment = new BridgeEnvironment(env, world.sim.clock(), sleepers.apply(configured), dir);
        int code = BabyshopBridge.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), environment, runner -> runner.inspect(configured::add));
        BridgeWorld.Result result = new BridgeWorld.Result(code, stdout.toString(StandardCharsets.UTF_8),
                stderr.toString(StandardCharsets.UTF_8));
        places.put(name + ": stdout", result.stdout());
        places.put(name + ": stderr", result.stderr());
        for (int i = 0; i < configured.size(); i++) {
            Object object = configured.get(i);
            places.put(name + ": toString #" + i + " " + object.getClass().getSimpleName(), String.valueOf(object));
        }
        if (code != 0) {
            try {
                BridgeInputs inputs = BridgeCommand.parse(args.toArray(String[]::new), env, dir,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                places.put(name + ": toString BridgeInputs", String.valueOf(inputs));
                new BridgeRunner(inputs, environment, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), null).run();
            } catch (RuntimeException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                places.put(name + ": failure " + e.getClass().getSimpleName(), trace.toString());
                for (Throwable t = e; t != null; t = t.getCause()) {
                    places.put(name + ": failure message " + t.getClass().getSimpleName(), t.getMessage() + " / "
                            + t.getLocalizedMessage() + " / " + t);
                    for (Throwable suppressed : t.getSuppressed()) {
                        places.put(name + ": suppressed " + suppressed.getClass().getSimpleName(), suppressed.toString());
                    }
                }
            }
        }
        return new Run(result);
    }

    private void files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                places.put("file " + root.relativize(file), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
    }

    /** An SQL dump of the state database (every table, every row) and its raw files. */
    private void stateDatabase() throws SQLException, IOException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(world.stateUrl(), STATE_USER, PASSWORD_MARKER);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                dump.append(rows.getString(1)).append('\n');
            }
        }
        assertThat(dump).as("the dump holds the state").contains("INSERT INTO");
        places.put("state database SQL dump", dump.toString());
        files(dir.resolve("state"));
    }

    private Map<String, List<String>> sweep(List<String> passwords, Set<String> tokens) {
        Set<String> forms = forms(passwords, tokens);
        Map<String, List<String>> hits = new LinkedHashMap<>();
        places.forEach((place, text) -> {
            for (String form : forms) {
                if (text.contains(form)) {
                    hits.computeIfAbsent(place, p -> new ArrayList<>()).add(form);
                }
            }
        });
        return hits;
    }

    /** Every form a secret could take: raw, URL-encoded (two ways), base64 (standard and URL-safe, any alignment). */
    static Set<String> forms(List<String> passwords, Set<String> tokens) {
        Set<String> forms = new LinkedHashSet<>();
        List<String> secrets = new ArrayList<>(passwords);
        secrets.addAll(tokens);
        secrets.add("7f3a9c"); // the password marker's core, in any encoding that leaves letters and digits alone
        for (String secret : secrets) {
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            if (secret.length() >= 9) {
                for (int shift = 0; shift < 3; shift++) {
                    byte[] padded = ("xx".substring(0, shift) + secret).getBytes(StandardCharsets.UTF_8);
                    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                        String encoded = encoder.withoutPadding().encodeToString(padded);
                        // the characters that depend only on the secret: skip the shift's, drop the last group
                        int from = shift == 0 ? 0 : 4;
                        int to = (padded.length / 3) * 4;
                        if (to - from >= 8) {
                            forms.add(encoded.substring(from, to));
                        }
                    }
                }
            }
        }
        return forms;
    }

    private void everyLoggerAtDebug() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (ch.qos.logback.classic.Logger logger : context.getLoggerList()) {
            if (logger != root) {
                levels.put(logger.getName(), logger.getLevel());
                logger.setLevel(null);
            }
        }
        levels.put(root.getName(), root.getLevel());
        root.setLevel(Level.DEBUG);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(BRIDGE_PATTERN);
        layout.start();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String line = layout.doLayout(event);
                if (event.getThrowableProxy() != null) {
                    line += ThrowableProxyUtil.asString(event.getThrowableProxy());
                }
                logLines.add(line + " | raw: " + event.getMessage() + " " + java.util.Arrays.toString(event.getArgumentArray()));
            }
        };
        capture.setContext(context);
        capture.start();
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            console.add(it.next());
        }
        console.forEach(root::detachAppender); // DEBUG with wire bodies is too much for the build log
        consoleAppenders = console;
        root.addAppender(capture);
        // the JDK server's own log, at every level it is asked for (the receiver keeps it at INFO)
        jdkServerLevel = jdkServerLog.getLevel();
        jdkServerLog.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();
        jdkCapture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (!Thread.currentThread().getName().startsWith("babyshop-receiver")) {
                    return; // the simulator's own server (its requests carry the password: a test fixture's log)
                }
                logLines.add("jdk " + record.getLevel() + " " + record.getLoggerName() + " " + formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jdkCapture.setLevel(java.util.logging.Level.ALL);
        jdkServerLog.addHandler(jdkCapture);
    }

    /** The pattern of the bridge's logback.xml. */
    static final String BRIDGE_PATTERN = LogPatternTest.bridgePattern();

    private static List<String> replace(List<String> args, String option, String value) {
        List<String> copy = new ArrayList<>(args);
        copy.set(copy.indexOf(option) + 1, value);
        return copy;
    }
}
