package io.github.babyshopsdk.sync.internal;

import static io.github.babyshopsdk.sync.internal.CatInvFixture.NOW;
import static io.github.babyshopsdk.sync.internal.CatInvFixture.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.state.InventoryState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The inventory flow's rules, one test (or a few) per rule; each test's javadoc names the rule it proves.
 * Babyshop and the host are fakes; state is the reference in-memory store; the clock is fixed and moved
 * between runs where a rule is about time.
 */
class InventoryFlowTest {
    private static final Duration RETRY = EngineOptions.defaults().retryDelay();

    private final CatInvFixture f = new CatInvFixture();

    private static HubMapping hubs(String defaultHub, String ruleHub) {
        return HubMapping.builder().defaultHub(defaultHub)
                .addRules(HubRule.builder().country("SAU").hub(ruleHub).build()).build();
    }

    private List<String> pushed() {
        return f.channel.pushes.stream().flatMap(List::stream)
                .map(item -> item.sku() + "=" + item.quantity().toPlainString()).toList();
    }

    // ---- intake ------------------------------------------------------------------------------------

    /** Rule: stock is pushed only through a SkuLink; a SKU without a valid code (no link) is never pushed, nor its stock read. */
    @Test
    void skuWithoutALinkIsNeverPushed() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5").stock("NOLINK", "H1", "9").feed(null, List.of("V1", "NOLINK"), "t1", false);

        f.runInventory();

