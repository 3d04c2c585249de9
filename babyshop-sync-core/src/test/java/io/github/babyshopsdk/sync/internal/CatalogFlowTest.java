package io.github.babyshopsdk.sync.internal;

import static io.github.babyshopsdk.sync.internal.CatInvFixture.NOW;
import static io.github.babyshopsdk.sync.internal.CatInvFixture.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SkuLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog flow's rules, one test (or a few) per rule; each test's javadoc names the rule it proves.
 * Babyshop and the host are fakes; state is the reference in-memory store; the clock is fixed.
 */
class CatalogFlowTest {
    private static final Instant T1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T08:30:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T4 = Instant.parse("2026-03-01T09:30:00Z");

    private final CatInvFixture f = new CatInvFixture();

    /** Rule: SKUs with a valid Vendor SKU Code only; an invalid one is reported with the reason, counted failed, never sent to the host and never linked. */
    @Test
    void skuWithoutValidVendorSkuCodeIsReportedAndNeverSentToTheHost() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", null, T2)).product(product("S3", "  ", T3));

        FlowReport report = f.runCatalog();

        assertThat(f.host.upsertedSkus()).containsExactly("S1");
        assertThat(f.links()).extracting(SkuLink::sku).containsExactly("S1");
        assertThat(f.listener.events("skuRejected")).containsExactly(
                "skuRejected S2: no valid Vendor SKU Code", "skuRejected S3: no valid Vendor SKU Code (blank)");
        assertThat(report.fetched()).isEqualTo(3);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.flow()).isEqualTo(Flow.CATALOG);
    }

    /** Rule: an invalid SKU is a final decision, so it does not hold the cursor back. */
    @Test
    void invalidSkuDoesNotHoldTheCursor() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", null, T2));

        f.runCatalog();

        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T2.toString());
    }

    /** Rule: each imported SKU gets SkuLink.of(vendorSkuCode, sku, now); the link is upserted by Vendor SKU Code. */
    @Test
    void importedSkuIsLinkedByVendorSkuCode() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2));

        f.runCatalog();

        assertThat(f.links()).containsExactlyInAnyOrder(SkuLink.of("V1", "S1", NOW), SkuLink.of("V2", "S2", NOW));
    }

    /** Rule: a Vendor SKU Code that moves to another Babyshop SKU is relinked, and the host is warned. */
    @Test
    void vendorSkuCodeMovingToAnotherSkuIsRelinkedWithAWarning() {
        f.link("V1", "OLD");
        f.channel.product(product("S1", "V1", T1));

        f.runCatalog();

        assertThat(f.linkOf("V1")).contains(SkuLink.of("V1", "S1", NOW));
        assertThat(f.listener.events("warning")).singleElement().asString().contains("V1", "OLD", "S1");
    }

    /** Rule: the first run reads the whole catalog from EngineOptions.EPOCH (Vinculum: one full pull, then incremental). */
    @Test
    void firstRunReadsFromEpoch() {
        f.channel.product(product("S1", "V1", T1));

        f.runCatalog();

        assertThat(f.channel.listedSince).containsExactly(EngineOptions.EPOCH);
    }

    /** Rule: the cursor "catalog.updatedSince" is ISO-8601 instant text at the latest lastUpdated handled; later runs read from it minus the overlap. */
    @Test
    void laterRunsReadFromTheCursorMinusTheOverlap() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T3));
        f.runCatalog();
        assertThat(f.cursor("catalog.updatedSince")).contains("2026-03-01T09:00:00Z");

        f.options(EngineOptions.builder().overlap(Duration.ofMinutes(7)).build());
        f.channel.product(product("S3", "V3", T4));
        FlowReport second = f.runCatalog();

        assertThat(f.channel.listedSince).containsExactly(EngineOptions.EPOCH, T3.minus(Duration.ofMinutes(7)));
        assertThat(second.fetched()).isEqualTo(2); // S2 again (overlap) and S3
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T4.toString());
    }

    /** Rule: the cursor only moves forward. */
    @Test
    void cursorNeverMovesBackForAnOlderProduct() {
        f.write(tx -> tx.cursors().put(CatalogFlow.CURSOR, T3.toString()));
        f.channel.product(product("S1", "V1", T3.minusSeconds(60)));

        f.runCatalog();

        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T3.toString());
        assertThat(f.host.upsertedSkus()).containsExactly("S1");
    }

    /**
     * Rule: quota is asked before each listing call; when it says no, the run stops WAITING_ON_QUOTA without making
     * that call. (The second call is page 1 from the first page's last time, S2's: keyset stepping reads that second
     * again.)
     */
    @Test
    void quotaIsCheckedBeforeEveryPage() {
        f.channel.pageSize(2);
        for (int i = 1; i <= 5; i++) {
            f.channel.product(product("S" + i, "V" + i, T1.plusSeconds(i)));
        }
        // Catalog is tier 3: with a reserve of 5 per tier a call needs 15 left after it.
        f.channel.quotaRemaining(17);

        FlowReport report = f.runCatalog();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(f.channel.pagesFetched).containsExactly(1, 1);
        assertThat(f.channel.listedSince).containsExactly(EngineOptions.EPOCH, T1.plusSeconds(2));
        assertThat(report.fetched()).isEqualTo(3);
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.quotaRemaining()).hasValue(15);
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T1.plusSeconds(3).toString());

        f.channel.quotaRemaining(100);
        FlowReport next = f.runCatalog();
        assertThat(next.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(f.host.upsertedSkus()).contains("S5");
    }

    /** Rule: no page is fetched at all when the quota does not allow the first one. */
    @Test
    void noPageIsFetchedWithoutQuota() {
        f.channel.product(product("S1", "V1", T1)).quotaRemaining(15);

        FlowReport report = f.runCatalog();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(f.channel.pagesFetched).isEmpty();
        assertThat(f.host.upserted).isEmpty();
    }

    /** Rule: quota exhausted at Babyshop (QuotaExceededException) ends the run WAITING_ON_QUOTA, keeping what was done. */
    @Test
    void quotaExceededFromTheListingEndsTheRunWaiting() {
        f.channel.pageSize(1).product(product("S1", "V1", T1)).product(product("S2", "V2", T2));
        f.runCatalog();
        f.channel.failNextPage(new QuotaExceededException(null, 13, "API Hit Quota Exceeded", "quota", Duration.ZERO, 0));

        FlowReport report = f.runCatalog();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T2.toString());
    }

    /** Rule: a failure that is not the record's (credentials refused) stops the run by throwing; what was committed stays. */
    @Test
    void nonRecordFailureIsThrown() {
        f.channel.pageSize(1).product(product("S1", "V1", T1)).product(product("S2", "V2", T2));
        f.channel.failNextPage(new AuthenticationException(null, 11, "Invalid API credentials", "refused"));

        assertThatThrownBy(f::runCatalog).isInstanceOf(AuthenticationException.class);
        assertThat(f.cursor(CatalogFlow.CURSOR)).isEmpty();
    }

    /** Rule: a host failure for one product is quarantined (flow CATALOG, key = SKU, attempts 1), counted failed, and the run goes on. */
    @Test
    void hostFailureIsQuarantinedAndTheRunGoesOn() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2)).product(product("S3", "V3", T3));
        f.host.failUpsert("S2", 1);

        FlowReport report = f.runCatalog();

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(f.links()).extracting(SkuLink::sku).containsExactlyInAnyOrder("S1", "S3");
        QuarantineEntry entry = f.quarantine("S2").orElseThrow();
        assertThat(entry.flow()).isEqualTo(Flow.CATALOG);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.deadLettered()).isFalse();
        assertThat(entry.reason()).contains("host SKU master is locked for S2");
        assertThat(entry.firstFailedAt()).isEqualTo(NOW);
        assertThat(f.listener.events("skuRejected")).singleElement().asString().startsWith("skuRejected S2:");
    }

    /** Rule: the cursor moves only up to the earliest lastUpdated of a product that failed in this run, exclusive. */
    @Test
    void cursorStaysBeforeTheFailedProduct() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2)).product(product("S3", "V3", T3));
        f.host.failUpsert("S2", 1);

        f.runCatalog();

        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T1.toString());
    }

    /** Rule: quarantined SKUs are retried on later runs by re-reading (the cursor did not pass them); success clears the entry. */
    @Test
    void quarantinedSkuIsReadAgainAndImportedOnTheNextRun() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2)).product(product("S3", "V3", T3));
        f.host.failUpsert("S2", 1);
        f.runCatalog();

        FlowReport second = f.runCatalog();

        assertThat(second.failed()).isZero();
        assertThat(f.host.upsertedSkus()).containsSubsequence("S2", "S2");
        assertThat(f.quarantine("S2")).isEmpty();
        assertThat(f.links()).extracting(SkuLink::sku).containsExactlyInAnyOrder("S1", "S2", "S3");
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T3.toString());
    }

    /** Rule: after maxAttempts the entry is dead-lettered, and a dead-lettered SKU no longer holds the cursor. */
    @Test
    void deadLetteredAfterMaxAttemptsAndThenNoLongerHoldsTheCursor() {
        f.options(EngineOptions.builder().maxAttempts(2).build());
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2)).product(product("S3", "V3", T3));
        f.host.failUpsert("S2", -1);

        f.runCatalog();
        assertThat(f.quarantine("S2").orElseThrow().deadLettered()).isFalse();
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T1.toString());

        f.at(NOW.plusSeconds(600)).runCatalog();
        QuarantineEntry entry = f.quarantine("S2").orElseThrow();
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.deadLettered()).isTrue();
        assertThat(entry.firstFailedAt()).isEqualTo(NOW);
        assertThat(entry.lastFailedAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T3.toString());
    }

    /** Rule: products are handled in lastUpdated order within a page, so a failure holds back later ones only. */
    @Test
    void productsAreHandledInUpdateOrderWithinAPage() {
        f.channel.fixedPages(List.of(List.of(product("S3", "V3", T3), product("S1", "V1", T1),
                product("S2", "V2", T2))));
        f.host.failUpsert("S2", 1);

        f.runCatalog();

        assertThat(f.host.upsertedSkus()).containsExactly("S1", "S2", "S3");
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T1.toString());
    }

    /** Rule: the cursor stays safe even when pages are not in update order: it is pulled back before a failed product it had passed. */
    @Test
    void cursorIsPulledBackWhenAnEarlierProductFailsOnALaterPage() {
        f.channel.pageSize(1).fixedPages(List.of(List.of(product("S3", "V3", T3)), List.of(product("S2", "V2", T2))));
        f.host.failUpsert("S2", 1);

        f.runCatalog();

        Instant cursor = Instant.parse(f.cursor(CatalogFlow.CURSOR).orElseThrow());
        assertThat(cursor).isBefore(T2);
        assertThat(cursor.minus(EngineOptions.defaults().overlap())).isBefore(T2);

        f.channel.fixedPages(null).product(product("S2", "V2", T2)).product(product("S3", "V3", T3));
        f.runCatalog();
        assertThat(f.quarantine("S2")).isEmpty();
        assertThat(f.cursor(CatalogFlow.CURSOR)).contains(T3.toString());
    }

    /** Rule: unreadable records (Page.failures()) are quarantined with their reason, keyed by their key or "page"+n+"#"+index, and counted failed. */
    @Test
    void unreadableRecordsAreQuarantinedWithTheirReason() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2))
                .pageFailure(1, RecordFailure.of(2, "S9", "lastUpdateDate: not a date '31/02/2026'"))
                .pageFailure(1, RecordFailure.of(3, null, "sku: missing"));

        FlowReport report = f.runCatalog();

        assertThat(f.quarantine("S9").orElseThrow().reason()).contains("lastUpdateDate: not a date '31/02/2026'");
        assertThat(f.quarantine("page1#3").orElseThrow().reason()).contains("sku: missing");
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.fetched()).isEqualTo(2);
        assertThat(report.imported()).isEqualTo(2);
    }

    /** Rule: an unreadable record's update time is unknown, so it holds the cursor before the earliest update time on its page (it is read again). */
    @Test
    void unreadableRecordHoldsTheCursorBeforeItsPage() {
        f.channel.product(product("S1", "V1", T1)).product(product("S2", "V2", T2))
                .pageFailure(1, RecordFailure.of(2, "S9", "bad record"));

        f.runCatalog();

        assertThat(f.cursor(CatalogFlow.CURSOR)).isEmpty(); // first run: nothing may move; the next run reads all again
        f.write(tx -> tx.cursors().put(CatalogFlow.CURSOR, T4.toString()));
        f.channel.product(product("S3", "V3", T4.minusSeconds(60)));
        f.runCatalog();
        Instant cursor = Instant.parse(f.cursor(CatalogFlow.CURSOR).orElseThrow());
        assertThat(cursor).isBefore(T4.minusSeconds(60));
    }

    /** Rule: an interrupted thread ends the run INTERRUPTED; what was committed stays consistent. */
    @Test
    void interruptedRunStopsBetweenRecords() {
        f.channel.product(product("S1", "V1", T1));
        Thread.currentThread().interrupt();
        try {
            FlowReport report = f.runCatalog();
            assertThat(report.outcome()).isEqualTo(FlowOutcome.INTERRUPTED);
            assertThat(f.host.upserted).isEmpty();
        } finally {
            Thread.interrupted();
        }
    }

    /** Rule: the report tells when the run started and ended, and the quota left. */
    @Test
    void reportCarriesTimesAndQuotaLeft() {
        f.channel.product(product("S1", "V1", T1)).quotaRemaining(30);

        FlowReport report = f.runCatalog();

        assertThat(report.startedAt()).isEqualTo(NOW);
        assertThat(report.finishedAt()).isEqualTo(NOW);
        assertThat(report.quotaRemaining()).hasValue(29);
        assertThat(report.error()).isEmpty();
    }
}
