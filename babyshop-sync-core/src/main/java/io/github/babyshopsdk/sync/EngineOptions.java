package io.github.babyshopsdk.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/** Tuning of the engine; every value has a safe default. Immutable; build with {@link #builder()}. */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface EngineOptions {
    /** The earliest update time read on a store's first run when no import start is set. */
    Instant EPOCH = Instant.parse("2015-01-01T00:00:00Z");

    /**
     * How far before the cursor each incremental order or catalog read starts (default 10 minutes). The cursors
     * never pass a record that may still be missing (see the README, "Paging under drift"); the overlap is a
     * margin for what no reader can see: a record Babyshop stamps with a time but shows in its listings later.
     */
    @Value.Default
    default Duration overlap() {
        return Duration.ofMinutes(10);
    }

    /**
     * Orders updated before this are not imported (default: none set, so the first run reads the orders updated in
     * the last {@link #orderImportWindow()}). Set it to {@link #EPOCH} to import every order since the store opened.
     */
    Optional<Instant> orderImportFrom();

    /**
     * The most passes of the conservative re-read of a listing (default 3), used only when Babyshop's answer is
     * not in update order: the listing is then read page by page again while a record repeats within a pass.
     * In update order (the normal case) a listing is read once, by keyset stepping.
     */
    @Value.Default
    default int maxDriftPasses() {
        return 3;
    }

    /**
     * How far Babyshop's clock may be behind this engine's (default 2 seconds). An imported order listed again
     * with its update time and status unchanged is fetched again only when that time is in the same second as
     * the start of the run that fetched it, or later, less this margin: only then can it have changed since
     * without its time changing. A larger margin costs orderFetch ids; a smaller one than the real skew can miss
     * a change made in the second of a fetch until the order changes again. Must not be negative.
     */
    @Value.Default
    default Duration channelClockSkew() {
        return Duration.ofSeconds(2);
    }

    /** Failed reads or applies after which a record is dead-lettered (default 5). */
    @Value.Default
    default int maxAttempts() {
        return 5;
    }

    /** The wait before a failed outbound operation is tried again (default 5 minutes). */
    @Value.Default
    default Duration retryDelay() {
        return Duration.ofMinutes(5);
    }

    /**
     * How long an outbound entry may wait for a dependency before it is dead-lettered (default 72 hours):
     * a {@code SHIP} waiting for its order's invoice, any entry waiting for its order to be imported.
     * Waiting never spends one of {@link #maxAttempts()}; it is bounded by this time instead, measured from
     * the entry's creation ({@code OutboxEntry.createdAt()}). The dead-letter reason names what the entry
     * waited for. Must be positive.
     */
    @Value.Default
    default Duration dependencyWait() {
        return Duration.ofHours(72);
    }

    /** The default {@link #moderationCheckDelay()}: 10 minutes. */
    Duration DEFAULT_MODERATION_CHECK_DELAY = Duration.ofMinutes(10);

    /**
     * How long after a push its moderation status is first due to be read (default 10 minutes), so that it is
     * asked once, when likely final, instead of while Babyshop still answers {@code Pending}. A {@code Pending}
     * answer is asked again after a back-off: the time since the push, at least this delay, at most
     * {@link #moderationMaxWait()} (so 10, 20, 40 minutes, then every hour with the defaults). Must not be
     * negative; zero asks from the run after the push on.
     */
    @Value.Default
    default Duration moderationCheckDelay() {
        return DEFAULT_MODERATION_CHECK_DELAY;
    }

    /** The default {@link #moderationMaxWait()}: 1 hour. */
    Duration DEFAULT_MODERATION_MAX_WAIT = Duration.ofHours(1);

    /**
     * The longest a pushed SKU waits for its first moderation status read, from its push (default 1 hour), quota
     * allowing. Due ids are asked 100 to a call; a run sends a call that is not full only once the earliest due
     * id has been due for this time less {@link #moderationCheckDelay()}, so at low churn the ids of several runs
     * share one call. It also caps the back-off of a {@code Pending} answer. Must not be shorter than
     * {@link #moderationCheckDelay()}.
     */
    @Value.Default
    default Duration moderationMaxWait() {
        return DEFAULT_MODERATION_MAX_WAIT;
    }

    /** The default {@link #maxQuotaWait()}: 15 minutes. */
    Duration DEFAULT_MAX_QUOTA_WAIT = Duration.ofMinutes(15);

    /**
     * How long one call of a most urgent flow (orders, cancellations: priority 0) may wait for the quota
     * window before the run stops with {@link FlowOutcome#WAITING_ON_QUOTA} (default 15 minutes). The wait is
     * reported to {@link io.github.babyshopsdk.sync.spi.SyncListener#waitingForQuota} and the flow's lease is
     * renewed while it lasts. Less urgent flows never wait: when the budget refuses them a call (it keeps
     * calls for more urgent flows, see {@link io.github.babyshopsdk.client.quota.QuotaLimits}), they stop with
     * {@link FlowOutcome#WAITING_ON_QUOTA} and go on at their next run. Zero means no flow waits. Must not be
     * negative.
     */
    @Value.Default
    default Duration maxQuotaWait() {
        return DEFAULT_MAX_QUOTA_WAIT;
    }

    /** The default {@link #leaseTtl()}: 30 seconds. */
    Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(30);

    /**
     * How long a flow lease lasts unless renewed (default 30 s): a process killed while it runs a flow keeps
     * other instances from that flow for at most this long.
     */
    @Value.Default
    default Duration leaseTtl() {
        return DEFAULT_LEASE_TTL;
    }

    /**
     * How often a running flow renews its lease, in real time, on the engine's renewal thread (default a third
     * of {@link #leaseTtl()}, so two renewals may fail before the lease expires). Must be shorter than the ttl.
     * A wait for the quota window is sliced by it too: the waiting run renews and checks its lease after each
     * slice (see {@link #maxQuotaWait()}).
     */
    @Value.Default
    default Duration leaseRenewalInterval() {
        return leaseTtl().dividedBy(3);
    }

    /**
     * This engine instance's name in leases, shown in "lease held by ..." messages (default
     * {@code <host name>-<pid>-<4 random hex digits>}, see {@link #defaultInstanceId()}).
     */
    @Value.Default
    default String instanceId() {
        return defaultInstanceId();
    }

    /**
     * A new instance id naming this process: {@code <host name>-<pid>-<4 random hex digits>} (the random part
     * tells two engines of one process apart). The host name is {@code HOSTNAME}/{@code COMPUTERNAME} or the
     * local host's name, else {@code "host"}.
     */
    static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                host = "host";
            }
        }
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        return host.trim() + "-" + ProcessHandle.current().pid() + "-" + suffix;
    }

    /** The default {@link #reassertEvery()}: 1 day. */
    Duration DEFAULT_REASSERT_EVERY = Duration.ofDays(1);

    /**
     * How often the inventory flow re-asserts every linked SKU's stock on Babyshop (default 1 day; zero never):
     * when the last completed walk over every link (or, before the first one, the first inventory run that saw
     * links) is at least this old, the flow walks every link again, reads the host's stock and pushes each
     * SKU's quantity even when it equals the acknowledged one, so a level changed on Babyshop's side (by hand
     * in the seller panel, by Babyshop's own reservations) is corrected. It is the lowest priority work: a run
     * queues the walk's SKUs only after pushing the real changes due, and stops the walk when its quota tier
     * runs out; the walk goes on from its cursor at the next run. Costs about {@code links / 100} inventory
     * calls (plus as many moderation status reads) per period. Must not be negative.
     */
    @Value.Default
    default Duration reassertEvery() {
        return DEFAULT_REASSERT_EVERY;
    }

    /**
     * Moderation refusals in a row after which a SKU's quantity is dead-lettered with the refusal's reason
     * (default 5). Each refusal re-queues the quantity after a back-off of {@link #retryDelay()} x 2^(n-1)
     * (capped at one day) for the n-th refusal; an approval or a new host quantity starts the count again. Must
     * be at least 1.
     */
    @Value.Default
    default int maxModerationRefusals() {
        return 5;
    }

    /** The default {@link #orderImportWindow()}: 7 days. */
    Duration DEFAULT_ORDER_IMPORT_WINDOW = Duration.ofDays(7);

    /**
     * The import start of a store's first run when {@link #orderImportFrom()} is not set: orders updated in this
     * window before the first run are read (default 7 days), older ones are never listed. Later runs read from the
     * orders cursor. Must be positive.
     */
    @Value.Default
    default Duration orderImportWindow() {
        return DEFAULT_ORDER_IMPORT_WINDOW;
    }

    /**
     * Whether an order that is already a cancellation ({@link io.github.babyshopsdk.sync.spi.StatusMapper#isCancellation})
     * when the engine first sees it is created in the host (in its mapped stage) like any other order (default
     * false: it is recorded with reason {@code CANCELLED_BEFORE_FIRST_SEEN}, visible in {@code explain}, and not
     * created: a first run would otherwise fill the host with orders that were never live).
     */
    @Value.Default
    default boolean importOrdersCancelledBeforeFirstSeen() {
        return false;
    }

    /** The default {@link #reconciliationWindow()}: 7 days. */
    Duration DEFAULT_RECONCILIATION_WINDOW = Duration.ofDays(7);

    /**
     * How far back a reconciliation run compares Babyshop with the engine's records and the host (default 7 days):
     * the orders and products Babyshop lists as updated in this window. Must be positive.
     */
    @Value.Default
    default Duration reconciliationWindow() {
        return DEFAULT_RECONCILIATION_WINDOW;
    }

    /** The default {@link #hintDelay()}: 1 second. */
    Duration DEFAULT_HINT_DELAY = Duration.ofSeconds(1);

    /**
     * How long after it arrives a new order hint ({@code SyncEngine.hint}) is due (default 1 second): hints that
     * arrive together are fetched together, one orderFetch call per 100 order numbers. Must not be negative.
     */
    @Value.Default
    default Duration hintDelay() {
        return DEFAULT_HINT_DELAY;
    }

    /**
     * Fetches that do not find a hinted order after which its hint is dropped (default 3), with the reason "not
     * found on Babyshop: unknown or foreign order number". A dropped hint is kept a day for {@code explain}, then
     * pruned; a new hint for the number revives it. Must be at least 1.
     */
    @Value.Default
    default int hintAttempts() {
        return 3;
    }

    /** The default {@link #hintRetryDelay()}: 1 minute. */
    Duration DEFAULT_HINT_RETRY_DELAY = Duration.ofMinutes(1);

    /**
     * The wait before a hinted order that a fetch did not find is fetched again (default 1 minute), doubling per
     * attempt: {@code hintRetryDelay x 2^(attempts-1)}, so 1 then 2 minutes with the defaults before the hint is
     * dropped at {@link #hintAttempts()}. Must be positive.
     */
    @Value.Default
    default Duration hintRetryDelay() {
        return DEFAULT_HINT_RETRY_DELAY;
    }

    /** The default {@link #maxPendingHints()}: 10,000. */
    int DEFAULT_MAX_PENDING_HINTS = 10_000;

    /**
     * The most order hints pending at once (default 10,000): a hint for a new number beyond it is refused
     * ({@code HintReceipt.refused()}) and the order is found by polling instead. Bounds what a flood of
     * notifications can make the store hold. Must be at least 1.
     */
    @Value.Default
    default int maxPendingHints() {
        return DEFAULT_MAX_PENDING_HINTS;
    }

    /** The default {@link #hintRunBurst()}: 10. */
    int DEFAULT_HINT_RUN_BURST = 10;

    /**
     * How many hint-only orders runs may start back to back (default 10) before they are paced at
     * {@link #hintRunInterval()}: a token bucket on the engine's time, per engine instance. Each hint-only run makes
     * one orderFetch call per 100 due hints, at the orders' quota priority; the pace keeps a flood of notifications
     * (a store taking an order every few seconds) from spending the whole quota window, while a quiet store's
     * notifications are fetched a {@link #hintDelay()} after they arrive. Hints that wait are fetched together, and
     * every orders poll fetches them too. Must be at least 1.
     */
    @Value.Default
    default int hintRunBurst() {
        return DEFAULT_HINT_RUN_BURST;
    }

    /** The default {@link #hintRunInterval()}: 30 seconds. */
    Duration DEFAULT_HINT_RUN_INTERVAL = Duration.ofSeconds(30);

    /**
     * The sustained pace of hint-only orders runs once their {@link #hintRunBurst()} is spent (default one per 30
     * seconds: at most 10 orderFetch calls per 5 minutes for up to 1,000 hinted orders, a quarter of the channel's
     * default quota). {@code Duration.ZERO} does not pace them. Must not be negative.
     */
    @Value.Default
    default Duration hintRunInterval() {
        return DEFAULT_HINT_RUN_INTERVAL;
    }

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException when a duration is negative (or zero where it must be positive) or a
     *     count is below its minimum
     */
    @Value.Check
    default void check() {
        if (overlap().isNegative() || retryDelay().isNegative() || leaseTtl().isNegative() || leaseTtl().isZero()) {
            throw new IllegalArgumentException("overlap and retryDelay must not be negative, leaseTtl must be positive");
        }
        if (channelClockSkew().isNegative()) {
            throw new IllegalArgumentException("channelClockSkew must not be negative");
        }
        if (leaseRenewalInterval().isNegative() || leaseRenewalInterval().isZero()
                || leaseRenewalInterval().compareTo(leaseTtl()) >= 0) {
            throw new IllegalArgumentException("leaseRenewalInterval must be positive and shorter than leaseTtl");
        }
        if (instanceId().isBlank()) {
            throw new IllegalArgumentException("instanceId must not be blank");
        }
        if (dependencyWait().isNegative() || dependencyWait().isZero()) {
            throw new IllegalArgumentException("dependencyWait must be positive");
        }
        if (maxDriftPasses() < 1 || maxAttempts() < 1) {
            throw new IllegalArgumentException("maxDriftPasses and maxAttempts must be at least 1");
        }
        if (maxQuotaWait().isNegative()) {
            throw new IllegalArgumentException("maxQuotaWait must not be negative");
        }
        if (moderationCheckDelay().isNegative() || moderationMaxWait().compareTo(moderationCheckDelay()) < 0) {
            throw new IllegalArgumentException(
                    "moderationCheckDelay must not be negative, moderationMaxWait not shorter than it");
        }
        if (reassertEvery().isNegative()) {
            throw new IllegalArgumentException("reassertEvery must not be negative (zero never re-asserts)");
        }
        if (maxModerationRefusals() < 1) {
            throw new IllegalArgumentException("maxModerationRefusals must be at least 1");
        }
        if (orderImportWindow().isNegative() || orderImportWindow().isZero()
                || reconciliationWindow().isNegative() || reconciliationWindow().isZero()) {
            throw new IllegalArgumentException("orderImportWindow and reconciliationWindow must be positive");
        }
        if (hintDelay().isNegative() || hintRetryDelay().isNegative() || hintRetryDelay().isZero()) {
            throw new IllegalArgumentException("hintDelay must not be negative, hintRetryDelay must be positive");
        }
        if (hintAttempts() < 1 || maxPendingHints() < 1) {
            throw new IllegalArgumentException("hintAttempts and maxPendingHints must be at least 1");
        }
        if (hintRunBurst() < 1 || hintRunInterval().isNegative()) {
            throw new IllegalArgumentException("hintRunBurst must be at least 1, hintRunInterval must not be negative");
        }
    }

    /** The defaults. */
    static EngineOptions defaults() {
        return builder().build();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link EngineOptions}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableEngineOptions.Builder {
        Builder() {}
    }
}