        assertThat(pushed()).containsExactly("S1=5");
        assertThat(f.host.stockReads).containsExactly(List.of("V1"));
        assertThat(f.inventory("NOLINK")).isEmpty();
    }

    /** Rule: the quantity is the host's available stock summed over the hubs that serve the store (hub mapping). */
    @Test
    void quantityIsSummedOverTheHubsThatServeTheStore() {
        f.link("V1", "S1").hubMapping(hubs("H1", "H2"));
        f.host.stock("V1", "H1", "3").stock("V1", "H2", "4.5").stock("V1", "OTHER", "100");

        f.runInventory();

        assertThat(pushed()).containsExactly("S1=7.5");
    }

    /** Rule: with an empty hub mapping, every hub the host reports counts. */
    @Test
    void emptyHubMappingCountsEveryHub() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "3").stock("V1", "H9", "2");

        f.runInventory();

        assertThat(pushed()).containsExactly("S1=5");
    }

    /** Rule: the total is floored at 0 (hosts may report negative availability). */
    @Test
    void quantityIsFlooredAtZero() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "-7").stock("V1", "H2", "2");

        f.runInventory();

        assertThat(pushed()).containsExactly("S1=0");
    }

    /**
     * Rule: a linked code the host does not report at all (in no hub) is unknown to the host, not out of
     * stock: it is not pushed (the bridge's "Vendor SKU Codes absent from the file are not pushed").
     */
    @Test
    void linkedCodeUnknownToTheHostIsNotPushed() {
        f.linkUnknownToHost("V1", "S1");

        f.runInventory();

        assertThat(pushed()).isEmpty();
    }

    /** Rule: quantities are rounded down to the 3 decimals Babyshop takes (never over-sell). */
    @Test
    void quantityIsRoundedDownToThreeDecimals() {
        assertThat(InventoryFlow.quantities(List.of("V1"), List.of(
                io.github.babyshopsdk.sync.host.StockLevel.of("V1", "H1", qty("1.23456"))), java.util.Set.of()))
                .containsEntry("V1", qty("1.234"));
    }

    /** Rule: the very first run (no feed token) takes in every linked SKU; the token is saved; later runs do not re-read all links. */
    @Test
    void firstRunTakesInEveryLinkedSku() {
        f.link("V1", "S1").link("V2", "S2").link("V3", "S3");
        f.host.stock("V1", "H1", "1").stock("V2", "H1", "2").stock("V3", "H1", "3");

        f.runInventory();
        assertThat(pushed()).containsExactlyInAnyOrder("S1=1", "S2=2", "S3=3");
        assertThat(f.cursor("inventory.feedToken")).contains("t0");

        f.host.stockReads.clear();
        f.runInventory();
        assertThat(f.host.stockReads).isEmpty();
        assertThat(f.channel.pushes).hasSize(1);
    }

    /** Rule: the change feed is read with the saved token, again while hasMore, and the next token is saved. */
    @Test
    void feedIsReadWhileHasMoreAndTheTokenIsSaved() {
        f.link("V1", "S1").link("V2", "S2");
        f.write(tx -> {
            tx.cursors().put(InventoryFlow.FEED_TOKEN, "a");
            takenIn(tx, "V1", "S1");
            takenIn(tx, "V2", "S2");
        });
        f.host.stock("V1", "H1", "1").stock("V2", "H1", "2")
                .feed("a", List.of("V1"), "b", true).feed("b", List.of("V2"), "c", false);

        FlowReport report = f.runInventory();

        assertThat(f.host.tokensRead).extracting(token -> token.orElse(null)).containsExactly("a", "b");
        assertThat(f.cursor(InventoryFlow.FEED_TOKEN)).contains("c");
        assertThat(pushed()).containsExactly("S1=1", "S2=2");
        assertThat(report.fetched()).isEqualTo(2);
    }

    /** Rule: host stock is read in batches (500 codes per available() call). */
    @Test
    void stockIsReadInBatchesOf500() {
        IntStream.rangeClosed(1, 1_200).forEach(i -> f.link(String.format("V%04d", i), String.format("S%04d", i)));

        f.runInventory();

        assertThat(f.host.stockReads).extracting(List::size).containsExactly(500, 500, 200);
    }

    /** Rule: the feed token is saved in the same transaction as the last batch, so a host failure before it reads the same changes again; queued work is still pushed and the run ends FAILED. */
    @Test
    void hostFailureKeepsTheTokenAndStillPushesQueuedWork() {
        f.link("V1", "S1").link("V2", "S2");
        f.write(tx -> {
            tx.cursors().put(InventoryFlow.FEED_TOKEN, "a");
            takenIn(tx, "V2", "S2");
        });
        f.write(tx -> tx.inventory().save(InventoryState.builder().vendorSkuCode("V1").sku("S1")
                .pendingQuantity(qty("4")).updatedAt(NOW).build()));
        f.host.feed("a", List.of("V2"), "b", false).failNextInventoryRead(new IllegalStateException("host down"));

        FlowReport report = f.runInventory();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.FAILED);
        assertThat(report.error()).hasValueSatisfying(error -> assertThat(error).contains("host down"));
        assertThat(f.cursor(InventoryFlow.FEED_TOKEN)).contains("a");
        assertThat(pushed()).containsExactly("S1=4");
    }

    // ---- only changes, coalesced -------------------------------------------------------------------

    /** Rule: only changes since the last acknowledged push are sent (compared with compareTo: 5.000 equals 5). */
    @Test
    void onlyChangesSinceTheLastAcknowledgedPushAreSent() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");
        f.runInventory();
        assertThat(pushed()).containsExactly("S1=5");

        f.host.stock("V1", "H1", "5.000").feed("t0", List.of("V1"), "t1", false);
        f.runInventory();
        assertThat(f.channel.pushes).hasSize(1);

        f.host.stock("V1", "H1", "6").feed("t1", List.of("V1"), "t2", false);
        f.runInventory();
        assertThat(pushed()).containsExactly("S1=5", "S1=6");
    }

    /** Rule: pushes are coalesced per SKU: the ledger keeps only the latest pending quantity. */
    @Test
    void pendingQuantitiesAreCoalescedPerSku() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");
        f.channel.quotaRemaining(10); // inventory is tier 2: no call while fewer than 11 are left
        f.runInventory();
        assertThat(f.inventory("V1").orElseThrow().pendingQuantity()).contains(qty("5"));

        f.host.stock("V1", "H1", "8").feed("t0", List.of("V1"), "t1", false);
        f.channel.quotaRemaining(100);
        f.runInventory();

        assertThat(pushed()).containsExactly("S1=8");
    }

    /** Rule: when the host is back at the acknowledged quantity before the push, nothing is pushed (the pending quantity is dropped). */
    @Test
    void pendingQuantityIsDroppedWhenTheHostIsBackAtTheAcknowledgedOne() {
        InventoryState acknowledged = InventoryState.builder().vendorSkuCode("V1").sku("S1")
                .acknowledgedQuantity(qty("5")).pendingQuantity(qty("7")).attempts(2).lastError("x").updatedAt(NOW)
                .build();

        InventoryState next = InventoryFlow.afterIntake(java.util.Optional.of(acknowledged),
                io.github.babyshopsdk.sync.state.SkuLink.of("V1", "S1", NOW), qty("5.00"), NOW).orElseThrow();

        assertThat(next.pendingQuantity()).isEmpty();
        assertThat(next.attempts()).isZero();
        assertThat(next.lastError()).isEmpty();
    }

    /** Rule: 100 SKUs per call. */
    @Test
    void atMost100SkusPerCall() {
        IntStream.rangeClosed(1, 250).forEach(i -> f.link("V" + i, "S" + i));

        FlowReport report = f.runInventory();

        assertThat(f.channel.pushes).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(report.pushed()).isEqualTo(250);
    }

    /** Rule: two Vendor SKU Codes linked to one Babyshop SKU never go in the same call (the API refuses a SKU twice). */
    @Test
    void oneBabyshopSkuAppearsOnlyOncePerCall() {
        f.link("V1", "S1").link("V2", "S1");
        f.host.stock("V1", "H1", "1").stock("V2", "H1", "2");

        f.runInventory();

        assertThat(f.channel.pushes).hasSize(2).allSatisfy(call -> assertThat(call).hasSize(1));
    }

    // ---- acknowledgement ---------------------------------------------------------------------------

    /** Rule: accepted → acknowledgedQuantity = pushed quantity, pending cleared, moderation id and status saved; listener inventoryPushed; counted pushed. */
    @Test
    void acceptedPushIsAcknowledged() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");

        FlowReport report = f.runInventory();

        InventoryState state = f.inventory("V1").orElseThrow();
        assertThat(state.acknowledgedQuantity()).contains(qty("5"));
        assertThat(state.pendingQuantity()).isEmpty();
        assertThat(state.moderationId()).contains("1");
        assertThat(state.moderationStatus()).contains("Pending");
        assertThat(f.listener.events("inventoryPushed")).containsExactly("inventoryPushed V1=5");
        assertThat(report.pushed()).isEqualTo(1);
        assertThat(report.fetched()).isEqualTo(1);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.flow()).isEqualTo(Flow.INVENTORY);
    }

    /** Rule: pending is cleared ONLY if it is still the quantity pushed; a quantity queued during the push stays queued and goes next. */
    @Test
    void quantityQueuedDuringThePushStaysQueued() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");
        f.channel.duringPush(() -> f.write(tx -> tx.inventory().save(InventoryState.builder()
                .from(tx.inventory().find("V1").orElseThrow()).pendingQuantity(qty("9")).build())));

        f.runInventory();

        InventoryState state = f.inventory("V1").orElseThrow();
        assertThat(state.acknowledgedQuantity()).contains(qty("5"));
        assertThat(state.pendingQuantity()).contains(qty("9"));
        assertThat(pushed()).containsExactly("S1=5"); // not twice in one run

        f.channel.duringPush(() -> { });
        f.runInventory();
        assertThat(pushed()).containsExactly("S1=5", "S1=9");
        assertThat(f.inventory("V1").orElseThrow().pendingQuantity()).isEmpty();
    }

    /** Rule: if the pending quantity was cleared during the push (host back at the old acknowledged level), that level is queued again so Babyshop converges to the host. */
    @Test
    void pendingClearedDuringThePushRequeuesTheHostLevel() {
        f.link("V1", "S1");
        f.write(tx -> tx.inventory().save(InventoryState.builder().vendorSkuCode("V1").sku("S1")
                .acknowledgedQuantity(qty("3")).pendingQuantity(qty("5")).updatedAt(NOW).build()));
        f.write(tx -> {
            tx.cursors().put(InventoryFlow.FEED_TOKEN, "t0");
        });
        f.channel.duringPush(() -> f.write(tx -> tx.inventory().save(InventoryState.builder()
                .from(tx.inventory().find("V1").orElseThrow()).pendingQuantity(java.util.Optional.empty()).build())));

        f.runInventory();

        InventoryState state = f.inventory("V1").orElseThrow();
        assertThat(state.acknowledgedQuantity()).contains(qty("5"));
        assertThat(state.pendingQuantity()).contains(qty("3"));
    }

    // ---- rejections --------------------------------------------------------------------------------

    /** Rule: an unknown SKU (its call refused with code 304) is dead-lettered at once with the reason, reported, counted failed, and not retried. */
    @Test
    void unknownSkuIsDeadLetteredAtOnce() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");
        f.channel.unknownSku("S1");

        FlowReport report = f.runInventory();

        InventoryState state = f.inventory("V1").orElseThrow();
        assertThat(state.deadLettered()).isTrue();
        assertThat(state.pendingQuantity()).contains(qty("5"));
        assertThat(state.lastError()).hasValueSatisfying(e -> assertThat(e).contains("not found", "304"));
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.pushed()).isZero();
        assertThat(f.listener.events("inventoryRejected")).singleElement().asString().contains("V1", "304");

        f.at(NOW.plus(RETRY.multipliedBy(10))).runInventory();
        assertThat(f.channel.pushes).hasSize(1);
    }

    /** Rule: a later DIFFERENT quantity for a dead-lettered SKU re-queues it once; the same quantity does not. */
    @Test
    void deadLetteredSkuIsRequeuedOnceByADifferentQuantity() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");
        f.channel.unknownSku("S1");
        f.runInventory();

        f.host.feed("t0", List.of("V1"), "t1", false);
        f.runInventory();
        assertThat(f.channel.pushes).hasSize(1);

        f.host.stock("V1", "H1", "6").feed("t1", List.of("V1"), "t2", false);
        f.runInventory();
        assertThat(pushed()).containsExactly("S1=5", "S1=6");
        assertThat(f.inventory("V1").orElseThrow().deadLettered()).isTrue();

        f.runInventory();
        assertThat(f.channel.pushes).hasSize(2);
    }

    /** Rule: a rejection without a code counts an attempt, is retried after the retry delay (never twice in a run), and is dead-lettered after maxAttempts. */
    @Test
    void rejectionWithoutCodeIsDeadLetteredAfterMaxAttempts() {
        f.options(EngineOptions.builder().maxAttempts(3).build());
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "5");
        f.channel.silentSku("S1");

        f.runInventory();
        InventoryState first = f.inventory("V1").orElseThrow();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.deadLettered()).isFalse();
        assertThat(f.channel.pushes).hasSize(1);

        f.runInventory(); // not due yet
        assertThat(f.channel.pushes).hasSize(1);

        f.at(NOW.plus(RETRY)).runInventory();
        assertThat(f.inventory("V1").orElseThrow().attempts()).isEqualTo(2);
        f.at(NOW.plus(RETRY.multipliedBy(2))).runInventory();
        InventoryState last = f.inventory("V1").orElseThrow();
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.deadLettered()).isTrue();
        assertThat(f.listener.events("inventoryRejected")).hasSize(3);

        f.at(NOW.plus(RETRY.multipliedBy(5))).runInventory();
        assertThat(f.channel.pushes).hasSize(3);
    }

    /** Rule: a quantity Babyshop cannot take (more than 7 integer digits) is dead-lettered without a call. */
    @Test
    void unsendableQuantityIsDeadLetteredWithoutACall() {
        f.link("V1", "S1").link("V2", "S2");
        f.host.stock("V1", "H1", "12345678").stock("V2", "H1", "1");

        FlowReport report = f.runInventory();

        assertThat(pushed()).containsExactly("S2=1");
        assertThat(f.inventory("V1").orElseThrow().deadLettered()).isTrue();
        assertThat(report.failed()).isEqualTo(1);
    }

    // ---- transport failures ------------------------------------------------------------------------

    /** Rule: a retryable failure of the whole call counts an attempt and records lastError on those states (no dead-letter), and stops pushing this run. */
    @Test
    void retryableCallFailureCountsAnAttemptAndStopsPushing() {
        IntStream.rangeClosed(1, 150).forEach(i -> f.link("V" + i, "S" + i));
        f.channel.failNextPush(new TransientException(null, 9, null, "Generic Error", "generic error", null));

        FlowReport report = f.runInventory();

        assertThat(f.channel.pushes).hasSize(1);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.FAILED);
        assertThat(report.error()).isPresent();
        InventoryState state = f.inventory(f.channel.pushes.get(0).get(0).sku().replace('S', 'V')).orElseThrow();
        assertThat(state.attempts()).isEqualTo(1);
        assertThat(state.lastError()).hasValueSatisfying(e -> assertThat(e).contains("generic error"));
        assertThat(state.deadLettered()).isFalse();
        assertThat(state.pendingQuantity()).isPresent();
        assertThat(f.channel.moderationCalls).isEmpty();

        f.at(NOW.plus(RETRY)).runInventory();
        assertThat(f.pending()).isEmpty();
    }

    /** Rule: a non-retryable failure (credentials refused) is rethrown, so the engine reports FAILED. */
    @Test
    void nonRetryableCallFailureIsRethrown() {
        f.link("V1", "S1");
        f.channel.failNextPush(new AuthenticationException(null, 11, "Invalid API credentials", "refused"));

        assertThatThrownBy(f::runInventory).isInstanceOf(AuthenticationException.class);
        assertThat(f.inventory("V1").orElseThrow().pendingQuantity()).contains(BigDecimal.ZERO);
    }

    // ---- 304 bisection -----------------------------------------------------------------------------

    /**
     * Rule: a call Babyshop refuses with 304 (some SKU unknown, it does not say which) is split in halves,
     * each a call of its own, until the unknown SKU is alone: the others are acknowledged, the unknown one is
     * dead-lettered with the code.
     */
    @Test
    void aCallRefusedForAnUnknownSkuIsBisected() {
        IntStream.rangeClosed(1, 8).forEach(i -> f.link("V" + i, "S" + i));
        f.channel.unknownSku("S6");

        FlowReport report = f.runInventory();

        // [1-8] 304 -> [1-4] ok, [5-8] 304 -> [5,6] 304 -> [5] ok, [6] 304; [7,8] ok
        assertThat(f.channel.pushes).extracting(List::size).containsExactly(8, 4, 4, 2, 1, 1, 2);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.pushed()).isEqualTo(7);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(f.pending()).isEmpty();
        InventoryState unknown = f.inventory("V6").orElseThrow();
        assertThat(unknown.deadLettered()).isTrue();
        assertThat(unknown.lastError()).hasValueSatisfying(e -> assertThat(e).contains("not found", "304"));
        assertThat(f.listener.events("inventoryRejected")).singleElement().asString().contains("V6", "304");
        IntStream.of(1, 2, 3, 4, 5, 7, 8).forEach(i -> assertThat(f.inventory("V" + i).orElseThrow()
                .acknowledgedQuantity()).as("V%d", i).contains(BigDecimal.ZERO));
    }

    /** Rule: every call of a bisection takes a permit of the inventory tier: two unknown SKUs in 100 cost 13 calls here. */
    @Test
    void everyHalfOfABisectionIsACallOfTheInventoryTier() {
        IntStream.rangeClosed(1, 100).forEach(i -> f.link(String.format("V%03d", i), String.format("S%03d", i)));
        f.channel.unknownSku("S010").unknownSku("S090");
        int before = f.channel.quotaRemaining();

        FlowReport report = f.runInventory();

        assertThat(report.pushed()).isEqualTo(98);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(before - f.channel.quotaRemaining()).as("permits taken").isEqualTo(f.channel.pushes.size());
        assertThat(f.channel.pushes.size()).as("calls: 1 + at most 2 log2(100) per unknown SKU")
                .isBetween(3, 1 + 2 * 2 * 7);
    }

    /**
     * Rule: when the quota stops a bisection half-way, the SKUs not settled yet (the halves not sent included)
     * stay pending as they were, with no attempt counted, and the next run settles them: nothing is lost.
     */
    @Test
    void aBisectionStoppedByTheQuotaLosesNothing() {
        IntStream.rangeClosed(1, 8).forEach(i -> f.link("V" + i, "S" + i));
        f.channel.unknownSku("S2");
        f.channel.quotaRemaining(13); // tier 2 keeps 10: [1-8] 304, [1-4] 304, [1,2] 304, then refused

        FlowReport first = f.runInventory();

        assertThat(first.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(f.channel.pushes).extracting(List::size).containsExactly(8, 4, 2);
        assertThat(first.pushed()).isZero();
        assertThat(f.pending()).hasSize(8).allSatisfy(state -> {
            assertThat(state.attempts()).isZero();
            assertThat(state.deadLettered()).isFalse();
            assertThat(state.pendingQuantity()).contains(BigDecimal.ZERO);
        });

        f.channel.quotaRemaining(100);
        FlowReport second = f.runInventory();

        assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(second.pushed()).isEqualTo(7);
        assertThat(f.pending()).isEmpty();
        assertThat(f.inventory("V2").orElseThrow().deadLettered()).isTrue();
    }

    // ---- quota -------------------------------------------------------------------------------------

    /** Rule: a push is made only while the budget grants the inventory tier a permit; stopping with work left ends WAITING_ON_QUOTA. */
    @Test
    void quotaStopsPushingWithWorkLeft() {
        IntStream.rangeClosed(1, 250).forEach(i -> f.link("V" + i, "S" + i));
        f.channel.quotaRemaining(12); // tier 2 keeps 10: two calls, then stop

        FlowReport report = f.runInventory();

        assertThat(f.channel.pushes).hasSize(2);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(report.pushed()).isEqualTo(200);
        assertThat(report.quotaRemaining()).hasValue(10);
        assertThat(f.pending()).hasSize(50);
    }

    /** Rule: Babyshop's own quota refusal (QuotaExceededException) only stops the run WAITING_ON_QUOTA; no attempt is counted. */
    @Test
    void quotaExceededAtBabyshopOnlyWaits() {
        f.link("V1", "S1");
        f.channel.failNextPush(new QuotaExceededException(null, 13, "API Hit Quota Exceeded", "quota",
                Duration.ofMinutes(1), 0));

        FlowReport report = f.runInventory();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(f.inventory("V1").orElseThrow().attempts()).isZero();
    }

    // ---- moderation --------------------------------------------------------------------------------

    /** Rule: moderation is followed up (ids awaiting moderation), the status saved, and a final status other than Approved/Pending reported via inventoryRejected. */
    @Test
    void moderationIsFollowedUpAndRefusalsReported() {
        Duration maxWait = EngineOptions.defaults().moderationMaxWait();
        f.link("V1", "S1").link("V2", "S2").link("V3", "S3");
        f.runInventory();
        assertThat(f.channel.moderationCalls).isEmpty(); // not asked in the run that pushed them

        f.channel.moderate("1", "Approved").moderate("2", "Rejected");
        f.at(NOW.plus(maxWait)); // three ids cannot fill a call: asked once the earliest has waited the max wait
        FlowReport report = f.runInventory();

        assertThat(f.channel.moderationCalls).containsExactly(List.of("1", "2", "3"));
        assertThat(f.inventory("V1").orElseThrow().moderationStatus()).contains("Approved");
        assertThat(f.inventory("V2").orElseThrow().moderationStatus()).contains("Rejected");
        assertThat(f.inventory("V3").orElseThrow().moderationStatus()).contains("Pending");
        assertThat(f.listener.events("inventoryRejected")).singleElement().asString()
                .startsWith("inventoryRejected V2: moderation status Rejected; pushed again after");
        assertThat(report.failed()).isEqualTo(1);

        f.at(NOW.plus(maxWait.multipliedBy(4))); // past V3's back-off and the wait for a full call
        f.runInventory();
        assertThat(f.channel.moderationCalls).containsExactly(List.of("1", "2", "3"), List.of("3"));
    }

    /** Rule: moderation ids are asked 100 per call; a call that would not be full waits for the max wait. */
    @Test
    void moderationIsAskedInBatchesOf100() {
        IntStream.rangeClosed(1, 150).forEach(i -> f.link(String.format("V%03d", i), String.format("S%03d", i)));
        f.runInventory();
        IntStream.rangeClosed(1, 150).forEach(i -> f.channel.moderate(Integer.toString(i), "Approved"));

        f.at(NOW.plus(EngineOptions.defaults().moderationCheckDelay()));
        f.runInventory();
        assertThat(f.channel.moderationCalls).extracting(List::size).containsExactly(100);

        f.at(NOW.plus(EngineOptions.defaults().moderationMaxWait()));
        f.runInventory();
        assertThat(f.channel.moderationCalls).extracting(List::size).containsExactly(100, 50);
    }

    /** Rule: the moderation follow-up also calls only with a permit of the inventory tier, and ends WAITING_ON_QUOTA with ids left. */
    @Test
    void moderationFollowUpWaitsForQuota() {
        f.link("V1", "S1");
        f.runInventory();
        f.channel.quotaRemaining(10);
        f.at(NOW.plus(EngineOptions.defaults().moderationMaxWait()));

        FlowReport report = f.runInventory();

        assertThat(f.channel.moderationCalls).isEmpty();
        assertThat(report.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
    }

    /** Rule: a final refusal already in the push's answer is reported at once (it will never be awaiting moderation). */
    @Test
    void refusalInThePushAnswerIsReported() {
        f.link("V1", "S1");
        f.channel.statusOnAccept("S1", "Rejected");

        FlowReport report = f.runInventory();

        assertThat(f.listener.events()).hasSize(2).first().isEqualTo("inventoryPushed V1=0");
        assertThat(f.listener.events().get(1)).startsWith("inventoryRejected V1: moderation status Rejected;");
        assertThat(report.pushed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
    }

    /** Rule: only Pending keeps polling; Approved (any case) is final and not a refusal; anything else is a refusal. */
    @Test
    void moderationStatusClassification() {
        assertThat(InventoryFlow.isRefusal(java.util.Optional.of("Pending"))).isFalse();
        assertThat(InventoryFlow.isRefusal(java.util.Optional.of("APPROVED"))).isFalse();
        assertThat(InventoryFlow.isRefusal(java.util.Optional.empty())).isFalse();
        assertThat(InventoryFlow.isRefusal(java.util.Optional.of("Rejected"))).isTrue();
        assertThat(InventoryFlow.isRefusal(java.util.Optional.of("Partially Approved"))).isTrue();
    }

    /** Rule: items are built from the link's Babyshop SKU, never from the Vendor SKU Code. */
    @Test
    void itemsCarryTheBabyshopSku() {
        f.link("V1", "S1");
        f.host.stock("V1", "H1", "2");

        f.runInventory();

        assertThat(f.channel.pushes).containsExactly(List.of(InventoryItem.of("S1", qty("2"))));
    }

    /** Rule: stock of a SKU linked after its change was read from the feed still reaches Babyshop (the catalog's new links are taken in). */
    @Test
    void aSkuLinkedAfterItsStockChangeWasReadIsPushed() {
        f.host.stock("V1", "H1", "4").feed(null, List.of("V1"), "t1", false);
        f.runInventory();
        assertThat(pushed()).isEmpty(); // no link yet: never pushed

        f.link("V1", "S1");
        f.host.feed("t1", List.of(), "t1", false);
        f.runInventory();

        assertThat(pushed()).containsExactly("S1=4");
    }

    /** Records that the ledger already took a link in (acknowledged 0), as an earlier run would have. */
    private static void takenIn(io.github.babyshopsdk.sync.state.SyncTransaction tx, String code, String sku) {
        tx.inventory().save(InventoryState.builder().vendorSkuCode(code).sku(sku).acknowledgedQuantity(qty("0"))
                .updatedAt(NOW).build());
    }

    // ---- host values out of range (issue 9, item 7) ---------------------------------------------------

    /**
     * Rule: one SKU's host value out of range ({@code 1e999999999}, which used to throw ArithmeticException
     * and stop the flow) is not taken in: reported with the reason, its ledger untouched, counted failed;
     * the other SKUs are pushed and the run completes.
     */
    @Test
    void aHostQuantityOutOfRangeSkipsOnlyThatSku() {
        f.link("V1", "S1").link("V2", "S2").link("V3", "S3").link("V4", "S4");
        f.host.stock("V1", "H1", "5").stock("V2", "H1", "1e999999999").stock("V3", "H1", "7")
                .stock("V4", "H1", "1e-999999999");

        FlowReport report = f.runInventory();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.error()).isEmpty();
        assertThat(pushed()).containsExactlyInAnyOrder("S1=5", "S3=7");
        assertThat(report.pushed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(f.inventory("V2")).isEmpty();
        assertThat(f.inventory("V4")).isEmpty();
        assertThat(f.listener.events("inventoryRejected")).hasSize(2).anySatisfy(e -> assertThat(e)
                .startsWith("inventoryRejected V2: ").contains("hub H1", "out of range"))
                .anySatisfy(e -> assertThat(e).startsWith("inventoryRejected V4: ").contains("decimals"));
    }

    /** Rule: the documented range of one host value: within -10^9..10^9, at most 9 decimals; checked without arithmetic. */
    @Test
    void theHostQuantityRangeIsCheckedBeforeAnyArithmetic() {
        assertThat(InventoryFlow.quantityProblem(qty("1000000000"))).isEmpty();
        assertThat(InventoryFlow.quantityProblem(qty("-1000000000"))).isEmpty();
        assertThat(InventoryFlow.quantityProblem(qty("0.123456789"))).isEmpty();
        assertThat(InventoryFlow.quantityProblem(qty("5.000000000000"))).as("trailing zeros").isEmpty();
        assertThat(InventoryFlow.quantityProblem(qty("1E+3"))).isEmpty();
        assertThat(InventoryFlow.quantityProblem(qty("1000000000.001"))).isPresent();
        assertThat(InventoryFlow.quantityProblem(qty("-1000000001"))).isPresent();
        assertThat(InventoryFlow.quantityProblem(qty("1e999999999"))).isPresent();
        assertThat(InventoryFlow.quantityProblem(qty("-1e999999999"))).isPresent();
        assertThat(InventoryFlow.quantityProblem(qty("1e-999999999"))).isPresent();
        assertThat(InventoryFlow.quantityProblem(qty("0.1234567891"))).isPresent();
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        assertThat(InventoryFlow.quantities(List.of("V1", "V2"), List.of(
                io.github.babyshopsdk.sync.host.StockLevel.of("V1", "H1", qty("3")),
                io.github.babyshopsdk.sync.host.StockLevel.of("V2", "H1", qty("2")),
                io.github.babyshopsdk.sync.host.StockLevel.of("V2", "H2", qty("1e999999999"))), java.util.Set.of(), refused))
                .containsOnlyKeys("V1");
        assertThat(refused).containsOnlyKeys("V2");
    }
}
