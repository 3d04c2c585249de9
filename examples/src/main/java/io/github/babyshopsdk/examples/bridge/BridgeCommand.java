package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.sync.DeadLetterKey;
import io.github.babyshopsdk.sync.RemoteKey;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The bridge's command line (picocli), parsed and checked into {@link BridgeInputs}. Errors are
 * {@link BridgeFailure#badInput bad input} with one clear message; the password is read from the environment
 * variable {@code --password-env} names, never from the command line.
 */
@Command(name = "babyshop-bridge", mixinStandardHelpOptions = true, version = "Babyshop bridge 0.1.0",
        sortOptions = false, usageHelpWidth = 110,
        description = {
            "Syncs one Babyshop store (SellerPanel V3) with a file-backed host: orders and catalog in, "
                + "inventory, shipments and cancellations out.",
            "Without arguments: a demo against the in-JVM simulator.",
            "Admin commands (one at a time; they run no flow): --dead-letters, --redrive KEY|all, "
                + "--discard KEY --reason TEXT, --explain ORDERNO.",
            "--listen [HOST:]PORT --listen-token-env VAR: receive Vinculum's order notifications beside the schedule "
                + "(see the README: register the URL on Vinculum's Web Hook Register screen, behind a TLS proxy)."},
        footer = {"", "Exit codes: 0 the run completed (failed records are counted in the summary), "
                + "2 bad input (checked before anything is written), 3 authentication failed or the server cannot "
                + "be reached, 4 a flow's lease is held by another instance (a run skipped it; an admin command "
                + "changed nothing: run it again later), "
                + "with --listen also 2 when the address cannot be listened on, "
                + "1 an unexpected failure.",
            "Inventory lines with a bad value (e.g. available not a whole number in -1000000000..1000000000) are "
                + "rejected with a message and their SKU is not pushed this run; the other lines go through."})
public final class BridgeCommand {
    /** What the bridge is asked to do. */
    public enum Mode {
        /** Every enabled flow, repeatedly, until nothing is left to do in this run. */
        ONCE,
        /** A number of scheduler cycles. */
        CYCLES,
        /** On the schedule until interrupted. */
        SCHEDULE
    }

    /** The longest {@code --username}. */
    static final int MAX_USERNAME = 100;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "SellerPanel V3 base URL, e.g. https://<host>/RestWS/api/sellerPanel/v3/")
    String baseUrl;

    @Option(names = "--username", paramLabel = "NAME", description = "the Vinculum seller username")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "the environment variable holding the password (never the password itself)")
    String passwordEnv;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (settings, mappings)")
    Path config;

    @Option(names = "--inventory", paramLabel = "FILE", description = "the host's stock: CSV vendorSkuCode,hub,available")
    Path inventory;

    @Option(names = "--host-events", paramLabel = "FILE",
            description = "optional: the host's order events: CSV orderNo,event,transporter,awbNo")
    Path hostEvents;

    @Option(names = "--out", paramLabel = "DIR", description = "where the file-backed host writes")
    Path out;

    @Option(names = "--state", paramLabel = "JDBC_URL",
            description = "engine state (default: an H2 file under ./babyshop-state/); no password in it: the user "
                + "and password come from BABYSHOP_STATE_USER and BABYSHOP_STATE_PASSWORD")
    String state;

    @Option(names = "--once", description = "run each enabled flow until nothing is left to do in this run")
    boolean once;

    @Option(names = "--cycles", paramLabel = "N", description = "run N scheduler cycles")
    Integer cycles;

    @Option(names = "--allow-insecure-http", description = "permit an http:// base URL (loopback testing)")
    boolean allowInsecureHttp;

    @Option(names = "--wire-log", description = "log every HTTP exchange at DEBUG (logger "
            + "io.github.babyshopsdk.client.wire, to standard error); the API key and the password are redacted")
    boolean wireLog;

    @Option(names = "--metrics", description = "print the sync's figures at the end of the run: the meters of "
            + "babyshop-micrometer (requests by operation and outcome, quota, runs and their durations, records, "
            + "orders lag), as a host's Micrometer registry would get them")
    boolean metrics;
    @Option(names = "--hard-sync", description = "before the run, request a hard sync: every linked SKU's stock "
            + "is pushed to Babyshop once, even when unchanged (logged in the configuration log as \"bridge\")")
    boolean hardSync;

    @Option(names = "--dead-letters", description = "admin: list the dead letters in the state database (key, flow, "
            + "attempts, first and last failure, reason) and exit; runs no flow (needs only --username and --state)")
    boolean deadLetters;

    @Option(names = "--redrive", paramLabel = "KEY|all", description = "admin: re-drive one dead letter (its key from "
            + "--dead-letters) or all of them: due again at once, attempts reset, sent by the next run; recorded in "
            + "the configuration log; runs no flow")
    String redrive;

    @Option(names = "--discard", paramLabel = "KEY", description = "admin: discard one dead letter on purpose (with "
            + "--reason); recorded in the configuration log; runs no flow")
    String discard;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why --discard drops the dead letter")
    String reason;

    @Option(names = "--explain", paramLabel = "ORDERNO", description = "admin: why an order was or was not imported, "
            + "from the state database; when the engine never saw it, one orderFetch says whether Babyshop has it, "
            + "its status and whether that status is mapped (needs --base-url, --password-env); runs no flow")
    String explain;

    @Option(names = "--listen", paramLabel = "[HOST:]PORT", description = "also receive Vinculum's order "
            + "notifications: POST " + NotificationReceiver.PATH + "/<token> (or the token in the "
            + NotificationReceiver.TOKEN_HEADER + " header) records their order numbers as hints, fetched at once; "
            + "polling stays the safety net. HOST defaults to " + ListenAddress.DEFAULT_HOST + " (put a TLS reverse "
            + "proxy in front); port 0 takes a free port. Runs beside the schedule (alone or with --cycles N), not "
            + "with --once or an admin command; needs --listen-token-env")
    String listen;

    @Option(names = "--listen-token-env", paramLabel = "VAR", description = "the environment variable holding the "
            + "receiver's secret token (at least " + TokenCheck.MIN_LENGTH + " characters of A-Z a-z 0-9 - _ . ~, "
            + "e.g. from openssl rand -hex 32; never the token itself)")
    String listenTokenEnv;

    @Option(names = "--listen-rate", paramLabel = "N", description = "notifications a second one source (remote "
            + "address) may send after its burst; more are answered 429 (default "
            + ReceiverLimits.DEFAULT_PER_SECOND + ")")
    Integer listenRate;

    @Option(names = "--listen-burst", paramLabel = "N", description = "notifications one source may send at once "
            + "(default " + ReceiverLimits.DEFAULT_BURST + ")")
    Integer listenBurst;

    /** The longest {@code --reason}. */
    static final int MAX_REASON = 500;
    /** The highest {@code --listen-rate} and {@code --listen-burst}. */
    static final int MAX_LISTEN_RATE = 100_000;

    /**
     * Parses {@code args}; null when help or the version was asked for (and printed to {@code out}).
     *
     * @param env the environment, for the password variable
     * @param workingDir where the default state database goes
     * @throws BridgeFailure (bad input) with the message to print
     */
    static BridgeInputs parse(String[] args, Map<String, String> env, Path workingDir, PrintStream out) {
        BridgeRequest request = request(args, env, workingDir, out);
        if (request instanceof AdminRequest) {
            throw BridgeFailure.badInput("an admin command (--dead-letters, --redrive, --discard, --explain) cannot "
                    + "be run here");
        }
        return (BridgeInputs) request;
    }

    /**
     * Parses {@code args} into a run or an admin command ({@code --dead-letters}, {@code --redrive},
     * {@code --discard}, {@code --explain}); null when help or the version was asked for (and printed to
     * {@code out}).
     *
     * @throws BridgeFailure (bad input) with the message to print
     */
    static BridgeRequest request(String[] args, Map<String, String> env, Path workingDir, PrintStream out) {
        for (String arg : args) {
            if (SafeText.hasControl(arg)) {
                throw BridgeFailure.badInput("an argument holds a control character: '" + SafeText.of(arg) + "'");
            }
            String lower = arg.toLowerCase(Locale.ROOT);
            if (lower.equals("--listen-token") || lower.startsWith("--listen-token=")) {
                throw BridgeFailure.badInput("--listen-token is not accepted: the receiver's token is never given on "
                        + "the command line; put it in an environment variable and pass --listen-token-env VAR");
            }
            if (lower.equals("--password") || lower.startsWith("--password=")) {
                throw BridgeFailure.badInput("--password is not accepted: the password is never given on the command "
                        + "line; put it in an environment variable and pass --password-env VAR");
            }
        }
        BridgeCommand command = new BridgeCommand();
        CommandLine line = new CommandLine(command);
        try {
            CommandLine.ParseResult result = line.parseArgs(args);
            if (result.isUsageHelpRequested()) {
                line.usage(out);
                return null;
            }
            if (result.isVersionHelpRequested()) {
                line.printVersionHelp(out);
                return null;
            }
        } catch (CommandLine.ParameterException e) {
            throw BridgeFailure.badInput(SafeText.of(e.getMessage()) + " (see --help)", e);
        } catch (RuntimeException e) {
            // a value picocli could not convert in an unusual way (e.g. a path the file system refuses)
            throw BridgeFailure.badInput("bad argument: " + SafeText.of(String.valueOf(e.getMessage()))
                    + " (see --help)", e);
        }
        return command.admin() ? command.checkAdmin(env, workingDir) : command.check(env, workingDir);
    }

    private boolean admin() {
        return deadLetters || redrive != null || discard != null || explain != null || reason != null;
    }

    private AdminRequest checkAdmin(Map<String, String> env, Path workingDir) {
        int actions = (deadLetters ? 1 : 0) + (redrive != null ? 1 : 0) + (discard != null ? 1 : 0)
                + (explain != null ? 1 : 0);
        if (actions != 1) {
            throw BridgeFailure.badInput(actions == 0 ? "--reason goes with --discard KEY"
                    : "give one of --dead-letters, --redrive, --discard and --explain at a time");
        }
        if (once || cycles != null) {
            throw BridgeFailure.badInput("--dead-letters, --redrive, --discard and --explain run no flow: they cannot "
                    + "be combined with --once or --cycles");
        }
        if (listening()) {
            throw BridgeFailure.badInput("--dead-letters, --redrive, --discard and --explain run no flow: they cannot "
                    + "be combined with --listen (or its --listen-* options)");
        }
        if (reason != null && discard == null) {
            throw BridgeFailure.badInput("--reason goes with --discard KEY");
        }
        require(username, "--username");
        String user = checkedUser();
        String stateUrl = checkedState(workingDir);
        Optional<BridgeConfig> loaded = config == null ? Optional.empty()
                : Optional.of(ConfigLoader.load(config));
        if (deadLetters) {
            return admin(AdminRequest.Action.LIST_DEAD_LETTERS, "", user, stateUrl, loaded);
        }
        if (redrive != null) {
            String key = redrive.trim();
            if (!key.equalsIgnoreCase(AdminRequest.ALL)) {
                checkKey(key, "--redrive");
            }
            return admin(AdminRequest.Action.REDRIVE, key.equalsIgnoreCase(AdminRequest.ALL) ? AdminRequest.ALL : key,
                    user, stateUrl, loaded);
        }
        if (discard != null) {
            String key = discard.trim();
            checkKey(key, "--discard");
            if (reason == null || reason.isBlank()) {
                throw BridgeFailure.badInput("--discard KEY needs --reason TEXT: why the dead letter is dropped (it is "
                        + "recorded in the configuration log)");
            }
            if (reason.length() > MAX_REASON) {
                throw BridgeFailure.badInput("--reason is longer than " + MAX_REASON + " characters");
            }
            return new AdminRequest(AdminRequest.Action.DISCARD, key, reason.trim(), user, stateUrl,
                    Optional.empty(), Optional.empty(), allowInsecureHttp, loaded);
        }
        String orderNo = explain.trim();
        Optional<String> problem = RemoteKey.problem(orderNo);
        if (problem.isPresent()) {
            throw BridgeFailure.badInput("--explain needs an order number; this one is " + problem.get());
        }
        require(baseUrl, "--base-url");
        require(passwordEnv, "--password-env");
        URI url = checkUrl();
        String password = env.get(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw BridgeFailure.badInput("environment variable " + SafeText.of(passwordEnv)
                    + " (from --password-env) is not set");
        }
        return new AdminRequest(AdminRequest.Action.EXPLAIN, orderNo, "", user, stateUrl,
                Optional.of(url.toString()), Optional.of(password), allowInsecureHttp, loaded);
    }

    private AdminRequest admin(AdminRequest.Action action, String argument, String user, String stateUrl,
                               Optional<BridgeConfig> loaded) {
        return new AdminRequest(action, argument, "", user, stateUrl, Optional.empty(),
                Optional.empty(), allowInsecureHttp, loaded);
    }

    private static void checkKey(String key, String option) {
        try {
            DeadLetterKey.parse(key);
        } catch (IllegalArgumentException e) {
            throw BridgeFailure.badInput(option + ": " + e.getMessage() + " (see --dead-letters)", e);
        }
    }

    private String checkedUser() {
        String user = username.trim();
        if (user.length() > MAX_USERNAME || SafeText.hasControl(user)) {
            throw BridgeFailure.badInput("--username is longer than " + MAX_USERNAME
                    + " characters or holds a control character");
        }
        return user;
    }

    private String checkedState(Path workingDir) {
        String stateUrl = state != null ? state : defaultState(workingDir);
        if (StateDatabase.carriesCredentials(stateUrl)) {
            // never echoed: the URL holds a secret, and a driver would log or quote it
            throw BridgeFailure.badInput("--state must not carry a password or user info: give them in the "
                    + "environment variables " + StateDatabase.USER_ENV + " and " + StateDatabase.PASSWORD_ENV);
        }
        if (!stateUrl.startsWith("jdbc:") || SafeText.hasControl(stateUrl)) {
            throw BridgeFailure.badInput("--state must be a JDBC URL (jdbc:h2:file:... or jdbc:postgresql://...), was '"
                    + SafeText.of(StateDatabase.redact(stateUrl)) + "'");
        }
        return stateUrl;
    }

    private BridgeInputs check(Map<String, String> env, Path workingDir) {
        require(baseUrl, "--base-url");
        require(username, "--username");
        require(passwordEnv, "--password-env");
        if (config == null) {
            throw BridgeFailure.badInput("--config FILE is required");
        }
        if (out == null) {
            throw BridgeFailure.badInput("--out DIR is required");
        }
        URI url = checkUrl();
        String user = checkedUser();
        String password = env.get(passwordEnv);
        if (password == null || password.isEmpty()) {
            throw BridgeFailure.badInput("environment variable " + SafeText.of(passwordEnv)
                    + " (from --password-env) is not set");
        }
        if (once && cycles != null) {
            throw BridgeFailure.badInput("--once and --cycles cannot be combined");
        }
        if (cycles != null && cycles < 1) {
            throw BridgeFailure.badInput("--cycles must be at least 1, was " + cycles);
        }
        Optional<ListenOptions> listen = checkListen(env, password);
        try {
            FileHost.checkDirectory(out);
        } catch (IllegalArgumentException e) {
            throw BridgeFailure.badInput("--out " + SafeText.of(out.toString()) + ": " + e.getMessage(), e);
        }
        String stateUrl = checkedState(workingDir);
        Mode mode = once ? Mode.ONCE : cycles != null ? Mode.CYCLES : Mode.SCHEDULE;

        BridgeConfig loaded = ConfigLoader.load(config);
        InventoryCsv stock;
        if (inventory != null) {
            stock = InventoryCsv.read(inventory);
        } else if (loaded.settings().inventorySync()) {
            throw BridgeFailure.badInput("--inventory FILE is required: " + SafeText.of(config.toString())
                    + " turns inventorySync on");
        } else {
            stock = InventoryCsv.empty();
        }
        HostEventsCsv events = hostEvents == null ? HostEventsCsv.empty() : HostEventsCsv.read(hostEvents);
        return new BridgeInputs(url.toString(), user, password, config, loaded, stock, events, out,
                stateUrl, mode, cycles == null ? 0 : cycles, allowInsecureHttp, wireLog, metrics, hardSync, listen);
    }

    private boolean listening() {
        return listen != null || listenTokenEnv != null || listenRate != null || listenBurst != null;
    }

    /**
     * {@code --listen} and its options, checked: the address, the token's variable (set, a fit token, not the
     * password), the rate. No message repeats the token.
     */
    private Optional<ListenOptions> checkListen(Map<String, String> env, String password) {
        if (!listening()) {
            return Optional.empty();
        }
        if (listen == null) {
            throw BridgeFailure.badInput("--listen-token-env, --listen-rate and --listen-burst go with --listen "
                    + "[HOST:]PORT");
        }
        if (once) {
            throw BridgeFailure.badInput("--listen cannot be combined with --once: a --once run ends when nothing is "
                    + "left to do, the receiver runs beside the schedule; give --listen alone (until interrupted) or "
                    + "with --cycles N");
        }
        ListenAddress address;
        try {
            address = ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw BridgeFailure.badInput(e.getMessage(), e);
        }
        if (listenTokenEnv == null || listenTokenEnv.isBlank()) {
            throw BridgeFailure.badInput("--listen needs --listen-token-env VAR: the environment variable holding the "
                    + "receiver's secret token (at least " + TokenCheck.MIN_LENGTH + " characters)");
        }
        String token = env.get(listenTokenEnv);
        String variable = "environment variable " + SafeText.of(listenTokenEnv) + " (from --listen-token-env)";
        if (token == null || token.isEmpty()) {
            throw BridgeFailure.badInput(variable + " is not set");
        }
        Optional<String> problem = TokenCheck.problem(token);
        if (problem.isPresent()) {
            throw BridgeFailure.badInput(variable + ": the token " + problem.get() + "; e.g. openssl rand -hex 32");
        }
        if (token.equals(password)) {
            throw BridgeFailure.badInput(variable + ": the token must not be the seller's password");
        }
        int rate = listenRate == null ? ReceiverLimits.DEFAULT_PER_SECOND : listenRate;
        int burst = listenBurst == null ? ReceiverLimits.DEFAULT_BURST : listenBurst;
        if (rate < 1 || rate > MAX_LISTEN_RATE || burst < 1 || burst > MAX_LISTEN_RATE) {
            throw BridgeFailure.badInput("--listen-rate and --listen-burst must be 1.." + MAX_LISTEN_RATE + ", were "
                    + rate + " and " + burst);
        }
        return Optional.of(new ListenOptions(address, listenTokenEnv.trim(), TokenCheck.of(token),
                ReceiverLimits.defaults().withRate(rate, burst)));
    }

    private URI checkUrl() {
        URI url;
        try {
            url = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            // the parser's message echoes the input, which may hold a secret
            throw BridgeFailure.badInput("--base-url is not a URL (" + SafeText.of(e.getReason()) + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getRawUserInfo() != null) {
            throw BridgeFailure.badInput("--base-url must not carry user info (user:password@): give --username "
                    + "and --password-env instead");
        }
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw BridgeFailure.badInput("--base-url must be an https URL like "
                    + "https://<host>/RestWS/api/sellerPanel/v3/, was '" + SafeText.url(baseUrl) + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw BridgeFailure.badInput("--base-url must not carry a query string or a fragment");
        }
        if (scheme.equals("http") && !allowInsecureHttp) {
            throw BridgeFailure.badInput("--base-url uses plain http: the password would travel unencrypted; "
                    + "use https, or add --allow-insecure-http for loopback testing");
        }
        return url;
    }

    private static void require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw BridgeFailure.badInput(option + " is required (see --help)");
        }
    }

    /** The default state database: an H2 file under {@code workingDir/babyshop-state/}. */
    static String defaultState(Path workingDir) {
        return "jdbc:h2:file:" + workingDir.toAbsolutePath().normalize().resolve("babyshop-state").resolve("bridge")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }
}
