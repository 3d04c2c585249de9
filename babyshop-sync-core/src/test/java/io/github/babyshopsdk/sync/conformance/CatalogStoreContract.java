package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.state.LinkChange;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link io.github.babyshopsdk.sync.state.CatalogStore}: SKU links by Vendor SKU Code, listed in code order, read
 * in batches, and their change feed in sequence order.
 */
public abstract class CatalogStoreContract extends StoreContractSupport {

    @Test
    void emptyWhenNothingLinked() {
        read(tx -> {
            assertThat(tx.catalog().link("VS-1")).isEmpty();
            assertThat(tx.catalog().links()).isEmpty();
            return null;
        });
    }

    @Test
    void everyFieldRoundTrips() {
        SkuLink link = SkuLink.of("VS-001", "BBS-خزانة-001", T0.plusNanos(7_000));
        write(tx -> tx.catalog().saveLink(link));
        SkuLink back = read(tx -> tx.catalog().link("VS-001")).orElseThrow();
        assertThat(back).isEqualTo(link);
        assertThat(back.vendorSkuCode()).isEqualTo("VS-001");
        assertThat(back.sku()).isEqualTo("BBS-خزانة-001");
        assertThat(back.updatedAt()).isEqualTo(T0.plusNanos(7_000));
    }

    @Test
    void saveLinkReplacesTheLinkWithTheSameCode() {
        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "OLD", at(1))));
        SkuLink relinked = SkuLink.of("VS-1", "NEW", at(2));
        write(tx -> tx.catalog().saveLink(relinked));
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("VS-1"))).contains(relinked);
        assertThat(read((SyncTransaction tx) -> tx.catalog().links())).containsExactly(relinked);
    }

    @Test
    void codesAreExact() {
        SkuLink lower = SkuLink.of("vs-1", "a", at(1));
        SkuLink upper = SkuLink.of("VS-1", "b", at(2));
        write(tx -> {
            tx.catalog().saveLink(lower);
            tx.catalog().saveLink(upper);
        });
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("vs-1"))).contains(lower);
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("VS-1"))).contains(upper);
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("VS-1 "))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.catalog().links())).hasSize(2);
    }

    /** Ordered by code; the codes used here sort the same in every common collation. */
    @Test
    void linksAreOrderedByVendorSkuCode() {
        SkuLink c = SkuLink.of("VS-300", "s3", at(1));
        SkuLink a = SkuLink.of("VS-100", "s1", at(3));
        SkuLink b = SkuLink.of("VS-200", "s2", at(2));
        SkuLink d = SkuLink.of("VS-310", "s4", at(0));
        write(tx -> List.of(c, a, d, b).forEach(tx.catalog()::saveLink));
        assertThat(read((SyncTransaction tx) -> tx.catalog().links())).containsExactly(a, b, c, d);
    }

    @Test
    void saveLinkIsVisibleLaterInTheSameTransaction() {
        SkuLink link = SkuLink.of("VS-1", "S-1", at(1));
        write(tx -> {
            tx.catalog().saveLink(link);
            assertThat(tx.catalog().link("VS-1")).contains(link);
            assertThat(tx.catalog().links()).containsExactly(link);
        });
    }

    @Test
    void removeLinksToDropsEveryLinkToThatSkuOnly() {
        write(tx -> {
            tx.catalog().saveLink(SkuLink.of("VS-2", "SKU-A", at(1)));
            tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-A", at(2)));
            tx.catalog().saveLink(SkuLink.of("VS-3", "SKU-B", at(3)));
        });

        List<String> removed = read((SyncTransaction tx) -> tx.catalog().removeLinksTo("SKU-A"));

        assertThat(removed).containsExactly("VS-1", "VS-2");
        assertThat(read((SyncTransaction tx) -> tx.catalog().links())).extracting(SkuLink::vendorSkuCode)
                .containsExactly("VS-3");
        assertThat(read((SyncTransaction tx) -> tx.catalog().removeLinksTo("SKU-NONE"))).isEmpty();
    }

    @Test
    void removeLinksToIsUndoneWithItsTransaction() {
        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-A", at(1))));
        writeThenFail(tx -> tx.catalog().removeLinksTo("SKU-A"));
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("VS-1"))).isPresent();
    }

    @Test
    void removeLinksToFollowsRelinksAndRollbacks() {
        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-A", at(1))));
        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-B", at(2))));
        writeThenFail(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-C", at(3))));

        assertThat(read((SyncTransaction tx) -> tx.catalog().removeLinksTo("SKU-A"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.catalog().removeLinksTo("SKU-C"))).isEmpty();
        assertThat(read((SyncTransaction tx) -> tx.catalog().link("VS-1"))).contains(SkuLink.of("VS-1", "SKU-B", at(2)));
        assertThat(read((SyncTransaction tx) -> tx.catalog().removeLinksTo("SKU-B"))).containsExactly("VS-1");
        assertThat(read((SyncTransaction tx) -> tx.catalog().links())).isEmpty();
    }

    // ---- batch reads and the change feed ------------------------------------------------------------

    private List<LinkChange> feed(long after, int limit) {
        return read((SyncTransaction tx) -> tx.catalog().linksChangedAfter(after, limit));
    }

    private static List<String> codes(List<LinkChange> changes) {
        return changes.stream().map(change -> change.link().vendorSkuCode()).toList();
    }

    @Test
    void linksOfCodesHasTheLinkedOnesOnly() {
        SkuLink a = SkuLink.of("VS-A", "S-A", at(1));
        SkuLink b = SkuLink.of("VS-B", "S-B", at(2));
        write(tx -> {
            tx.catalog().saveLink(a);
            tx.catalog().saveLink(b);
            tx.catalog().saveLink(SkuLink.of("VS-C", "S-C", at(3)));
        });
        assertThat(read((SyncTransaction tx) -> tx.catalog().links(List.of("VS-A", "VS-NONE", "VS-B", "VS-A", "vs-a"))))
                .isEqualTo(Map.of("VS-A", a, "VS-B", b));
        assertThat(read((SyncTransaction tx) -> tx.catalog().links(List.of()))).isEmpty();
        assertThatThrownBy(() -> read((SyncTransaction tx) -> tx.catalog().links(Collections.singletonList(null))))
                .isInstanceOf(NullPointerException.class);
    }

    /** More codes than one statement takes (stores read in chunks of about 500). */
    @Test
    void linksOfManyCodesAreAllRead() {
        List<String> codes = IntStream.range(0, 1_234).mapToObj(i -> String.format("VS-%05d", i)).toList();
        write(tx -> codes.stream().filter(code -> code.hashCode() % 3 != 0)
                .forEach(code -> tx.catalog().saveLink(SkuLink.of(code, "S-" + code, at(1)))));
        Map<String, SkuLink> found = read((SyncTransaction tx) -> tx.catalog().links(codes));
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(
                codes.stream().filter(code -> code.hashCode() % 3 != 0).toList());
        assertThat(found.get("VS-00001")).isEqualTo(SkuLink.of("VS-00001", "S-VS-00001", at(1)));
    }

    @Test
    void linksOfCodesSeesSavesOfTheSameTransaction() {
        SkuLink link = SkuLink.of("VS-1", "S-1", at(1));
        write(tx -> {
            tx.catalog().saveLink(link);
            assertThat(tx.catalog().links(List.of("VS-1"))).containsExactly(Map.entry("VS-1", link));
        });
    }

    @Test
    void theFeedIsEmptyWhenNothingWasSaved() {
        assertThat(feed(0, 10)).isEmpty();
    }

    @Test
    void everySaveGetsAGreaterSequenceAndTheFeedListsThemInThatOrder() {
        SkuLink c = SkuLink.of("VS-C", "S-C", at(1));
        SkuLink a = SkuLink.of("VS-A", "S-A", at(2));
        SkuLink b = SkuLink.of("VS-B", "S-B", at(0));
        write(tx -> tx.catalog().saveLink(c));
        write(tx -> {
            tx.catalog().saveLink(a);
            tx.catalog().saveLink(b);
        });

        List<LinkChange> all = feed(0, 10);

        assertThat(all).extracting(LinkChange::link).containsExactly(c, a, b);
        assertThat(all.get(0).sequence()).isPositive();
        assertThat(all).extracting(LinkChange::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(feed(0, 2)).isEqualTo(all.subList(0, 2));
        assertThat(feed(all.get(0).sequence(), 10)).isEqualTo(all.subList(1, 3));
        assertThat(feed(all.get(1).sequence(), 1)).isEqualTo(all.subList(2, 3));
        assertThat(feed(all.get(2).sequence(), 10)).isEmpty();
        assertThat(feed(0, 0)).isEmpty();
    }

    @Test
    void aSavedAgainLinkMovesToTheEndOfTheFeedOnce() {
        write(tx -> {
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-OLD", at(1)));
            tx.catalog().saveLink(SkuLink.of("VS-2", "S-2", at(1)));
        });
        long before = feed(0, 10).get(1).sequence();
        SkuLink relinked = SkuLink.of("VS-1", "S-NEW", at(2));
        write(tx -> tx.catalog().saveLink(relinked));

        List<LinkChange> all = feed(0, 10);

        assertThat(codes(all)).containsExactly("VS-2", "VS-1");
        assertThat(all.get(1).link()).isEqualTo(relinked);
        assertThat(feed(before, 10)).extracting(LinkChange::link).containsExactly(relinked);
    }

    @Test
    void aRemovedLinkLeavesTheFeedAndComesBackWithANewSequenceWhenSavedAgain() {
        write(tx -> {
            tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-A", at(1)));
            tx.catalog().saveLink(SkuLink.of("VS-2", "SKU-B", at(1)));
        });
        long last = feed(0, 10).get(1).sequence();
        write(tx -> tx.catalog().removeLinksTo("SKU-A"));
        assertThat(codes(feed(0, 10))).containsExactly("VS-2");

        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-A", at(3))));

        assertThat(codes(feed(last, 10))).containsExactly("VS-1");
    }

    @Test
    void aRolledBackSaveLeavesNoSequenceVisible() {
        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "S-1", at(1))));
        long first = feed(0, 10).get(0).sequence();
        writeThenFail(tx -> {
            tx.catalog().saveLink(SkuLink.of("VS-2", "S-2", at(2)));
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-CHANGED", at(2)));
        });
        assertThat(feed(0, 10)).containsExactly(LinkChange.of(first, SkuLink.of("VS-1", "S-1", at(1))));

        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-3", "S-3", at(3))));

        List<LinkChange> after = feed(first, 10);
        assertThat(codes(after)).containsExactly("VS-3");
        assertThat(after.get(0).sequence()).isGreaterThan(first);
    }

    @Test
    void aRolledBackRemovalKeepsTheLinkInTheFeed() {
        write(tx -> tx.catalog().saveLink(SkuLink.of("VS-1", "SKU-A", at(1))));
        List<LinkChange> before = feed(0, 10);
        writeThenFail(tx -> tx.catalog().removeLinksTo("SKU-A"));
        assertThat(feed(0, 10)).isEqualTo(before);
    }

    @Test
    void theFeedSeesSavesOfTheSameTransaction() {
        write(tx -> {
            tx.catalog().saveLink(SkuLink.of("VS-2", "S-2", at(1)));
            tx.catalog().saveLink(SkuLink.of("VS-1", "S-1", at(1)));
            assertThat(codes(tx.catalog().linksChangedAfter(0, 10))).containsExactly("VS-2", "VS-1");
        });
    }

    @Test
    void negativeFeedArgumentsAreRefused() {
        assertThatThrownBy(() -> feed(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Sequences become visible in increasing order: while a transaction that saved a link is open, a second
     * writer's save cannot commit (it would be visible with a greater sequence while the first may still
     * commit a smaller one, and a reader's cursor would skip it).
     */
    @Test
    void aSecondWriterCommitsOnlyAfterTheFirstSoSequencesBecomeVisibleInOrder() throws Exception {
        List<String> commits = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstSaved = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            store.runInTransaction(tx -> {
                tx.catalog().saveLink(SkuLink.of("VS-FIRST", "S-1", at(1)));
                firstSaved.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            commits.add("first");
        });
        Thread second = new Thread(() -> {
            store.runInTransaction(tx -> tx.catalog().saveLink(SkuLink.of("VS-SECOND", "S-2", at(2))));
            commits.add("second");
        });
        first.start();
        assertThat(firstSaved.await(10, TimeUnit.SECONDS)).isTrue();
        second.start();
        Thread.sleep(300); // gives a second writer that is not held back the time to commit first
        // what was recorded before the first is released (the two adds after it may come in either order)
        List<String> whileTheFirstHolds = List.copyOf(commits);
        release.countDown();
        first.join(20_000);
        second.join(20_000);

        assertThat(whileTheFirstHolds).as("the second writer waits for the first to commit").isEmpty();
        assertThat(commits).containsExactlyInAnyOrder("first", "second");
        assertThat(codes(feed(0, 10))).containsExactly("VS-FIRST", "VS-SECOND");
    }
}
