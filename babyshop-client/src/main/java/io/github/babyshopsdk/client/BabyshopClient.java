package io.github.babyshopsdk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.auth.TokenStore;
import io.github.babyshopsdk.client.catalog.CatalogService;
import io.github.babyshopsdk.client.fulfilment.FulfilmentService;
import io.github.babyshopsdk.client.internal.BodyLimitInterceptor;
import io.github.babyshopsdk.client.internal.CallExecutor;
import io.github.babyshopsdk.client.internal.ClientStats;
import io.github.babyshopsdk.client.internal.Redactor;
import io.github.babyshopsdk.client.internal.SellerPanelApi;
import io.github.babyshopsdk.client.internal.WireLogInterceptor;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.orders.OrderService;
import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
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
 * <p>Every call takes a permit from the credential's {@linkplain QuotaBudget quota budget} (waiting for
 * one, or failing fast by option), sends the shared API key (fetched lazily, refreshed once on code
 * 2000), and retries transient failures where a repeat is safe. Failures are typed
 * ({@link io.github.babyshopsdk.client.error.BabyshopException} and its subclasses).
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

    private static final Logger LOG = LoggerFactory.getLogger(BabyshopClient.class);

    private final HttpUrl baseUrl;
    private final String username;
    private final ZoneId zone;
    private final Clock clock;
    private final QuotaBudget quota;
    private final OkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final CallExecutor executor;
    private final ClientStats stats;
    private final CatalogService catalog;
    private final OrderService orders;
    private final FulfilmentService fulfilment;

    private BabyshopClient(Builder builder, HttpUrl baseUrl) {
        this.baseUrl = baseUrl;
        this.username = builder.credentials.username();
        this.zone = builder.zone;
        this.clock = builder.clock;
        this.quota = builder.quotaBudget != null ? builder.quotaBudget
                : RollingWindowQuotaBudget.of(builder.quotaLimit, builder.quotaWindow);
        Redactor redactor = new Redactor();
        redactor.addSecret(builder.credentials.password());
        this.ownsHttpClient = builder.okHttpClient == null;
        this.httpClient = httpClient(builder, redactor);
        ObjectMapper mapper = WireCodec.newObjectMapper();
        SellerPanelApi api = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(httpClient)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build()
                .create(SellerPanelApi.class);
        this.stats = new ClientStats();
        this.executor = new CallExecutor(api, builder.credentials, builder.tokenStore, quota, builder.retryPolicy,
                clock, builder.sleeper, builder.failFastOnQuota, builder.maxQuotaWait, redactor, stats, mapper);
        WireCodec codec = new WireCodec(mapper, zone);
        this.catalog = new CatalogService(executor, api, codec, builder.maxPages);
        this.orders = new OrderService(executor, api, codec, builder.maxPages);
        this.fulfilment = new FulfilmentService(executor, api, codec);
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

    /** Catalog and stock: productFetch, inventoryPriceUpdate, inventoryPriceStatus, skuBackOrder. */
    public CatalogService catalog() {
        return catalog;
    }

    /** Orders and returns: orderList, orderListJIT, orderFetch, orderFetchJIT, orderReturn. */
    public OrderService orders() {
        return orders;
    }

    /** Courier allocation: generateInvoice, fetchInvoice, fetchDocuments, orderShipping, orderCancellation. */
    public FulfilmentService fulfilment() {
        return fulfilment;
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

    /** Releases the connection pool and threads this client created; a caller-supplied OkHttpClient is left alone. */
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
                + ", zone=" + zone + "}";
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
        private int quotaLimit = 40;
        private Duration quotaWindow = Duration.ofMinutes(5);
        private boolean failFastOnQuota;
        private Duration maxQuotaWait = Duration.ofMinutes(15);
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
         * minutes, Vinculum's published default). Ignored when {@link #quotaBudget} is set.
         */
        public Builder quota(int limit, Duration window) {
            this.quotaLimit = limit;
            this.quotaWindow = window;
            return this;
        }

        /**
         * A budget to share: give every client (and, with shared storage, every node) of one credential
         * the same instance, so together they never exceed it.
         */
        public Builder quotaBudget(QuotaBudget quotaBudget) {
            this.quotaBudget = quotaBudget;
            return this;
        }

        /**
         * Fail with {@link io.github.babyshopsdk.client.error.QuotaExceededException} at once when the
         * budget is used up, instead of waiting (default: wait).
         */
        public Builder failFastOnQuota(boolean failFast) {
            this.failFastOnQuota = failFast;
            return this;
        }

        /** The longest a call waits for quota in total before failing (default 15 minutes). */
        public Builder maxQuotaWait(Duration maxQuotaWait) {
            this.maxQuotaWait = maxQuotaWait;
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
            if (quotaBudget == null) {
                require(quotaLimit >= 1, "quota limit must be at least 1 call per window, was " + quotaLimit);
                require(positive(quotaWindow), "quota window must be a positive duration, was " + quotaWindow);
            }
            require(positive(maxQuotaWait) || Duration.ZERO.equals(maxQuotaWait),
                    "maxQuotaWait must not be negative, was " + maxQuotaWait);
            require(positive(connectTimeout), "connectTimeout must be a positive duration, was " + connectTimeout);
            require(positive(readTimeout), "readTimeout must be a positive duration, was " + readTimeout);
            require(positive(callTimeout), "callTimeout must be a positive duration, was " + callTimeout);
            require(maxResponseBytes >= 1, "maxResponseBytes must be at least 1, was " + maxResponseBytes);
            require(maxPages >= 1, "maxPages must be at least 1, was " + maxPages);
            BabyshopClient client = new BabyshopClient(this, url);
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
