package io.github.babyshopsdk.testkit;

import com.sun.net.httpserver.HttpServer;
import io.github.babyshopsdk.testkit.internal.AuthGate;
import io.github.babyshopsdk.testkit.internal.Credential;
import io.github.babyshopsdk.testkit.internal.Dates;
import io.github.babyshopsdk.testkit.internal.Dispatcher;
import io.github.babyshopsdk.testkit.internal.FaultEngine;
import io.github.babyshopsdk.testkit.internal.FixtureData;
import io.github.babyshopsdk.testkit.internal.FixtureGenerator;
import io.github.babyshopsdk.testkit.internal.Journal;
import io.github.babyshopsdk.testkit.internal.QuotaLimiter;
import io.github.babyshopsdk.testkit.internal.Services;
import io.github.babyshopsdk.testkit.internal.State;
import io.github.babyshopsdk.testkit.internal.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-JVM simulator of Vinculum's SellerPanel V3 API on a free loopback port (127.0.0.1), in the
 * spirit of stripe-mock or LocalStack: the 15 operations under {@value #BASE_PATH}, HTTP 200 with
 * {@code responseCode} in the body, dates {@code dd/MM/yyyy HH:mm:ss} in a configurable zone,
 * numbers as strings.
 *
 * <pre>{@code
 * try (SellerPanelSimulator sim = SellerPanelSimulator.builder()
 *         .fixture(Fixture.of(7, 50, 20)).build().start()) {
 *     client = newClient(sim.baseUrl(), SellerPanelSimulator.DEFAULT_USERNAME, SellerPanelSimulator.DEFAULT_PASSWORD);
 *     ...
 *     assertThat(sim.store().shipments()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Requests are served by a small fixed pool of daemon threads (and order notifications in the
 * real-time HTTP mode pushed by one more, see {@link OrderNotifications.Builder#pushEvery}). Nothing is shared
 * between simulators. The first {@link #start()} in a JVM sets the system property
 * {@code sun.net.httpserver.nodelay=true} unless it is already set: the JDK server otherwise
 * delays every answer by about 40 ms (Nagle's algorithm against delayed ACKs). The simulator logs through SLF4J (logger
 * {@code io.github.babyshopsdk.testkit.SellerPanelSimulator}, DEBUG per request) and never logs
 * passwords, API keys, query strings or bodies.
 */
public final class SellerPanelSimulator implements AutoCloseable {

    /** The base path every operation is served under. */
    public static final String BASE_PATH = "/RestWS/api/sellerPanel/v3/";
    /** Username configured when the builder is given none. */
    public static final String DEFAULT_USERNAME = "babyshop-seller";
    /** Password configured when the builder is given none. */
    public static final String DEFAULT_PASSWORD = "babyshop-secret";
    /** Start of the default simulated clock: 2 March 2026, 10:00 in India. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T04:30:00Z");

    private static final Logger LOG = LoggerFactory.getLogger(SellerPanelSimulator.class);
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final Clock clock;
    private final ZoneId zone;
    private final Dates dates;
    private final State state;
    private final Tokens tokens;
    private final QuotaLimiter quota;
    private final FaultEngine faultEngine;
    private final Journal journal = new Journal();
    private final SimulatorStore store;
    private final RequestLog requestLog;
    private final FaultPlan faultPlan;
    private final OrderNotifier notifier;
    private final List<String> usernames;
    private final int threads;
    private final Object lifecycle = new Object();
    private HttpServer server;
    private ExecutorService executor;
    private boolean closed;

    private SellerPanelSimulator(Builder b) {
        this.clock = b.clock;
        this.zone = b.zone;
        this.dates = new Dates(zone);
        this.threads = b.threads;
        Fixture fixture = b.fixture != null ? b.fixture : Fixture.of(b.seed, 10, 20);
        FixtureData data = new FixtureGenerator(new Random(fixture.seed()))
                .generate(fixture, fixture.anchor().orElse(clock.instant()));
        this.state = new State(clock, b.moderationDelay, b.sellerId, data, new Random(b.seed * 31 + 17));
        List<Credential> creds = new ArrayList<>();
        for (int i = 0; i < b.credentials.size(); i++) {
            String[] c = b.credentials.get(i);
            creds.add(new Credential(c[0], c[1], String.format(Locale.ROOT, "BS%04d", i + 1)));
        }
        if (creds.isEmpty()) {
            creds.add(new Credential(DEFAULT_USERNAME, DEFAULT_PASSWORD, "BS0001"));
        }
        this.usernames = creds.stream().map(Credential::username).toList();
        this.tokens = new Tokens(creds, b.tokenTtl, new Random(b.seed), b.tokenPrefix);
        this.quota = new QuotaLimiter(b.quotaCalls, b.quotaWindow);
        this.faultEngine = new FaultEngine(b.seed + 1);
        this.store = new SimulatorStore(state);
        this.requestLog = new RequestLog(journal);
        this.faultPlan = new FaultPlan(faultEngine);
        this.notifier = new OrderNotifier(state, clock, dates, b.notifications);
        if (b.drift != null) {
            faultPlan.continuousDrift(b.drift.inserts(), b.drift.updates());
        }
    }

    /**
     * A builder with the defaults: a {@link SimulatedClock} at {@link #DEFAULT_START}, zone
     * {@code Asia/Kolkata}, credentials {@link #DEFAULT_USERNAME} / {@link #DEFAULT_PASSWORD}, quota
     * 40 calls per 5 minutes, tokens that never expire, seed 42, fixture {@code Fixture.of(seed, 10, 20)},
     * moderation delay 10 minutes, seller id {@code "babyshop"}, 4 server threads.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds a free port on 127.0.0.1 and starts serving. Calling it again while running does nothing.
     * Sets {@code sun.net.httpserver.nodelay=true} when that property is unset (see the class comment).
     *
     * @return this simulator
     * @throws IllegalStateException after {@link #close()}
     * @throws UncheckedIOException if no port can be bound
     */
    public SellerPanelSimulator start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the simulator was closed");
            }
            if (server != null) {
                return this;
            }
            if (System.getProperty(NODELAY) == null) {
                // JDK HttpServer writes headers and body separately; without TCP_NODELAY every answer waits
                // ~40 ms for the client's delayed ACK. Read once by the JDK, so set before the first server.
                System.setProperty(NODELAY, "true");
            }
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
                AtomicInteger n = new AtomicInteger();
                int port = s.getAddress().getPort();
                executor = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "sellerpanel-sim-" + port + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                AuthGate gate = new AuthGate(tokens, quota, state);
                s.createContext("/", new Dispatcher(BASE_PATH, clock, gate, faultEngine, journal,
                        Services.of(state, dates, faultEngine)));
                s.setExecutor(executor);
                s.start();
                server = s;
                notifier.startPushing(port);
                LOG.info("SellerPanel simulator listening on {}", baseUrl());
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the SellerPanel simulator", e);
            }
        }
    }

    /**
     * Whether the simulator is serving.
     *
     * @return true between {@link #start()} and {@link #close()}
     */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return server != null;
        }
    }

    /**
     * The base URL to give the client, ending in a slash.
     *
     * @return {@code http://127.0.0.1:<port>/RestWS/api/sellerPanel/v3/}
     * @throws IllegalStateException when not running
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + BASE_PATH;
    }

    /**
     * The bound port.
     *
     * @return the port
     * @throws IllegalStateException when not running
     */
    public int port() {
        synchronized (lifecycle) {
            if (server == null) {
                throw new IllegalStateException("the simulator is not running");
            }
            return server.getAddress().getPort();
        }
    }

    /** Stops serving (open connections are closed) and releases the threads. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            notifier.stopPushing();
            if (server != null) {
                server.stop(0);
                executor.shutdownNow();
                LOG.info("SellerPanel simulator on port {} stopped", server.getAddress().getPort());
                server = null;
            }
        }
    }

    /**
     * The data, its record of truth, what was received, and the mutators.
     *
     * @return the store
     */
    public SimulatorStore store() {
        return store;
    }

    /**
     * The recorded requests.
     *
     * @return the log
     */
    public RequestLog requests() {
        return requestLog;
    }

    /**
     * The fault plan.
     *
     * @return the plan
     */
    public FaultPlan faults() {
        return faultPlan;
    }

    /**
     * The order notifications: {@link OrderNotifier#deliverDue()} pushes those due, {@link OrderNotifier#log()}
     * tells what was emitted, lost and delivered.
     *
     * @return the notifier (one that emits nothing unless the builder had
     *     {@link Builder#orderNotifications(OrderNotifications)})
     */
    public OrderNotifier notifications() {
        return notifier;
    }

    /**
     * The clock the simulator runs on.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The clock as a {@link SimulatedClock}, for tests that move time.
     *
     * @return the clock
     * @throws IllegalStateException if the simulator was built with another kind of clock
     */
    public SimulatedClock simulatedClock() {
        if (clock instanceof SimulatedClock s) {
            return s;
        }
        throw new IllegalStateException("the simulator runs on " + clock + ", not a SimulatedClock");
    }

    /**
     * The zone of dates on the wire.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Formats an instant as the API does, in the simulator's zone.
     *
     * @param instant the instant
     * @return {@code dd/MM/yyyy HH:mm:ss}
     */
    public String formatDate(Instant instant) {
        return dates.format(Objects.requireNonNull(instant, "instant"));
    }

    /**
     * Parses a date as the API writes it, in the simulator's zone.
     *
     * @param text {@code dd/MM/yyyy HH:mm:ss}
     * @return the instant
     * @throws IllegalArgumentException for other text
     */
    public Instant parseDate(String text) {
        try {
            return dates.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not dd/MM/yyyy HH:mm:ss: " + text);
        }
    }

    /**
     * The configured usernames.
     *
     * @return in configuration order
     */
    public List<String> usernames() {
        return usernames;
    }

    /**
     * The current API key of the first credential, issued if needed, without a request (and without
     * using quota): for tests that do not exercise authToken. A secret: do not log it.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey(usernames.get(0));
    }

    /**
     * The current API key of a credential, issued if needed, without a request.
     *
     * @param username a configured username
     * @return the key
     * @throws IllegalArgumentException for an unknown username
     */
    public String apiKey(String username) {
        return tokens.issue(username, state.now());
    }

    /** Expires every API key issued so far: the next keyed call answers 2000, and authToken issues a new key. */
    public void expireTokens() {
        tokens.expireAll(clock.instant());
    }

    /**
     * Calls counted against a credential's quota in the current window.
     *
     * @param username a username
     * @return the count
     */
    public int quotaUsed(String username) {
        return quota.used(username, state.now());
    }

    /** Forgets every counted call, as if the quota window had just rolled. */
    public void resetQuota() {
        quota.reset();
    }

    @Override
    public String toString() {
        synchronized (lifecycle) {
            return "SellerPanelSimulator[" + (server == null ? (closed ? "closed" : "not started")
                    : "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH) + "]";
        }
    }

    /** Configures a simulator. Not thread-safe; each {@link #build()} makes an independent simulator. */
    public static final class Builder {

        private Clock clock = new SimulatedClock(DEFAULT_START);
        private ZoneId zone = ZoneId.of("Asia/Kolkata");
        private final List<String[]> credentials = new ArrayList<>();
        private int quotaCalls = 40;
        private Duration quotaWindow = Duration.ofMinutes(5);
        private Duration tokenTtl;
        private String tokenPrefix = "";
        private long seed = 42;
        private Fixture fixture;
        private Duration moderationDelay = Duration.ofMinutes(10);
        private String sellerId = "babyshop";
        private int threads = 4;
        private DriftRate drift;
        private OrderNotifications notifications;

        private Builder() {
        }

        /**
         * Emits order notifications as Vinculum's "Seller Order Notification" does (default: none): see
         * {@link OrderNotifications} and {@link SellerPanelSimulator#notifications()}.
         *
         * @param config the events, destination, loss, delay, redelivery and shapes
         * @return this builder
         */
        public Builder orderNotifications(OrderNotifications config) {
            this.notifications = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Starts with continuous drift on every listing (orderList, orderListJIT, productFetch): after every
         * page, {@code updates} served records are updated and {@code inserts} new records added. See
         * {@link FaultPlan#continuousDrift(Operation, int, int)}; {@link FaultPlan#stopDrift()} ends it.
         *
         * @param inserts new records per page, at least 0
         * @param updates served records updated per page, at least 0
         * @return this builder
         * @throws IllegalArgumentException if a count is negative, or both are 0
         */
        public Builder continuousDrift(int inserts, int updates) {
            this.drift = new DriftRate(inserts, updates);
            return this;
        }

        /**
         * The clock: a {@link SimulatedClock} to move time by hand, {@code Clock.systemUTC()} for
         * real time, or {@link SimulatedClock#accelerated(Clock, double)} for faster-than-real time.
         * Token expiry, quota windows, moderation and every last-update time follow it.
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The zone of dates on the wire (default {@code Asia/Kolkata}, as Vinculum's guide says).
         *
         * @param z the zone
         * @return this builder
         */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /**
         * Adds a seller login (call repeatedly for several; each has its own key and quota). When
         * none is added, {@link #DEFAULT_USERNAME} / {@link #DEFAULT_PASSWORD} is configured.
         *
         * @param username username
         * @param password password
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("username and password must not be blank");
            }
            credentials.add(new String[] {username, password});
            return this;
        }

        /**
         * The per-credential rolling-window quota (default 40 calls per 5 minutes). Every request
         * attributed to a credential counts, authToken included; calls answered 13 do not count.
         *
         * @param calls calls allowed per window, at least 1
         * @param window the window
         * @return this builder
         */
        public Builder quota(int calls, Duration window) {
            if (calls < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("quota needs calls >= 1 and a positive window");
            }
            this.quotaCalls = calls;
            this.quotaWindow = window;
            return this;
        }

        /**
         * Disables the quota.
         *
         * @return this builder
         */
        public Builder noQuota() {
            this.quotaCalls = 0;
            return this;
        }

        /**
         * API keys expire this long after issue (default: never, Vinculum's static token).
         *
         * @param ttl the lifetime, or null for never
         * @return this builder
         */
        public Builder tokenTtl(Duration ttl) {
            if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
                throw new IllegalArgumentException("token TTL must be positive");
            }
            this.tokenTtl = ttl;
            return this;
        }

        /**
         * Every API key issued starts with {@code prefix} (default: none), followed by the usual random
         * part: a marker that secret-leak tests search every output for.
         *
         * @param prefix printable ASCII without spaces, at most 64 characters
         * @return this builder
         */
        public Builder tokenPrefix(String prefix) {
            if (prefix == null || prefix.length() > 64 || !prefix.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("token prefix must be printable ASCII without spaces, "
                        + "at most 64 characters");
            }
            this.tokenPrefix = prefix;
            return this;
        }

        /**
         * The seed of the simulator's own randomness: API keys, orders generated later, the fault
         * random (seed + 1), and the default fixture.
         *
         * @param s the seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * The initial data (default {@code Fixture.of(seed, 10, 20)}; {@link Fixture#empty()} for none).
         *
         * @param f the recipe
         * @return this builder
         */
        public Builder fixture(Fixture f) {
            this.fixture = Objects.requireNonNull(f, "fixture");
            return this;
        }

        /**
         * Simulated time from an inventoryPriceUpdate to its moderation turning "Approved"
         * (default 10 minutes; zero approves at once).
         *
         * @param delay the delay
         * @return this builder
         */
        public Builder moderationDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay");
            }
            this.moderationDelay = delay;
            return this;
        }

        /**
         * The seller id orderReturn accepts (another non-blank {@code sellerId} answers 8060).
         *
         * @param id the seller id
         * @return this builder
         */
        public Builder sellerId(String id) {
            this.sellerId = Objects.requireNonNull(id, "sellerId");
            return this;
        }

        /**
         * Server threads (default 4). Slow-response faults hold a thread for their delay.
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = n;
            return this;
        }

        /**
         * Builds the simulator (fixture generated now, anchored at the clock's time unless the
         * fixture has an anchor). Call {@link SellerPanelSimulator#start()} to serve.
         *
         * @return the simulator
         */
        public SellerPanelSimulator build() {
            return new SellerPanelSimulator(this);
        }
    }
}
