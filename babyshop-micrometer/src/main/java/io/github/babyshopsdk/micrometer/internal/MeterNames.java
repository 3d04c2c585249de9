package io.github.babyshopsdk.micrometer.internal;

import java.util.Locale;

/** The names and tag keys of every meter the module registers (documented in {@code BabyshopMeters}). */
public final class MeterNames {
    /** HTTP requests by operation and outcome (FunctionCounter). */
    public static final String CLIENT_REQUESTS = "babyshop.client.requests";
    /** Attempts repeated after a transient failure or a quota answer (FunctionCounter). */
    public static final String CLIENT_RETRIES = "babyshop.client.retries";
    /** {@code authToken} calls made because a key was rejected (FunctionCounter). */
    public static final String CLIENT_REAUTHENTICATIONS = "babyshop.client.reauthentications";
    /** Code-13 (or HTTP 429) answers (FunctionCounter). */
    public static final String CLIENT_QUOTA_REJECTIONS = "babyshop.client.quota.rejections";
    /** Waits of a request for the local quota budget (FunctionCounter). */
    public static final String CLIENT_QUOTA_WAITS = "babyshop.client.quota.waits";
    /** Calls the top tier may make now (Gauge). */
    public static final String QUOTA_REMAINING = "babyshop.quota.remaining";
    /** Calls per quota window (Gauge). */
    public static final String QUOTA_LIMIT = "babyshop.quota.limit";
    /** Flow runs by flow and outcome, with their durations (Timer). */
    public static final String SYNC_RUNS = "babyshop.sync.runs";
    /** Records per flow and kind (Counter). */
    public static final String SYNC_RECORDS = "babyshop.sync.records";
    /** Orders not imported, by reason (Counter). */
    public static final String SYNC_ORDERS_SKIPPED = "babyshop.sync.orders.skipped";
    /** Waits of a run for the quota window, by flow (Counter). */
    public static final String SYNC_QUOTA_WAITS = "babyshop.sync.quota.waits";
    /** How far behind Babyshop the order import is (TimeGauge). */
    public static final String SYNC_ORDERS_LAG = "babyshop.sync.orders.lag";
    /** Time since a flow's last completed run (TimeGauge). */
    public static final String SYNC_SINCE_COMPLETED = "babyshop.sync.since.completed";
    /** Dead letters by flow (Gauge). */
    public static final String SYNC_DEAD_LETTERS = "babyshop.sync.dead.letters";
    /** Warnings the engine gave (Counter). */
    public static final String SYNC_WARNINGS = "babyshop.sync.warnings";

    /** Tag: the SellerPanel operation, as its wire name (e.g. {@code orderList}). */
    public static final String OPERATION = "operation";
    /** Tag: a request's or a run's outcome, lower case. */
    public static final String OUTCOME = "outcome";
    /** Tag: the flow, lower case. */
    public static final String FLOW = "flow";
    /** Tag: what happened to a record: fetched, imported, updated, pushed, failed. */
    public static final String KIND = "kind";
    /** Tag: why an order was not imported, lower case. */
    public static final String REASON = "reason";

    private MeterNames() {
    }

    /** An enum constant as a tag value: its name in lower case. */
    public static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
