package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory flow's full re-push ("hard sync") and forced re-pushes: the entry points other parts of the
 * engine call in their own transaction, and the walk's durable state in the cursor store.
 *
 * <p>A <b>walk</b> goes over every link of the catalog store once, {@link #PAGE} to a page of its change feed
 * ({@code linksChangedAfter}, from 0, with a cursor of its own, {@value #SEQUENCE}), reads the host's stock and
 * queues each linked SKU's quantity even when it equals the acknowledged one, then pushes as usual (see
 * {@code InventoryWalk}). It is requested by {@link #request} (a hard sync: the engine's
 * {@code requestHardSync}, a changed safety stock) or started by the inventory flow itself when the last
 * completed walk is {@code EngineOptions.reassertEvery()} old (the periodic re-assertion). A request made while
 * a walk is in progress starts the walk again from the first link at the next run (so a rule that changed
 * meanwhile reaches every SKU). The walk's position is committed with each page's ledger writes, so a crash or a
 * quota stop goes on from there at the next run; its completion time is kept in {@value #COMPLETED_AT}.
 *
 * <p>Stateless and thread-safe; every method works in the caller's transaction.
 */
public final class InventoryResync {
    /** The cursor holding the latest request's token ({@code <instant> <random id>}); absent when never requested. */
    public static final String REQUESTED = "inventory.resync.requested";
    /** The cursor holding the latest request's reason. */
    public static final String REASON = "inventory.resync.reason";
    /** The cursor holding the token of the request the walk in progress serves; empty text when none is. */
    public static final String WALKING = "inventory.resync.walking";
    /** The cursor holding the sequence of the last link the walk in progress took in. */
    public static final String SEQUENCE = "inventory.resync.sequence";
    /** The cursor holding when the last walk completed (an instant). */
    public static final String COMPLETED_AT = "inventory.resync.completedAt";
    /** The cursor holding the token of the request the last completed walk served. */
    public static final String COMPLETED_FOR = "inventory.resync.completedFor";
    /** The cursor holding when the inventory flow first saw links, counted from until the first walk completes. */
    public static final String SINCE = "inventory.resync.since";
    /** The reason of a walk the flow starts itself. */
    public static final String PERIODIC = "periodic re-assertion";
    /** Links per page of a walk: one push call's worth, so the walk never queues more ahead of real changes. */
    static final int PAGE = io.github.babyshopsdk.client.ChannelLimits.MAX_BATCH;

    private static final Logger LOG = LoggerFactory.getLogger(InventoryResync.class);

    private InventoryResync() {
    }

    /**
     * Requests a walk over every link (a hard sync): at its next run the inventory flow pushes every linked SKU's
     * quantity once, read from the host, even when Babyshop acknowledged that quantity. A walk in progress starts
     * again from the first link. The inventory flow is made due at once (its continuation, unless it has an
     * earlier one). Durable with {@code tx}; call it in the transaction of the change that needs it.
     *
     * @param tx the caller's transaction
     * @param now when the request is made
     * @param reason why (kept in the cursor store and logged), e.g. {@code "hard sync requested by ops"}
     * @throws NullPointerException if an argument is null
     */
    public static void request(SyncTransaction tx, Instant now, String reason) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(reason, "reason");
        String token = now + " " + UUID.randomUUID();
        tx.cursors().put(REQUESTED, token);
        tx.cursors().put(REASON, StoredText.of(reason));
        String continuation = FlowContinuation.cursor(Flow.INVENTORY);
        Optional<Instant> due = FlowContinuation.parse(tx.cursors().get(continuation));
        if (due.isEmpty() || due.get().isAfter(now)) {
            tx.cursors().put(continuation, now.toString());
        }
        LOG.info("inventory: a walk over every link is requested ({})", LogSafe.of(reason));
    }

    /**
     * Forces a re-push of {@code vendorSkuCodes} at the next inventory run: a linked code whose ledger entry has
     * nothing queued gets its last acknowledged quantity queued again (the host's level as intake last took it
     * in), even though Babyshop acknowledged it; a linked code without an entry (or with one for another SKU) has
     * its link saved again, so the next intake reads the host's stock for it. A code already queued (in a
     * back-off included) stays as it is; a dead-lettered one too (re-drive it through the dead letters); a code
     * without a link is ignored. Costs one batch read of links and of the ledger. Durable with {@code tx}.
     *
     * @param tx the caller's transaction
     * @param now when the request is made (the queued entries' update time)
     * @param vendorSkuCodes the codes, e.g. those reconciliation found drifted on Babyshop
     * @param reason why (logged)
     * @return how many codes were queued or handed to intake
     * @throws NullPointerException if an argument or a code is null
     */
    public static int requestFor(SyncTransaction tx, Instant now, Collection<String> vendorSkuCodes, String reason) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(reason, "reason");
        List<String> codes = new LinkedHashSet<>(vendorSkuCodes).stream().map(Objects::requireNonNull)
                .filter(RemoteKey::isValid).toList();
        if (codes.isEmpty()) {
            return 0;
        }
        Map<String, SkuLink> links = tx.catalog().links(codes);
        Map<String, InventoryState> ledger = links.isEmpty() ? Map.of() : tx.inventory().find(links.keySet());
        int forced = 0;
        for (SkuLink link : links.values()) {
            InventoryState state = ledger.get(link.vendorSkuCode());
            if (state == null || !state.sku().equals(link.sku())) {
                tx.catalog().saveLink(link);
                forced++;
            } else if (state.pendingQuantity().isEmpty() && !state.deadLettered()
                    && state.acknowledgedQuantity().isPresent()) {
                tx.inventory().save(InventoryState.builder().from(state)
                        .pendingQuantity(state.acknowledgedQuantity()).attempts(0).lastError(Optional.empty())
                        .retryAt(Optional.empty()).updatedAt(now).build());
                forced++;
            }
        }
        LOG.info("inventory: {} of {} SKU(s) queued for a re-push ({})", forced, codes.size(), LogSafe.of(reason));
        return forced;
    }

    /** The walk a run does: the request token it serves and the sequence of the last link taken in. */
    record Walk(String token, long after) {
        /**
         * When the walk was asked for: the instant its token starts with ({@code <instant> <random id>}); a token
         * that does not start with one (not written by this class) counts as asked for now, so nothing is skipped.
         */
        Instant requestedAt(Instant now) {
            int space = token.indexOf(' ');
            return instant(Optional.of(space < 0 ? token : token.substring(0, space))).orElse(now);
        }
    }

    /**
     * The walk this run does, if any, in the flow's transaction: a new request's (from the first link), the one
     * in progress (from its cursor), or a periodic one when the last completed walk (or the first run that saw
     * links) is at least {@code every} old (zero: never). Records the start.
     */
    static Optional<Walk> plan(SyncTransaction tx, Instant now, Duration every) {
        Optional<String> requested = nonBlank(tx.cursors().get(REQUESTED));
        Optional<String> walking = nonBlank(tx.cursors().get(WALKING));
        if (requested.isPresent() && !requested.equals(walking)
                && !requested.equals(nonBlank(tx.cursors().get(COMPLETED_FOR)))) {
            tx.cursors().put(WALKING, requested.get());
            tx.cursors().put(SEQUENCE, "0");
            return Optional.of(new Walk(requested.get(), 0));
        }
        if (walking.isPresent()) {
            return Optional.of(new Walk(walking.get(), sequence(tx.cursors().get(SEQUENCE))));
        }
        if (every.isZero()) {
            return Optional.empty();
        }
        Optional<Instant> since = instant(tx.cursors().get(COMPLETED_AT)).or(() -> instant(tx.cursors().get(SINCE)));
        if (since.isEmpty()) {
            if (!tx.catalog().linksChangedAfter(0, 1).isEmpty()) {
                tx.cursors().put(SINCE, now.toString());
            }
            return Optional.empty();
        }
        if (since.get().plus(every).isAfter(now)) {
            return Optional.empty();
        }
        String token = now + " " + UUID.randomUUID();
        tx.cursors().put(REQUESTED, token);
        tx.cursors().put(REASON, PERIODIC);
        tx.cursors().put(WALKING, token);
        tx.cursors().put(SEQUENCE, "0");
        LOG.info("inventory: the last walk over every link is {} old or more; re-asserting every SKU's stock", every);
        return Optional.of(new Walk(token, 0));
    }

    /**
     * Records, in the transaction that took a page in, that {@code walk} has taken in every link up to
     * {@code sequence}, and when {@code last}, that it completed at {@code now}. A walk a newer request replaced
     * meanwhile records nothing (the next run starts the new one from the first link).
     */
    static void advance(SyncTransaction tx, Walk walk, long sequence, boolean last, Instant now) {
        if (!nonBlank(tx.cursors().get(WALKING)).equals(Optional.of(walk.token()))) {
            return;
        }
        if (last) {
            tx.cursors().put(WALKING, "");
            tx.cursors().put(SEQUENCE, "");
            tx.cursors().put(COMPLETED_AT, now.toString());
            tx.cursors().put(COMPLETED_FOR, walk.token());
        } else {
            tx.cursors().put(SEQUENCE, Long.toString(sequence));
        }
    }

    /** When the last walk completed, from the cursors of {@code tx}; empty when none has. */
    public static Optional<Instant> lastCompleted(SyncTransaction tx) {
        return instant(tx.cursors().get(COMPLETED_AT));
    }

    /** Whether a walk is requested or in progress and not completed yet, from the cursors of {@code tx}. */
    public static boolean inProgress(SyncTransaction tx) {
        Optional<String> requested = nonBlank(tx.cursors().get(REQUESTED));
        return nonBlank(tx.cursors().get(WALKING)).isPresent()
                || requested.isPresent() && !requested.equals(nonBlank(tx.cursors().get(COMPLETED_FOR)));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.filter(text -> !text.isBlank());
    }

    private static long sequence(Optional<String> value) {
        try {
            return value.map(String::trim).map(Long::parseLong).filter(sequence -> sequence >= 0).orElse(0L);
        } catch (NumberFormatException e) {
            return 0L; // walk from the first link again: harmless, it costs the pushes once more
        }
    }

    private static Optional<Instant> instant(Optional<String> value) {
        try {
            return nonBlank(value).map(String::trim).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
