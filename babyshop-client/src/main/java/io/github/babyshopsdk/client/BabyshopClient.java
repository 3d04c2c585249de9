package io.github.babyshopsdk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.auth.TokenStore;
import io.github.babyshopsdk.client.catalog.CatalogService;
import io.github.babyshopsdk.client.fulfilment.FulfilmentService;
import io.github.babyshopsdk.client.internal.BodyLimitInterceptor;
import io.github.babyshopsdk.client.internal.CallExecutor;
import io.github.babyshopsdk.client.internal.ClientServices;
import io.github.babyshopsdk.client.internal.ClientStats;
import io.github.babyshopsdk.client.internal.Redactor;
import io.github.babyshopsdk.client.internal.SellerPanelApi;
import io.github.babyshopsdk.client.internal.WireLogInterceptor;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.orders.OrderService;
import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.client.quota.RollingWindowQuotaBudget;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The typed client of Vinculum's SellerPanel V3 API, through which Babyshop sellers sell: all 15
 * operations, grouped by concern ({@link #catalog()}, {@link #orders()}, {@link #fulfilment()}, and
 * {@link #authenticate()}).
 *
 * <pre>{@code
 * BabyshopClient client = BabyshopClient.builder()
 *     .baseUrl("https://<tenant host>/RestWS/api/sellerPanel/v3/")
 *     .credentials(Credentials.of(username, password))
 *     .zone(ZoneId.of("Asia/Kolkata"))   // Vinculum documents its date-times as IST
 *     .build();
 * }</pre>
 *
 * <p>Every HTTP request (the {@code authToken} call, retries and re-authentication included) takes
 * exactly one permit from the credential's {@linkplain QuotaBudget quota budget}, charged to a priority
 * tier: tier 0 for this client, the view's tier for a {@link #forTier} view. A refused permit goes to a
 * {@link QuotaWaiter} (wait for the window, or give up with
 * {@link io.github.babyshopsdk.client.error.QuotaExceededException}; nothing is sent). Each request
 * sends the shared API key (fetched lazily, refreshed once on code 2000), and transient failures are
 * retried where a repeat is safe. Methods plan nothing: a method that takes a list sends one request for
 * 1 to {@link ChannelLimits#MAX_BATCH} items; batching, splitting and paging decisions are the caller's.
 * Failures are typed ({@link io.github.babyshopsdk.client.error.BabyshopException} and its subclasses).
 *
 * <p>Immutable and thread-safe: build one per credential and share it. {@link #close()} releases the HTTP
 * resources the client created itself (none of a caller-supplied {@link OkHttpClient}).
 */
public final class BabyshopClient implements AutoCloseable {
    /** The zone Vinculum's integration guide documents for its date-times (IST). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");
    /** The path under a tenant host where SellerPanel V3 lives. */
    public static final String DEFAULT_BASE_PATH = "/RestWS/api/sellerPanel/v3/";
    /** The default overall deadline of one HTTP call: 120 seconds. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(120);
    /** The default cap on one JSON response body: 16 MiB, received and after gzip inflation. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    /** The cap on one {@code fetchDocuments} file: 64 MiB, checked while streaming. */
    public static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;
    /** The default longest total wait for quota per request: 15 minutes (see {@link Builder#quotaWaiter}). */
    public static final Duration DEFAULT_MAX_QUOTA_WAIT = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(BabyshopClient.class);

    private final HttpUrl baseUrl;
    private final String username;
    private final ZoneId zone;
    private final Clock clock;
    private final QuotaBudget quota;
    private final OkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final SellerPanelApi api;
    private final WireCodec codec;
    private final int maxPages;
    private final CallExecutor executor;
    private final ClientStats stats;
    private final ClientServices services;

    private BabyshopClient(Builder builder, HttpUrl baseUrl, QuotaBudget quota) {
        this.baseUrl = baseUrl;
        this.username = builder.credentials.username();
        this.zone = builder.zone;
        this.clock = builder.clock;
        this.quota = quota;
        Redactor redactor = new Redactor();
        redactor.addSecret(builder.credentials.password());
        this.ownsHttpClient = builder.okHttpClient == null;
        this.httpClient = httpClient(builder, redactor);
        ObjectMapper mapper = WireCodec.newObjectMapper();
        this.api = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(httpClient)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build()
                .create(SellerPanelApi.class);
        this.stats = new ClientStats();
        this.codec = new WireCodec(mapper, zone);
        this.maxPages = builder.maxPages;
        this.executor = new CallExecutor(api, builder.credentials, builder.tokenStore, quota, builder.retryPolicy,
                clock, builder.sleeper, builder.quotaWaiter, redactor, stats, mapper);
        this.services = new ClientServices(executor, api, codec, maxPages);
    }

    /** A view of {@code base} whose requests go through {@code executor}; owns nothing. */
    private BabyshopClient(BabyshopClient base, CallExecutor executor) {
        this.baseUrl = base.baseUrl;
        this.username = base.username;
        this.zone = base.zone;
        this.clock = base.clock;
        this.quota = base.quota;
        this.httpClient = base.httpClient;
        this.ownsHttpClient = false;
        this.api = base.api;
        this.codec = base.codec;
        this.maxPages = base.maxPages;
        this.executor = executor;
        this.stats = base.stats;
        this.services = new ClientServices(executor, api, codec, maxPages);
    }

    private static OkHttpClient httpClient(Builder builder, Redactor redactor) {
        OkHttpClient.Builder http = builder.okHttpClient != null ? builder.okHttpClient.newBuilder()
                : new OkHttpClient.Builder();
        // OkHttp would silently re-send a request whose connection failed, POSTs included; the API has no
        // idempotency key, so only the client's own retry loop, which knows each operation, may repeat a call
        http.connectTimeout(builder.connectTimeout).readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout).callTimeout(builder.callTimeout)
                .retryOnConnectionFailure(false)
                // a redirect would carry the ApiKey header (or the password) to another host and repeat writes
                .followRedirects(false).followSslRedirects(false);
        if (builder.wireLogging) {
            http.addInterceptor(new WireLogInterceptor(LoggerFactory.getLogger("io.github.babyshopsdk.client.wire"),
                    redactor));
        }
        // innermost application interceptor: every body is capped after gzip inflation, before anything
        // (wire logging included) reads it; as a network interceptor: capped on the bytes received
        BodyLimitInterceptor limits = new BodyLimitInterceptor(builder.maxResponseBytes, MAX_DOCUMENT_BYTES);
        http.addInterceptor(limits);
        http.addNetworkInterceptor(limits);
        return http.build();
    }

    /** A builder; {@link Builder#baseUrl} and {@link Builder#credentials} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of this client whose requests are charged to quota tier {@code tier} and wait for quota
     * through {@code waiter}. The view shares everything else with this client: the HTTP client, the API
     * key (and its single-flight refresh), the {@linkplain #quota() budget} and the {@linkplain #metrics()
     * counters}; an {@code authToken} call a view's request needs (the first key, or a new one after code
     * 2000) is charged to the view's tier too. Cheap to create; thread-safe; {@link #close()} on a view does
     * nothing (close the client it came from). This client itself charges {@link QuotaBudget#TOP_TIER}
     * and waits through the builder's {@link Builder#quotaWaiter}.
     *
     * <pre>{@code
     * // a background catalog job: never takes the calls kept for orders, never waits for the window
     * BabyshopClient background = client.forTier(2, QuotaWaiter.failFast());
     * for (Page<Product> page : background.catalog().products(query)) {  // QuotaExceededException when refused
     *     save(page.records());
     * }
     * }</pre>
     *
     * @param tier the priority tier, 0 the most urgent (see {@link QuotaLimits})
     * @param waiter what a request of the view does when its permit is refused
     * @throws IllegalArgumentException if {@code tier} is negative
     * @throws NullPointerException if {@code waiter} is null
     */
    public BabyshopClient forTier(int tier, QuotaWaiter waiter) {
        return new BabyshopClient(this, executor.forTier(tier, waiter));
    }

    /** Catalog and stock: productFetch, inventoryPriceUpdate, inventoryPriceStatus, skuBackOrder. */
    public CatalogService catalog() {
        return services.catalog();
    }

    /** Orders and returns: orderList, orderListJIT, orderFetch, orderFetchJIT, orderReturn. */
    public OrderService orders() {
        return services.orders();
    }

    /** Courier allocation: generateInvoice, fetchInvoice, fetchDocuments, orderShipping, orderCancellation. */
    public FulfilmentService fulfilment() {
        return services.fulfilment();
    }

    /**
     * Calls {@code authToken} now and makes the new key the one every thread uses. Rarely needed: the
     * client fetches a key lazily and refreshes it by itself on code 2000.
     *
     * @throws io.github.babyshopsdk.client.error.AuthenticationException if the credentials are refused
     */
    public AuthToken authenticate() {
        return executor.reauthenticate();
    }

    /** The API key in use, fetching one (or loading it from the token store) if none is held yet. */
    public AuthToken token() {
        return executor.token();
    }

    /** What the credential's quota budget allows now; takes no permit. */
    public QuotaSnapshot quota() {
        return quota.snapshot(clock.instant());
    }

    /** Counters of what this client has done so far. */
    public ClientMetrics metrics() {
        return stats.snapshot();
    }

    /** The base URL calls go to (always ends in {@code /}). */
    public String baseUrl() {
        return baseUrl.toString();
    }

    /** The zone in which the API's date-times are read and written. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Releases the connection pool and threads this client created; a caller-supplied OkHttpClient is left
     * alone. Does nothing on a {@link #forTier} view.
     */
    @Override
    public void close() {
        if (ownsHttpClient) {
            httpClient.dispatcher().executorService().shutdown();
            httpClient.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "BabyshopClient{baseUrl=" + HttpUrlRedaction.redacted(baseUrl) + ", seller=" + username
                + ", zone=" + zone + (executor.tier() == QuotaBudget.TOP_TIER ? "" : ", tier=" + executor.tier())
                + "}";
    }

    /**
     * Configures a {@link BabyshopClient}. Not thread-safe; {@link #build()} validates everything and
     * fails with a message that says what to set.
     */
    public static final class Builder {
        private String baseUrl;
        private Credentials credentials;
        private ZoneId zone = DEFAULT_ZONE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private OkHttpClient okHttpClient;
        private TokenStore tokenStore = TokenStore.inMemory();
        private QuotaBudget quotaBudget;
        private QuotaLimits quotaLimits;
        private int quotaLimit = QuotaLimits.VINCULUM_LIMIT;
        private Duration quotaWindow = QuotaLimits.VINCULUM_WINDOW;
        private QuotaWaiter quotaWaiter = QuotaWaiter.upTo(DEFAULT_MAX_QUOTA_WAIT);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private boolean allowInsecureHttp;
        private boolean wireLogging;
        private int maxPages = 10_000;

        private Builder() {
        }

        /**
         * The SellerPanel V3 base URL, e.g. {@code https://<tenant>.vineretail.com/RestWS/api/sellerPanel/v3/}
         * (a missing trailing slash is added). Required; must be {@code https} unless
         * {@link #allowInsecureHttp()} is set.
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The seller's Vinculum username and password. Required. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The zone of the API's date-times (default {@link #DEFAULT_ZONE}, IST as Vinculum documents). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        /** The clock for quota windows and token times (default the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How the client waits for quota and backoff (default {@link Sleeper#system()}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * An OkHttp client to build on, so hosts share connection pools and dispatchers; the client adds
         * its own timeouts and (optional) logging to a {@link OkHttpClient#newBuilder() derived} client, and
         * turns off OkHttp's silent re-sending of failed requests (a write must never be repeated blindly).
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = okHttpClient;
            return this;
        }

        /** Where the API key is kept across restarts (default in memory only). */
        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = tokenStore;
            return this;
        }

        /**
         * The local budget: at most {@code limit} calls in any rolling {@code window} (default 40 per 5
         * minutes, Vinculum's published default), with the default reserve per tier; a shortcut for
         * {@link #quota(QuotaLimits)}. Ignored when {@link #quotaBudget} is set.
         */
        public Builder quota(int limit, Duration window) {
            this.quotaLimits = null;
            this.quotaLimit = limit;
            this.quotaWindow = window;
            return this;
        }

        /**
         * The local budget's limit, window and reserve per tier (default {@link QuotaLimits#vinculumDefault()}:
         * 40 calls per 5 minutes, 5 kept per more urgent tier). Ignored when {@link #quotaBudget} is set.
         *
         * @throws NullPointerException if {@code limits} is null
         */
        public Builder quota(QuotaLimits limits) {
            this.quotaLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * A budget to share: give every client (and, with shared storage, every node) of one credential
         * the same instance, so together they never exceed it. Its {@link QuotaBudget#limits()} replace
         * any {@link #quota} setting.
         */
        public Builder quotaBudget(QuotaBudget quotaBudget) {
            this.quotaBudget = quotaBudget;
            return this;
        }

        /**
         * What a request of this client does when the budget refuses its permit (default
         * {@link QuotaWaiter#upTo upTo(15 minutes)}: wait for the window, at most 15 minutes in total per
         * request). {@link QuotaWaiter#failFast()} throws
         * {@link io.github.babyshopsdk.client.error.QuotaExceededException} at once instead. Views made with
         * {@link BabyshopClient#forTier} bring their own waiter.
         */
        public Builder quotaWaiter(QuotaWaiter quotaWaiter) {
            this.quotaWaiter = quotaWaiter;
            return this;
        }

        /** How transient failures and quota answers are retried (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** The TCP connect timeout (default 10 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** The read and write timeout (default 60 s). */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * The overall deadline of one HTTP call, from sending the request to reading the last byte of the
         * answer (OkHttp's call timeout; default {@link #DEFAULT_CALL_TIMEOUT}, 120 s). Applied to every
         * request, also on a caller-supplied {@link #okHttpClient}. A server that drips a body slowly cannot
         * block a call beyond it. A call that hits it fails like a dropped connection: a read is retried as
         * the {@link #retryPolicy} allows and then throws
         * {@link io.github.babyshopsdk.client.error.TransientException}; a write that may not be repeated
         * throws {@link io.github.babyshopsdk.client.error.OutcomeUnknownException}. Each retry has its own
         * deadline; waiting for quota and backoff is not counted. Must be positive.
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
            return this;
        }

        /**
         * The cap on one JSON response body in bytes, checked while streaming, both on the bytes received
         * and on the bytes after gzip inflation (default {@link #DEFAULT_MAX_RESPONSE_BYTES}, 16 MiB). A
         * body past it is a {@link io.github.babyshopsdk.client.error.MalformedResponseException} for reads
         * (after the retries the policy allows) and an
         * {@link io.github.babyshopsdk.client.error.OutcomeUnknownException} for writes. Documents of
         * {@code fetchDocuments} have their own cap, {@link #MAX_DOCUMENT_BYTES}. Must be positive.
         */
        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Permits an {@code http://} base URL: for loopback tests and simulators only. */
        public Builder allowInsecureHttp() {
            this.allowInsecureHttp = true;
            return this;
        }

        /**
         * Logs every request and response at DEBUG on the logger {@code io.github.babyshopsdk.client.wire}
         * (default off). The password, the {@code ApiKey} header and every issued key are redacted; control
         * characters are escaped; of a response body at most the first 16 KiB is logged (peeked, so a
         * large body is never buffered for the log).
         */
        public Builder wireLogging(boolean enabled) {
            this.wireLogging = enabled;
            return this;
        }

        /** The safety cap on pages read by one listing (default 10,000). */
        public Builder maxPages(int maxPages) {
            this.maxPages = maxPages;
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException if a required setting is missing or a value is invalid; the message
         *     says what to set
         */
        public BabyshopClient build() {
            HttpUrl url = validatedBaseUrl();
            require(credentials != null, "credentials are required: call credentials(Credentials.of(username, password))");
            require(zone != null, "zone must not be null (default Asia/Kolkata)");
            require(clock != null, "clock must not be null");
            require(sleeper != null, "sleeper must not be null");
            require(tokenStore != null, "tokenStore must not be null (default TokenStore.inMemory())");
            require(retryPolicy != null, "retryPolicy must not be null (default RetryPolicy.defaults())");
            require(quotaWaiter != null, "quotaWaiter must not be null (default QuotaWaiter.upTo(15 minutes))");
            QuotaBudget budget = quotaBudget;
            if (budget == null) {
                QuotaLimits limits = quotaLimits;
                if (limits == null) {
                    require(quotaLimit >= 1, "quota limit must be at least 1 call per window, was " + quotaLimit);
                    require(positive(quotaWindow), "quota window must be a positive duration, was " + quotaWindow);
                    limits = QuotaLimits.of(quotaLimit, quotaWindow);
                }
                budget = RollingWindowQuotaBudget.of(limits);
            }
            require(positive(connectTimeout), "connectTimeout must be a positive duration, was " + connectTimeout);
            require(positive(readTimeout), "readTimeout must be a positive duration, was " + readTimeout);
            require(positive(callTimeout), "callTimeout must be a positive duration, was " + callTimeout);
            require(maxResponseBytes >= 1, "maxResponseBytes must be at least 1, was " + maxResponseBytes);
            require(maxPages >= 1, "maxPages must be at least 1, was " + maxPages);
            BabyshopClient client = new BabyshopClient(this, url, budget);
            LOG.debug("built {}", client);
            return client;
        }

        private HttpUrl validatedBaseUrl() {
            require(baseUrl != null && !baseUrl.isBlank(),
                    "baseUrl is required: call baseUrl(\"https://<tenant host>" + DEFAULT_BASE_PATH + "\")");
            String text = baseUrl.trim().endsWith("/") ? baseUrl.trim() : baseUrl.trim() + "/";
            HttpUrl url = HttpUrl.parse(text);
            require(url != null, "baseUrl is not an http(s) URL: " + HttpUrlRedaction.redacted(text));
            require(url.username().isEmpty() && url.password().isEmpty(),
                    "baseUrl must not carry user info (user:password@host); pass the seller's login with "
                            + "credentials(...) instead");
            require(url.query() == null, "baseUrl must not carry a query string");
            require(url.isHttps() || allowInsecureHttp, "baseUrl must use https (was " + url.scheme()
                    + "://" + url.host() + "); call allowInsecureHttp() only for loopback tests");
            return url;
        }

        private static boolean positive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException(message);
            }
        }
    }

    /** Keeps user info and query strings (which could carry a password) out of printed URLs. */
    static final class HttpUrlRedaction {
        private HttpUrlRedaction() {
        }

        /**
         * {@code url} as text without its user info (everything between {@code //} and the last {@code @}
         * of the authority) and with its query masked; safe to print for any input, URL or not.
         */
        static String redacted(Object url) {
            String text = Objects.toString(url);
            int query = text.indexOf('?');
            String shown = query < 0 ? text : text.substring(0, query) + "?" + Redactor.MASK;
            int authority = shown.indexOf("//");
            int from = authority < 0 ? 0 : authority + 2;
            int end = shown.length();
            for (int i = from; i < shown.length(); i++) {
                char c = shown.charAt(i);
                if (c == '/' || c == '#') {
                    end = i;
                    break;
                }
            }
            int at = shown.lastIndexOf('@', end - 1);
            if (at >= from) {
                shown = shown.substring(0, from) + Redactor.MASK + "@" + shown.substring(at + 1);
            }
            return io.github.babyshopsdk.client.internal.LogText.escape(shown);
        }
    }
}
