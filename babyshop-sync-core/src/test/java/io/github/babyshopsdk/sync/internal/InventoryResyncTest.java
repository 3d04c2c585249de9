package io.github.babyshopsdk.sync.internal;

import static io.github.babyshopsdk.sync.internal.CatInvFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The entry points of {@link InventoryResync} (a walk over every link, a forced re-push of given codes) and the
 * walk's schedule, against the fake channel and host: what is pushed, and what the cursors say.
 */
class InventoryResyncTest {
    private final CatInvFixture f = new CatInvFixture();

    private static String code(int i) {
        return String.format("V%04d", i);
    }

    private void linkAndPush(int n) {
        IntStream.range(0, n).forEach(i -> f.link(code(i), "S" + i).host.stock(code(i), "H1", Integer.toString(i + 1)));
        f.runInventory();
        assertThat(f.channel.pushes.stream().mapToInt(List::size).sum()).isEqualTo(n);
        f.channel.pushes.clear();
    }

    private List<String> pushedSkus() {
        return f.channel.pushes.stream().flatMap(List::stream).map(item -> item.sku()).toList();
    }

    /** Rule: requestFor re-queues the acknowledged quantity of linked codes; unlinked and queued codes are left. */
    @Test
    void requestForRepushesTheAcknowledgedQuantityOfLinkedCodes() {
        linkAndPush(3);
        f.host.stock(code(2), "H1", "9"); // V0002 has a change queued
        f.write(tx -> tx.inventory().save(InventoryState.builder().from(tx.inventory().find(code(2)).orElseThrow())
                .pendingQuantity(new BigDecimal("9")).build()));

        int forced = f.read(tx -> InventoryResync.requestFor(tx, NOW, List.of(code(0), code(2), "NO-LINK"), "drift"));
        f.at(NOW.plusSeconds(60)).runInventory();

        assertThat(forced).isEqualTo(1);
        assertThat(f.channel.pushes).hasSize(1);
        assertThat(f.channel.pushes.get(0)).extracting(item -> item.sku() + "=" + item.quantity().toPlainString())
                .containsExactlyInAnyOrder("S0=1", "S2=9");
        assertThat(f.inventory(code(0)).orElseThrow().pendingQuantity()).isEmpty();
    }

    /** Rule: requestFor hands a linked code without a ledger entry to intake, which reads the host's stock. */
    @Test
    void requestForALinkedCodeNeverPushedHasIntakeReadIt() {
        linkAndPush(1);
        f.linkUnknownToHost("V-NEW", "S-NEW"); // intake takes the link in, but the host reports the code nowhere
        f.at(NOW.plusSeconds(30)).runInventory();
        f.host.knows("V-NEW").stock("V-NEW", "H1", "4"); // stocked later, without a change in the host's feed
        f.at(NOW.plusSeconds(40)).runInventory();
        assertThat(f.channel.pushes).isEmpty();
        assertThat(f.inventory("V-NEW")).isEmpty();

        f.read(tx -> InventoryResync.requestFor(tx, NOW, List.of("V-NEW"), "missing on Babyshop"));
        f.at(NOW.plusSeconds(60)).runInventory();

        assertThat(f.channel.pushes).singleElement().satisfies(call -> assertThat(call)
                .extracting(item -> item.sku() + "=" + item.quantity().toPlainString()).containsExactly("S-NEW=4"));
    }

    /** Rule: a walk pushes every link once, even unchanged, 100 to a call, and records its completion. */
    @Test
    void aWalkPushesEveryLinkOnceAndRecordsItsCompletion() {
        linkAndPush(250);
        f.write(tx -> InventoryResync.request(tx, NOW, "test"));

        f.at(NOW.plusSeconds(60)).runInventory();

        assertThat(f.channel.pushes).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(pushedSkus()).doesNotHaveDuplicates().hasSize(250);
        assertThat(f.read(InventoryResync::lastCompleted)).contains(NOW.plusSeconds(60));
        assertThat(f.read(InventoryResync::inProgress)).isFalse();
        f.channel.pushes.clear();
        f.at(NOW.plusSeconds(120)).runInventory();
        assertThat(f.channel.pushes).as("done: nothing more").isEmpty();
    }

    /** Rule: a request while a walk is in progress starts it again from the first link at the next run. */
    @Test
    void aRequestDuringAWalkStartsItAgainFromTheFirstLink() {
        linkAndPush(250);
        f.write(tx -> InventoryResync.request(tx, NOW, "first"));
        f.channel.quotaRemaining(11); // the inventory tier keeps 10: one call, then the walk stops
        f.at(NOW.plusSeconds(60)).runInventory();
        assertThat(pushedSkus()).hasSize(100);
        assertThat(f.read(InventoryResync::inProgress)).isTrue();

        f.write(tx -> InventoryResync.request(tx, NOW.plusSeconds(90), "second"));
        f.channel.pushes.clear();
        f.channel.quotaRemaining(Integer.MAX_VALUE);
        f.at(NOW.plusSeconds(120)).runInventory();

        assertThat(pushedSkus()).as("the 100 queued before the stop first; the new walk from the first link skips"
                + " them (Babyshop acknowledged them after its request) and pushes the 150 others")
                .doesNotHaveDuplicates().hasSize(250);
        assertThat(f.read(InventoryResync::inProgress)).isFalse();
    }

    /** Rule: the periodic re-assertion walks once reassertEvery has passed since the first run saw links; zero never. */
    @Test
    void thePeriodicReassertionComesEveryPeriodAndZeroTurnsItOff() {
        linkAndPush(3);
        f.at(NOW.plus(Duration.ofHours(23))).runInventory();
        assertThat(f.channel.pushes).isEmpty();
        f.at(NOW.plus(Duration.ofDays(1))).runInventory();
        assertThat(pushedSkus()).containsExactlyInAnyOrder("S0", "S1", "S2");

        f.channel.pushes.clear();
        f.options(EngineOptions.builder().from(f.options()).reassertEvery(Duration.ZERO).build());
        f.at(NOW.plus(Duration.ofDays(5))).runInventory();
        assertThat(f.channel.pushes).isEmpty();
    }
}
