package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.catalog.SkuRejection;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.LinkChange;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory flow (host -> Babyshop): the host is the inventory master and the Vendor SKU Code is the
 * key; the flow pushes what changed, coalesced per SKU, 100 SKUs to a call, and follows up moderation.
 *
 * <p>A run has three steps.
 * <ol>
 *   <li><b>Intake.</b> It reads the host's change feed ({@code hostInventory().changedSkus(token)}, token
 *       cursor {@value #FEED_TOKEN}, again while {@code hasMore}); then it takes in the links saved since
 *       its last run, {@value #LINK_PAGE} to a page of the catalog store's link change feed
 *       ({@code catalog().linksChangedAfter(sequence, limit)}, sequence cursor {@value #LINK_CURSOR}): of
 *       each page, the codes the ledger has no entry for or whose entry is for another SKU (a relink), so a
 *       SKU whose stock changed before it had a link still reaches Babyshop, whenever and wherever the
 *       catalog flow linked it. A page's last sequence is committed in the transaction of its last stock
 *       batch, so a failure before that reads the page again, never skips it. A link is taken in once per
 *       save: one whose code the host reports in no hub then comes back through the host's feed. A run's
 *       intake costs O(codes in the host's feed + links saved since the last run): it never reads every
 *       link or every ledger entry, and looks links and ledger entries up in batches. Only codes
 *       with a {@link SkuLink} (recorded by the catalog flow for SKUs with a valid Vendor SKU Code) are
 *       considered: a SKU without a link is never pushed. Their stock is read in batches of
 *       {@value #STOCK_BATCH} ({@code hostInventory().available(codes)}); the quantity for Babyshop is the
 *       available stock summed over the hubs that serve the store ({@code hubMapping().hubs()}), or over
 *       <em>every hub the host reports when the hub mapping names none</em>, floored at 0 and rounded
 *       down to the 3 decimals Babyshop takes (never over-sell). A linked code the host reports in no hub
 *       is unknown to the host and is not pushed (one it reports with 0 is pushed as 0). <b>Each host
 *       value is checked before any arithmetic</b> ({@link #quantityProblem}): it must lie between
 *       {@code -}{@value #MAX_HOST_QUANTITY} and {@value #MAX_HOST_QUANTITY} (a negative value is an
 *       oversold hub: it counts, and the total is floored at 0) with at most {@value #MAX_HOST_SCALE}
 *       decimals. A SKU with a value outside that range is not taken in (its ledger entry is left as it
 *       was), is reported through {@code listener.inventoryRejected} with the reason and counted as failed;
 *       the other SKUs go on. In one transaction per batch the ledger's pending quantity
 *       is set where the quantity differs from {@link InventoryState#acknowledgedQuantity()} (compared
 *       with {@code compareTo}; only the latest pending quantity is kept), and cleared where it equals it;
 *       a changed quantity also clears attempts and dead-letter state (a dead-lettered SKU is re-queued
 *       once per new quantity). The feed's next token is saved in the transaction of its last batch, so
 *       a failure before that reads the same changes again.</li>
 *   <li><b>Push.</b> While {@code inventory().pending(now - retryDelay, ...)} has due work (a state never
 *       tried, or whose last failure is at least {@link EngineOptions#retryDelay()} old; the store reads only
 *       those, least recently updated first): one
 *       {@code channel().pushInventory(items)} call of at most {@link ChannelLimits#MAX_BATCH} SKUs (never the
 *       same Babyshop SKU twice in one call). Its answer is committed
 *       in one transaction: an accepted SKU gets {@code acknowledgedQuantity} = the pushed quantity, its
 *       moderation id and status, and its pending quantity cleared <em>only if it is still the one
 *       pushed</em> (a newer one stays queued); a SKU rejected with code {@value #UNKNOWN_SKU} (unknown
 *       SKU) is dead-lettered at once with the reason; a rejection without a code (or a SKU the answer
 *       does not mention) counts an attempt and is dead-lettered after {@link EngineOptions#maxAttempts()}.
 *       <b>Bisection:</b> a call Babyshop refuses as a whole with code {@value #UNKNOWN_SKU} (at least one SKU
 *       unknown, the API does not say which) is split in halves, each pushed as a call of its own, until the
 *       unknown SKUs are isolated (one-SKU calls) and dead-lettered; each half's answer is committed as it
 *       comes. Every call of a bisection is a call of this flow, charged to its tier of the quota budget.
 *       Failed SKUs are tried again after {@link EngineOptions#retryDelay()}, never twice in one run. A
 *       retryable failure of the whole call counts an attempt on every SKU of the call (never
 *       dead-lettering them: an outage is not the SKUs' fault), stops the run's pushing and ends it
 *       {@link FlowOutcome#FAILED} with the error; a {@link QuotaExceededException} (the budget keeps its
 *       calls for more urgent flows, or Babyshop refused) only stops it ({@link FlowOutcome#WAITING_ON_QUOTA}):
 *       the SKUs not settled by then, the halves of a bisection not yet sent included, stay pending as they
 *       were, for the next run. A non-retryable failure (credentials refused, ...) is
 *       rethrown. A pending quantity Babyshop cannot take (more than 7 integer digits) is dead-lettered
 *       without a call.</li>
 *   <li><b>Moderation follow-up.</b> After the pushes (so it never takes quota a push of the run needs), quota
 *       allowing, the moderation ids that are due ({@code inventory().awaitingModeration(now, limit)}, earliest
 *       due first; never one acknowledged in this very run) are asked with {@code channel().moderationStatus(ids)},
 *       {@link ChannelLimits#MAX_BATCH} per call (Babyshop states no maximum; 100 is Q37's safe reading). An id
 *       is first due {@link EngineOptions#moderationCheckDelay()} after its push, when its status is likely
 *       final. A run sends a call only when it can fill it, or when the earliest due id has waited
 *       {@link EngineOptions#moderationMaxWait()} since its push (been due for {@code moderationMaxWait -
 *       moderationCheckDelay}), so at low churn the ids of several runs share one call. A final status is saved
 *       and ends the id's reads; one other than {@value #APPROVED} or {@code Pending} (Babyshop documents only
 *       {@code Pending}; anything else is final) is reported through {@code listener.inventoryRejected}, as it
 *       is when the push's own answer already carries one. A {@code Pending} answer (or none) schedules the id
 *       again after a back-off: the time since its push, at least the check delay, at most the max wait
 *       (10, 20, 40 minutes, then hourly with the defaults). The ledger keeps only the latest push's id, so a
 *       superseded id is never asked: a new push replaces the id and restarts its schedule.
 *       <p><b>The guarantee:</b> the latest pushed quantity of every SKU gets its final moderation status read,
 *       and a refusal reported, unless a newer push of that SKU supersedes it first; its first read happens
 *       between {@code moderationCheckDelay} and {@code moderationMaxWait} after the push, quota allowing
 *       (a run that finds no quota left leaves the ids due for the next run). A status still {@code Pending}
 *       then is read again after each back-off, each read again within {@code moderationMaxWait -
 *       moderationCheckDelay} of its due time. What it costs: one call per 100 pushed SKUs (plus the
 *       re-reads of ids still {@code Pending} at their check), never more than one partial call per
 *       {@code moderationMaxWait - moderationCheckDelay}.
 *       <p><b>A refusal is retried</b> ({@link InventoryRefusals}): Babyshop did not apply the quantity, so it no
 *       longer counts as acknowledged and is queued again with the refusal's reason as its last error, due after
 *       a back-off of {@code retryDelay x 2^(n-1)} (at most a day) for the n-th refusal in a row
 *       ({@link InventoryState#retryAt()}); at {@link EngineOptions#maxModerationRefusals()} refusals it is
 *       dead-lettered with the reason. A newer host quantity supersedes a refused one at once; an approval
 *       starts the count again. Each refusal reaches {@code listener.inventoryRejected} with its reason.</li>
 *   <li><b>Walk over every link</b> (hard sync, periodic re-assertion; see {@link InventoryResync} and
 *       {@link InventoryWalk}): last, and only when the run's pushes and reads went through (no quota stop, no
 *       failure), the walk requested or due goes on page by page of links, queueing every linked SKU's quantity
 *       even when acknowledged ({@link #afterForcedIntake}) and pushing it before the next page; a quota stop
 *       leaves it at its cursor for the next run (the run ends {@link FlowOutcome#WAITING_ON_QUOTA}, so the
 *       engine's continuation brings it back).</li>
 * </ol>
 *
 * <p>The report counts stock levels read ({@code fetched}), SKUs acknowledged ({@code pushed}), SKUs
 * rejected, dead-lettered or refused in moderation ({@code failed}), and the quota left. It ends
 * {@link FlowOutcome#WAITING_ON_QUOTA} when it stopped for quota with work left. When the host's feed or
 * stock read fails, intake stops there (the token stays, so the changes are read again), the push and
 * follow-up of already queued work still run, and the run ends {@link FlowOutcome#FAILED} with the error.
 * Listener calls are made after the transaction that records their outcome has committed.
 *
 * <p>Stateless and thread-safe: all state lives in the {@link io.github.babyshopsdk.sync.state.SyncStateStore};
 * the engine's lease keeps two runs of one store apart, and each acknowledgement re-reads the ledger so a
 * quantity queued meanwhile is never lost.
 */
final class InventoryFlow implements FlowRun {
    /** The cursor holding the host change feed's next token. */
    public static final String FEED_TOKEN = "inventory.feedToken";
    /** The cursor holding the sequence of the last link taken in (the catalog store's link change feed). */
    public static final String LINK_CURSOR = "inventory.linkSequence";
    /** Vendor SKU Codes per {@code hostInventory().available} read. */
    static final int STOCK_BATCH = 500;
    /** Links per read of the catalog store's change feed. */
    static final int LINK_PAGE = 500;
    /** The response code of an unknown SKU ({@code [SKU & Seller] Code Combination not found}). */
    static final int UNKNOWN_SKU = 304;
    /** The final moderation status that means the change was applied. */
    static final String APPROVED = "Approved";
    /** The largest host stock value (in absolute value) taken in for one hub: one billion. */
    public static final long MAX_HOST_QUANTITY = 1_000_000_000L;
    /** The most decimals a host stock value may have. */
    public static final int MAX_HOST_SCALE = 9;
    /** The longest moderation status kept (the ledger column holds 100). */
    static final int MAX_MODERATION_STATUS = 64;
    /** The decimals inventoryPriceUpdate takes (Decimal(10,3)). */
    private static final int QUANTITY_SCALE = 3;

    private static final Logger LOG = LoggerFactory.getLogger(InventoryFlow.class);

    @Override
    public Flow flow() {
        return Flow.INVENTORY;
    }

    @Override
    public FlowReport run(FlowContext context, Instant now) {
        return new Run(context, now).execute();
    }

    /**
     * The quantity for Babyshop of each of {@code codes}: available stock summed over {@code hubs} (every
     * hub when empty), floored at 0, rounded down to 3 decimals; a code the host reports in no hub is absent
     * (unknown to the host: not pushed), and so is a code with a host value out of range (see
     * {@link #quantityProblem}).
     */
    static Map<String, BigDecimal> quantities(Collection<String> codes, List<StockLevel> levels, Set<String> hubs) {
        return quantities(codes, levels, hubs, new LinkedHashMap<>());
    }

    /**
     * As {@link #quantities(Collection, List, Set)}, putting each code left out for a host value out of
     * range into {@code refused}, with the reason. No arithmetic is done on a value before it is checked,
     * so one SKU's value can never fail the others.
     */
    static Map<String, BigDecimal> quantities(Collection<String> codes, List<StockLevel> levels, Set<String> hubs,
                                              Map<String, String> refused) {
        return quantities(codes, levels, hubs, SafetyStock.none(), refused);
    }

    /**
     * As {@link #quantities(Collection, List, Set, Map)}, with the {@code safetyStock} rule applied to each code's
     * stock in the hubs that count ({@link SafetyStock#apply}: hub reserves per hub, then the SKU's or the global
     * reserve on the total) before the rounding down to 3 decimals. A code reported only in hubs that do not
     * count gets 0.
     */
    static Map<String, BigDecimal> quantities(Collection<String> codes, List<StockLevel> levels, Set<String> hubs,
                                              SafetyStock safetyStock, Map<String, String> refused) {
        Map<String, Map<String, BigDecimal>> byHub = new LinkedHashMap<>();
        Set<String> asked = new HashSet<>(codes);
        for (StockLevel level : levels) {
            String code = level.vendorSkuCode();
            if (!asked.contains(code) || refused.containsKey(code)) {
                continue;
            }
            Optional<String> problem = quantityProblem(level.available());
            if (problem.isPresent()) {
                refused.put(code, "the host's available stock in hub " + level.hub() + " " + problem.get());
                byHub.remove(code);
                continue;
            }
            // a code the host reports in any hub is known to it (0 in the mapped hubs is pushed as 0);
            // a code it reports nowhere is unknown to it and is not pushed at all
            Map<String, BigDecimal> counted = byHub.computeIfAbsent(code, c -> new LinkedHashMap<>());
            if (hubs.isEmpty() || hubs.contains(level.hub())) {
                counted.merge(level.hub(), level.available(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        byHub.forEach((code, counted) -> sums.put(code, normalize(safetyStock.apply(code, counted))));
        return sums;
    }

    /**
     * Why a host stock value is not taken in, or empty when it is: it must lie between
     * {@code -}{@value #MAX_HOST_QUANTITY} and {@value #MAX_HOST_QUANTITY} and have at most
     * {@value #MAX_HOST_SCALE} decimals. Checked on the value's precision and scale, without arithmetic that
     * could blow up ({@code 1e999999999}, {@code 1e-999999999}).
     */
    static Optional<String> quantityProblem(BigDecimal value) {
        if (value == null) {
            return Optional.of("is missing");
        }
        // digits before the decimal point: precision - scale (as a long: both are ints of any sign)
        long integerDigits = (long) value.precision() - value.scale();
        boolean inRange = integerDigits <= 9 || (integerDigits == 10
                && value.abs().compareTo(BigDecimal.valueOf(MAX_HOST_QUANTITY)) <= 0);
        if (!inRange) {
            return Optional.of("is out of range (at most " + MAX_HOST_QUANTITY + " in absolute value): "
                    + LogSafe.of(value.toString()));
        }
        if (value.scale() > MAX_HOST_SCALE && value.stripTrailingZeros().scale() > MAX_HOST_SCALE) {
            return Optional.of("has more than " + MAX_HOST_SCALE + " decimals: " + LogSafe.of(value.toString()));
        }
        return Optional.empty();
    }

    private static BigDecimal normalize(BigDecimal quantity) {
        BigDecimal floored = quantity.signum() < 0 ? BigDecimal.ZERO : quantity;
        return floored.scale() > QUANTITY_SCALE ? floored.setScale(QUANTITY_SCALE, RoundingMode.FLOOR) : floored;
    }

    /**
     * The ledger entry after intake found {@code quantity} for a linked code, or empty when nothing
     * changes. Pushing is due when the quantity (or the linked SKU) differs from what Babyshop
     * acknowledged; the latest quantity replaces any pending one.
     */
    static Optional<InventoryState> afterIntake(Optional<InventoryState> current, SkuLink link,
                                                BigDecimal quantity, Instant at) {
        if (current.isEmpty()) {
            return Optional.of(InventoryState.builder().vendorSkuCode(link.vendorSkuCode()).sku(link.sku())
                    .pendingQuantity(quantity).updatedAt(at).build());
        }
        InventoryState state = current.get();
        boolean sameSku = state.sku().equals(link.sku());
        boolean acknowledged = sameSku && state.acknowledgedQuantity().filter(ack -> ack.compareTo(quantity) == 0)
                .isPresent();
        if (acknowledged) {
            if (state.pendingQuantity().isEmpty()) {
                return Optional.empty();
            }
            // Babyshop already has it: whatever was queued (or dead-lettered) is stale.
            return Optional.of(InventoryState.builder().from(state).pendingQuantity(Optional.empty()).attempts(0)
                    .lastError(Optional.empty()).deadLettered(false).retryAt(Optional.empty()).updatedAt(at)
                    .build());
        }
        boolean alreadyQueued = sameSku && state.pendingQuantity().filter(p -> p.compareTo(quantity) == 0)
                .isPresent();
        if (alreadyQueued) {
            return Optional.empty(); // queued, or dead-lettered for this very quantity: not re-queued
        }
        return Optional.of(InventoryState.builder().from(state).sku(link.sku()).pendingQuantity(quantity).attempts(0)
                .lastError(Optional.empty()).deadLettered(false).retryAt(Optional.empty()).moderationRefusals(0)
                .updatedAt(at).build());
    }

    /**
     * As {@link #afterIntake}, for a walk over every link (a hard sync, the periodic re-assertion): a quantity
     * equal to the acknowledged one is queued too (a forced re-push), unless it is already queued (in a back-off
     * or dead-lettered included: dead letters are re-driven on their own) or Babyshop acknowledged it after
     * {@code requestedAt}, the time the walk was asked for (a push after the request corrects Babyshop as well as the
     * walk's would; so a hard sync during a backlog does not push a SKU twice in one run).
     */
    static Optional<InventoryState> afterForcedIntake(Optional<InventoryState> current, SkuLink link,
                                                      BigDecimal quantity, Instant at, Instant requestedAt) {
        Optional<InventoryState> regular = afterIntake(current, link, quantity, at);
        if (current.isEmpty()) {
            return regular;
        }
        InventoryState state = current.get();
        boolean sameSku = state.sku().equals(link.sku());
        boolean acknowledged = sameSku && state.acknowledgedQuantity().filter(ack -> ack.compareTo(quantity) == 0)
                .isPresent();
        boolean pushedSinceRequest = state.moderationSince().filter(since -> since.isAfter(requestedAt)).isPresent();
        if (acknowledged && pushedSinceRequest) {
            return regular; // Babyshop took this very quantity after the walk was asked for: pushing it again adds nothing
        }
        boolean queued = sameSku && state.pendingQuantity().filter(p -> p.compareTo(quantity) == 0).isPresent();
        if (!acknowledged || queued) {
            return regular;
        }
        return Optional.of(InventoryState.builder().from(state).pendingQuantity(quantity).attempts(0)
                .lastError(Optional.empty()).deadLettered(false).retryAt(Optional.empty()).updatedAt(at).build());
    }

    /** Whether a moderation status means its status is still to be read: absent or {@code Pending}. */
    static boolean awaitsStatus(Optional<String> status) {
        return status.map(InventoryModeration.PENDING::equalsIgnoreCase).orElse(true);
    }

    /** Whether a moderation status is final and not an approval: a refusal to report. */
    static boolean isRefusal(Optional<String> status) {
        return status.filter(value -> !value.isBlank() && !value.equalsIgnoreCase(InventoryModeration.PENDING)
                && !value.trim().equalsIgnoreCase(APPROVED)).isPresent();
    }

    /** One page of the link change feed: its size, its last sequence and the codes not taken in yet. */
    private record LinkPage(int size, long lastSequence, List<String> codes) {
    }

    /** A listener call to make once its transaction has committed. */
    private interface Event {
        void fire(FlowContext context);
    }

    /** One run's working state; confined to the running thread. */
    private static final class Run {
        private final FlowContext context;
        private final Instant now;
        private final Set<String> moderationIdsOfThisRun = new HashSet<>();
        private int fetched;
        private int pushed;
        private int failed;
        private boolean waitingOnQuota;
        private boolean interrupted;
        private String error;

        Run(FlowContext context, Instant now) {
            this.context = context;
            this.now = now;
        }

        FlowReport execute() {
            intake();
            boolean goOn = !interrupted && push();
            if (goOn) {
                followUpModeration();
            }
            if (goOn && !interrupted && !waitingOnQuota && error == null) {
                walk(); // the lowest priority work: after the run's real changes and moderation reads
            }
            FlowOutcome outcome = interrupted ? FlowOutcome.INTERRUPTED
                    : error != null ? FlowOutcome.FAILED
                    : waitingOnQuota ? FlowOutcome.WAITING_ON_QUOTA
                    : FlowOutcome.COMPLETED;
            return FlowReport.builder().flow(Flow.INVENTORY).outcome(outcome).startedAt(now)
                    .finishedAt(context.clock().instant()).fetched(fetched).pushed(pushed).failed(failed)
                    .quotaRemaining(context.quota().remaining()).error(Optional.ofNullable(error)).build();
        }

        // ---- step 4: walk over every link (hard sync, periodic re-assertion) ---------------------

        private void walk() {
            Set<String> hubs = read(tx -> tx.settings().hubMapping().hubs());
            InventoryWalk walk = new InventoryWalk(context, now, new InventoryWalk.Steps() {
                @Override
                public boolean takeInForced(List<String> codes, Instant requestedAt, Consumer<SyncTransaction> onLast) {
                    return takeIn(codes, hubs, onLast, Optional.of(requestedAt));
                }

                @Override
                public boolean push() {
                    return Run.this.push();
                }

                @Override
                public <T> T read(Function<SyncTransaction, T> work) {
                    return Run.this.read(work);
                }
            });
            if (!walk.run() && Thread.currentThread().isInterrupted()) {
                interrupted = true;
            }
        }

        // ---- step 1: intake ------------------------------------------------------------------------

        private void intake() {
            Set<String> hubs = read(tx -> tx.settings().hubMapping().hubs());
            // the host's feed first, then the SKUs linked (or relinked) since the last run that it did not bring:
            // their stock may have changed before they had a link, so the host's feed alone would never bring
            // them back
            if (takeInHostFeed(hubs)) {
                takeInChangedLinks(hubs);
            }
        }

        /** Takes in the host's change feed; false when intake must stop (host failure, interrupt). */
        private boolean takeInHostFeed(Set<String> hubs) {
            Optional<String> token = read(tx -> tx.cursors().get(FEED_TOKEN));
            while (true) {
                ChangeFeed<String> feed;
                try {
                    feed = context.hostInventory().changedSkus(token);
                } catch (RuntimeException e) {
                    hostFailed("reading the host's stock change feed", e);
                    return false;
                }
                // a code that is no valid key can have no link (the catalog flow never records one)
                List<String> valid = new LinkedHashSet<>(feed.items()).stream().filter(RemoteKey::isValid).toList();
                Set<String> withLink = valid.isEmpty() ? Set.of() : read(tx -> tx.catalog().links(valid).keySet());
                List<String> linked = valid.stream().filter(withLink::contains).toList();
                String nextToken = feed.nextToken();
                if (!takeIn(linked, hubs, tx -> tx.cursors().put(FEED_TOKEN, nextToken), Optional.empty())) {
                    return false;
                }
                if (!feed.hasMore()) {
                    return true;
                }
                if (token.filter(feed.nextToken()::equals).isPresent()) {
                    LOG.warn("inventory: the host feed says it has more but gave the same token {}; stopping",
                            LogSafe.of(feed.nextToken()));
                    return true;
                }
                token = Optional.of(feed.nextToken());
            }
        }

        /**
         * Takes in the links saved since the cursor {@value #LINK_CURSOR}, {@value #LINK_PAGE} to a page of the
         * catalog store's change feed: those the ledger has no entry for, or whose entry is for another SKU.
         * Each page's last sequence is committed with the batch that took its links in. False when intake must
         * stop (host failure, interrupt).
         */
        private boolean takeInChangedLinks(Set<String> hubs) {
            long cursor = linkCursor();
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    return false;
                }
                long after = cursor;
                LinkPage page = read(tx -> {
                    List<LinkChange> changes = tx.catalog().linksChangedAfter(after, LINK_PAGE);
                    if (changes.isEmpty()) {
                        return new LinkPage(0, after, List.of());
                    }
                    Map<String, InventoryState> ledger = tx.inventory().find(changes.stream()
                            .map(change -> change.link().vendorSkuCode()).toList());
                    List<String> notTakenIn = changes.stream().map(LinkChange::link)
                            .filter(link -> RemoteKey.isValid(link.vendorSkuCode()))
                            .filter(link -> Optional.ofNullable(ledger.get(link.vendorSkuCode()))
                                    .map(state -> !state.sku().equals(link.sku())).orElse(true))
                            .map(SkuLink::vendorSkuCode).toList();
                    return new LinkPage(changes.size(), changes.get(changes.size() - 1).sequence(), notTakenIn);
                });
                if (page.size() == 0) {
                    return true;
                }
                String next = Long.toString(page.lastSequence());
                if (!takeIn(page.codes(), hubs, tx -> tx.cursors().put(LINK_CURSOR, next), Optional.empty())) {
                    return false;
                }
                cursor = page.lastSequence();
                if (page.size() < LINK_PAGE) {
                    return true;
                }
            }
        }

        /** The link cursor; 0 (take every link in again: harmless) when absent or unreadable. */
        private long linkCursor() {
            Optional<String> value = read(tx -> tx.cursors().get(LINK_CURSOR));
            try {
                return value.map(Long::parseLong).filter(sequence -> sequence >= 0).orElse(0L);
            } catch (NumberFormatException e) {
                LOG.warn("inventory: the cursor {} holds no sequence ({}); taking every link in again", LINK_CURSOR,
                        LogSafe.of(value.orElseThrow()));
                return 0L;
            }
        }

        /**
         * Takes in the stock of linked {@code codes}, {@value #STOCK_BATCH} to a host read and a transaction;
         * {@code onLast} runs in the transaction of the last batch (or alone when there is no code), to commit
         * the cursor that the codes came from; {@code forcedSince} (a walk's request time) queues a quantity even
         * when acknowledged, unless acknowledged since (see {@link #afterForcedIntake}). False when intake must stop
         * (host failure, interrupt).
         */
        private boolean takeIn(List<String> codes, Set<String> hubs, Consumer<SyncTransaction> onLast,
                               Optional<Instant> forcedSince) {
            if (codes.isEmpty()) {
                write(onLast);
                return true;
            }
            for (int from = 0; from < codes.size(); from += STOCK_BATCH) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    return false;
                }
                List<String> batch = codes.subList(from, Math.min(codes.size(), from + STOCK_BATCH));
                boolean last = from + STOCK_BATCH >= codes.size();
                List<StockLevel> levels;
                try {
                    levels = context.hostInventory().available(batch);
                } catch (RuntimeException e) {
                    hostFailed("reading the host's available stock", e);
                    return false;
                }
                fetched += levels.size();
                Map<String, String> refused = new LinkedHashMap<>();
                Map<String, BigDecimal> quantities = quantities(batch, levels, hubs,
                        read(tx -> tx.settings().safetyStock()), refused);
                refused.forEach((code, reason) -> {
                    failed++;
                    LOG.warn("inventory: stock of {} not taken in: {}", LogSafe.of(code), LogSafe.of(reason));
                    context.listener().inventoryRejected(code, reason);
                });
                Instant at = context.clock().instant();
                write(tx -> {
                    Map<String, SkuLink> links = quantities.isEmpty() ? Map.of()
                            : tx.catalog().links(quantities.keySet());
                    Map<String, InventoryState> ledger = links.isEmpty() ? Map.of()
                            : tx.inventory().find(links.keySet());
                    quantities.forEach((code, quantity) -> {
                        SkuLink link = links.get(code);
                        if (link != null) {
                            (forcedSince.isPresent()
                                    ? afterForcedIntake(Optional.ofNullable(ledger.get(code)), link, quantity, at,
                                            forcedSince.get())
                                    : afterIntake(Optional.ofNullable(ledger.get(code)), link, quantity, at))
                                    .ifPresent(tx.inventory()::save);
                        }
                    });
                    if (last) {
                        onLast.accept(tx);
                    }
                });
            }
            return true;
        }

        private void hostFailed(String what, RuntimeException e) {
            error = StoredText.of("host inventory failed " + what + ": " + e);
            LOG.warn("inventory: {}; queued stock is still pushed, the changes are read again next run",
                    LogSafe.of(error));
        }

        // ---- step 2: push --------------------------------------------------------------------------

        /**
         * Pushes due pending quantities; false when the run must not call Babyshop again. Reads only due states
         * ({@code pending(now - retryDelay, ...)}), so a state waiting out its retry delay is never read; a
         * state already tried in this run is passed over (it is still due only with a zero retry delay).
         */
        private boolean push() {
            Set<String> tried = new HashSet<>();
            int triedStillDue = 0;
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    return false;
                }
                int limit = ChannelLimits.MAX_BATCH + triedStillDue;
                Instant at = context.clock().instant();
                Instant retryBy = retryBy(at);
                List<InventoryState> candidates = read(tx -> tx.inventory().pending(retryBy, at, limit));
                Map<String, InventoryState> batch = new LinkedHashMap<>();
                Map<InventoryState, String> unsendable = new LinkedHashMap<>();
                int seenTried = 0;
                for (InventoryState state : candidates) {
                    if (batch.size() == ChannelLimits.MAX_BATCH) {
                        break;
                    }
                    if (tried.contains(state.vendorSkuCode())) {
                        seenTried++;
                        continue; // tried in this run: never twice
                    }
                    if (batch.containsKey(state.sku())) {
                        continue; // its Babyshop SKU is already in this call
                    }
                    try {
                        item(state);
                        batch.put(state.sku(), state);
                    } catch (IllegalArgumentException e) {
                        unsendable.put(state, StoredText.of("Babyshop cannot take this quantity: " + e.getMessage()));
                    }
                }
                // read past the states tried in this run that are still due, next time
                triedStillDue = seenTried;
                if (!unsendable.isEmpty()) {
                    deadLetter(unsendable, at);
                }
                if (batch.isEmpty()) {
                    // all read were tried (the limit grows past them) or dead-lettered just now
                    if (candidates.size() < limit) {
                        return true;
                    }
                    continue;
                }
                if (!send(batch)) {
                    return false;
                }
                batch.values().forEach(state -> tried.add(state.vendorSkuCode()));
            }
        }

        /**
         * The latest update time at which a state with failed attempts is due again at {@code at}: a failed
         * push is tried again once {@link EngineOptions#retryDelay()} has passed since.
         */
        private Instant retryBy(Instant at) {
            try {
                return at.minus(context.options().retryDelay());
            } catch (DateTimeException | ArithmeticException e) {
                return Instant.MIN;
            }
        }

        private static InventoryItem item(InventoryState state) {
            return InventoryItem.of(state.sku(), state.pendingQuantity().orElseThrow());
        }

        /**
         * Pushes {@code batch} (1 to {@link ChannelLimits#MAX_BATCH} SKUs) in one call and settles the answer;
         * a batch refused with code {@value #UNKNOWN_SKU} is bisected. False when the run must not call Babyshop
         * again (quota refused, a failed call); SKUs not settled by then stay pending for the next run.
         */
        private boolean send(Map<String, InventoryState> batch) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                return false;
            }
            InventoryUpdateResult result;
            try {
                result = context.channel().pushInventory(batch.values().stream().map(Run::item).toList());
            } catch (QuotaExceededException e) {
                LOG.info("inventory: no quota left for this tier, {} SKU(s) wait for the next run: {}", batch.size(),
                        LogSafe.of(e.getMessage()));
                waitingOnQuota = true;
                return false;
            } catch (NotFoundException e) {
                if (e.responseCode().filter(ResponseCode.SKU_NOT_FOUND::equals).isEmpty()) {
                    throw e;
                }
                return bisect(batch, e);
            } catch (BabyshopException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                transportFailed(batch.values(), e);
                return false;
            }
            settle(batch, result);
            return true;
        }

        /**
         * A batch Babyshop refused because at least one of its SKUs is unknown (it does not say which): one SKU
         * is that SKU, rejected with the code; more are split in halves, each pushed as a call of its own
         * (about {@code 2 log2(n)} calls per unknown SKU, each charged to this flow's tier), the first half
         * settled before the second is sent. Repeating an absolute stock level is harmless.
         */
        private boolean bisect(Map<String, InventoryState> batch, NotFoundException refusal) {
            List<Map.Entry<String, InventoryState>> entries = new ArrayList<>(batch.entrySet());
            if (entries.size() == 1) {
                String sku = entries.get(0).getKey();
                LOG.debug("inventory: SKU {} is unknown to Babyshop ({})", LogSafe.of(sku), UNKNOWN_SKU);
                String reason = refusal.serverMessage().filter(message -> !message.isBlank())
                        .orElse("[SKU & Seller] Code Combination not found");
                settle(batch, InventoryUpdateResult.builder().addRejected(SkuRejection.of(sku, UNKNOWN_SKU, reason))
                        .build());
                return true;
            }
            LOG.debug("inventory: a call of {} SKUs was refused with {} (an unknown SKU); sending its halves",
                    entries.size(), UNKNOWN_SKU);
            int half = entries.size() / 2;
            return send(subBatch(entries.subList(0, half))) && send(subBatch(entries.subList(half, entries.size())));
        }

        private static Map<String, InventoryState> subBatch(List<Map.Entry<String, InventoryState>> entries) {
            Map<String, InventoryState> sub = new LinkedHashMap<>();
            entries.forEach(entry -> sub.put(entry.getKey(), entry.getValue()));
            return sub;
        }

        private void deadLetter(Map<InventoryState, String> unsendable, Instant at) {
            write(tx -> {
                Map<String, InventoryState> ledger = ledgerOf(tx, unsendable.keySet());
                unsendable.forEach((sent, reason) ->
                        Optional.ofNullable(ledger.get(sent.vendorSkuCode())).filter(state -> samePending(state, sent))
                                .ifPresent(state -> tx.inventory().save(InventoryState.builder().from(state)
                                        .attempts(state.attempts() + 1).lastError(reason).deadLettered(true)
                                        .updatedAt(at).build())));
            });
            unsendable.forEach((state, reason) -> {
                failed++;
                LOG.warn("inventory: {} dead-lettered: {}", LogSafe.of(state.vendorSkuCode()), LogSafe.of(reason));
                context.listener().inventoryRejected(state.vendorSkuCode(), reason);
            });
        }

        private void transportFailed(Collection<InventoryState> sent, BabyshopException e) {
            error = StoredText.of("pushing stock to Babyshop failed: " + e.getMessage());
            LOG.warn("inventory: {}; {} SKU(s) are tried again after the retry delay", LogSafe.of(error), sent.size());
            Instant at = context.clock().instant();
            write(tx -> {
                Map<String, InventoryState> ledger = ledgerOf(tx, sent);
                sent.forEach(pushedState -> Optional.ofNullable(ledger.get(pushedState.vendorSkuCode()))
                        .filter(state -> samePending(state, pushedState))
                        .ifPresent(state -> tx.inventory().save(InventoryState.builder().from(state)
                                // Babyshop may have applied the push: the old acknowledgement no longer holds,
                                // so the next intake pushes the host's level whatever it is
                                .acknowledgedQuantity(Optional.empty())
                                .attempts(state.attempts() + 1).lastError(error).updatedAt(at).build())));
            });
        }

        /** Commits one call's answer in one transaction, then tells the listener. */
        private void settle(Map<String, InventoryState> batch, InventoryUpdateResult result) {
            Map<String, InventoryModeration> accepted = new HashMap<>();
            result.accepted().forEach(moderation -> accepted.putIfAbsent(moderation.sku(), moderation));
            Map<String, SkuRejection> rejected = new HashMap<>();
            result.rejected().forEach(rejection -> rejected.putIfAbsent(rejection.sku(), rejection));
            Instant at = context.clock().instant();
            int maxAttempts = context.options().maxAttempts();
            List<Event> events = read(tx -> {
                List<Event> done = new ArrayList<>();
                Map<String, InventoryState> ledger = ledgerOf(tx, batch.values());
                batch.forEach((sku, sent) -> {
                    String code = sent.vendorSkuCode();
                    BigDecimal quantity = sent.pendingQuantity().orElseThrow();
                    Optional<InventoryState> current = Optional.ofNullable(ledger.get(code));
                    InventoryModeration moderation = accepted.get(sku);
                    if (moderation != null) {
                        Optional<InventoryState> acknowledged = current.map(state -> acknowledge(state, sent,
                                moderation, at));
                        done.add(c -> {
                            pushed++;
                            c.listener().inventoryPushed(code, quantity);
                        });
                        if (isRefusal(moderation.status())) {
                            String status = boundedStatus(moderation.status()).orElseThrow();
                            InventoryRefusals.Outcome outcome = acknowledged.map(state -> InventoryRefusals.refused(
                                    state, status, at, context.options())).orElse(null);
                            acknowledged = Optional.ofNullable(outcome).map(InventoryRefusals.Outcome::state);
                            String reason = outcome == null ? "moderation status " + status : outcome.reason();
                            done.add(c -> refused(code, reason));
                        }
                        acknowledged.ifPresent(tx.inventory()::save);
                        return;
                    }
                    SkuRejection rejection = rejected.getOrDefault(sku,
                            SkuRejection.of(sku, null, "Babyshop's answer did not mention the SKU"));
                    boolean unknown = rejection.code().isPresent() && rejection.code().getAsInt() == UNKNOWN_SKU;
                    String reason = StoredText.of(rejection.reason() + (rejection.code().isPresent()
                            ? " (responseCode " + rejection.code().getAsInt() + ")" : ""));
                    current.filter(state -> samePending(state, sent) && !state.deadLettered()).ifPresent(state -> {
                        int attempts = state.attempts() + 1;
                        tx.inventory().save(InventoryState.builder().from(state).attempts(attempts).lastError(reason)
                                .deadLettered(unknown || attempts >= maxAttempts).updatedAt(at).build());
                    });
                    done.add(c -> refused(code, reason));
                });
                return done;
            });
            result.accepted().forEach(moderation -> moderationIdsOfThisRun.add(moderation.moderationId()));
            events.forEach(event -> event.fire(context));
        }

        /**
         * The state after Babyshop accepted {@code sent}: the pushed quantity is acknowledged; the pending
         * quantity is cleared only if it is still the one pushed.
         */
        private InventoryState acknowledge(InventoryState state, InventoryState sent, InventoryModeration moderation,
                                           Instant at) {
            BigDecimal quantity = sent.pendingQuantity().orElseThrow();
            // a moderation id that is no valid key cannot be kept nor followed up; an odd status is kept bounded
            Optional<String> moderationId = Optional.of(moderation.moderationId()).filter(RemoteKey::isValid);
            Optional<String> status = boundedStatus(moderation.status());
            // this push supersedes the previous one: its id, and its status read schedule, replace the old ones
            var next = InventoryState.builder().from(state).acknowledgedQuantity(quantity)
                    .moderationId(moderationId).moderationStatus(status)
                    .moderationSince(moderationId.map(id -> at))
                    .moderationCheckAt(moderationId.filter(id -> awaitsStatus(status))
                            .map(id -> at.plus(context.options().moderationCheckDelay())))
                    .updatedAt(at);
            if (status.filter(value -> value.trim().equalsIgnoreCase(APPROVED)).isPresent()) {
                next.moderationRefusals(0); // applied: a later refusal starts the back-off again
            }
            if (samePending(state, sent)) {
                next.pendingQuantity(Optional.empty()).attempts(0).lastError(Optional.empty()).deadLettered(false)
                        .retryAt(Optional.empty());
            } else if (state.pendingQuantity().isEmpty() && state.acknowledgedQuantity()
                    .filter(previous -> previous.compareTo(quantity) != 0).isPresent()) {
                // Intake cleared the pending quantity meanwhile because the host was back at the previously
                // acknowledged level; Babyshop now has what was pushed, so that level is due again.
                next.pendingQuantity(state.acknowledgedQuantity()).attempts(0).lastError(Optional.empty())
                        .deadLettered(false).retryAt(Optional.empty());
            }
            return next.build();
        }

        /** A moderation status fit for the ledger: as it is when a short valid key, else its storage form. */
        private static Optional<String> boundedStatus(Optional<String> status) {
            return status.map(value -> RemoteKey.isValid(value) && value.length() <= MAX_MODERATION_STATUS ? value
                    : RemoteKey.storageForm(value));
        }

        private void refused(String code, String reason) {
            failed++;
            LOG.warn("inventory: stock of {} refused: {}", LogSafe.of(code), LogSafe.of(reason));
            context.listener().inventoryRejected(code, reason);
        }

        /** The ledger entries (as they are now, in {@code tx}) of the codes of {@code states}: one batch read. */
        private static Map<String, InventoryState> ledgerOf(SyncTransaction tx, Collection<InventoryState> states) {
            return tx.inventory().find(states.stream().map(InventoryState::vendorSkuCode).toList());
        }

        private static boolean samePending(InventoryState state, InventoryState sent) {
            return state.sku().equals(sent.sku()) && state.pendingQuantity().isPresent()
                    && state.pendingQuantity().get().compareTo(sent.pendingQuantity().orElseThrow()) == 0;
        }

        // ---- step 3: moderation follow-up ----------------------------------------------------------

        /**
         * Reads the moderation statuses that are due, {@link ChannelLimits#MAX_BATCH} ids to a call, earliest due
         * first; a call that would not be full is sent only once its earliest id is overdue (due for
         * {@code moderationMaxWait - moderationCheckDelay}). Every id asked is settled: a final status is saved
         * (and a refusal reported) and ends its reads; {@code Pending}, or no usable answer, schedules it again
         * after the back-off.
         */
        private void followUpModeration() {
            Set<String> asked = new HashSet<>(moderationIdsOfThisRun); // never asked in the run that pushed them
            Instant dueBy = context.clock().instant();
            Instant overdueBy = dueBy.minus(context.options().moderationMaxWait()
                    .minus(context.options().moderationCheckDelay()));
            while (true) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    return;
                }
                int limit = ChannelLimits.MAX_BATCH + asked.size();
                List<InventoryState> due = read(tx -> tx.inventory().awaitingModeration(dueBy, limit));
                Map<String, String> codesById = new LinkedHashMap<>();
                Instant earliest = null; // the list is earliest due first
                for (InventoryState state : due) {
                    String id = state.moderationId().orElseThrow();
                    if (codesById.size() == ChannelLimits.MAX_BATCH || asked.contains(id)) {
                        continue;
                    }
                    codesById.putIfAbsent(id, state.vendorSkuCode());
                    if (earliest == null) {
                        earliest = state.moderationCheckAt().orElseThrow();
                    }
                }
                if (codesById.isEmpty()) {
                    return;
                }
                if (codesById.size() < ChannelLimits.MAX_BATCH && earliest.isAfter(overdueBy)) {
                    LOG.debug("inventory: {} moderation id(s) due; waiting to fill a call (earliest due at {})",
                            codesById.size(), earliest);
                    return;
                }
                Records<InventoryModeration> answer;
                try {
                    answer = context.channel().moderationStatus(new ArrayList<>(codesById.keySet()));
                } catch (QuotaExceededException e) {
                    LOG.info("inventory: no quota left for this tier, moderation follow-up waits: {}",
                            LogSafe.of(e.getMessage()));
                    waitingOnQuota = true;
                    return;
                } catch (BabyshopException e) {
                    if (!e.isRetryable()) {
                        throw e;
                    }
                    error = StoredText.of("reading moderation statuses failed: " + e.getMessage());
                    LOG.warn("inventory: {}", LogSafe.of(error));
                    return;
                }
                asked.addAll(codesById.keySet());
                answer.failures().forEach(failure -> LOG.warn("inventory: unreadable moderation record {}: {}",
                        LogSafe.of(failure.key().orElse("#" + failure.index())), LogSafe.of(failure.reason())));
                Map<String, String> statusById = new HashMap<>();
                for (InventoryModeration moderation : answer.records()) {
                    moderation.status().filter(status -> !status.isBlank())
                            .ifPresent(status -> statusById.putIfAbsent(moderation.moderationId(), status));
                }
                Instant at = context.clock().instant();
                List<Event> events = read(tx -> {
                    List<Event> done = new ArrayList<>();
                    codesById.forEach((id, code) -> {
                        // a newer push replaced the id meanwhile: its answer is stale, the new id has its own schedule
                        Optional<InventoryState> current = tx.inventory().find(code)
                                .filter(state -> state.moderationId().equals(Optional.of(id)));
                        if (current.isEmpty()) {
                            return;
                        }
                        Optional<String> status = boundedStatus(Optional.ofNullable(statusById.get(id)));
                        if (status.isPresent() && !awaitsStatus(status)) {
                            InventoryState settled = InventoryState.builder().from(current.get())
                                    .moderationStatus(status).moderationCheckAt(Optional.empty()).updatedAt(at)
                                    .build();
                            if (isRefusal(status)) {
                                InventoryRefusals.Outcome outcome = InventoryRefusals.refused(settled,
                                        status.orElseThrow(), at, context.options());
                                settled = outcome.state();
                                done.add(c -> refused(code, outcome.reason()));
                            } else {
                                settled = InventoryState.builder().from(settled).moderationRefusals(0).build();
                            }
                            tx.inventory().save(settled);
                            return;
                        }
                        // Pending, or no usable answer: asked again after the back-off. updatedAt is left as it
                        // is: it orders and times the push queue, which a new read schedule does not change.
                        InventoryState state = current.get();
                        tx.inventory().save(InventoryState.builder().from(state)
                                .moderationStatus(status.isPresent() ? status : state.moderationStatus())
                                .moderationCheckAt(at.plus(backOff(state, at))).build());
                    });
                    return done;
                });
                events.forEach(event -> event.fire(context));
            }
        }

        /**
         * The wait before a {@code Pending} id is asked again: the time since its push, at least
         * {@code moderationCheckDelay}, at most {@code moderationMaxWait}; so the waits double from the delay on.
         */
        private Duration backOff(InventoryState state, Instant at) {
            EngineOptions options = context.options();
            Duration sincePush = state.moderationSince().map(since -> Duration.between(since, at))
                    .orElse(Duration.ZERO);
            Duration atLeast = sincePush.compareTo(options.moderationCheckDelay()) < 0
                    ? options.moderationCheckDelay() : sincePush;
            return atLeast.compareTo(options.moderationMaxWait()) > 0 ? options.moderationMaxWait() : atLeast;
        }

        private <T> T read(Function<SyncTransaction, T> work) {
            return context.store().inTransaction(work);
        }

        private void write(Consumer<SyncTransaction> work) {
            context.store().inTransaction(tx -> {
                work.accept(tx);
                return null;
            });
        }
    }
}
