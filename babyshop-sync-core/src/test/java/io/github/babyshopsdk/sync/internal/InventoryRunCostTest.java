package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.SkuLink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An inventory run costs O(changed SKUs + new links), not O(catalog): counted in rows the run reads from the
 * state store (links, link changes, ledger states), never timed.
 */
class InventoryRunCostTest {
    private static final int CATALOG = 10_000;

    private final CatInvFixture f = new CatInvFixture();
    private final RowCountingStore counting = new RowCountingStore(f.store);

    private static String code(int i) {
        return String.format("V%06d", i);
    }

    /** Links {@code codes} with 5 in stock, approved on push, and drains their first push. */
    private void linkedAndPushed(List<String> codes) {
        for (String code : codes) {
            f.link(code, "S" + code);
            f.host.stock(code, "H1", "5");
            f.channel.statusOnAccept("S" + code, "Approved");
        }
        f.channel.quotaRemaining(1_000_000);
        assertThat(f.runInventory().outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(f.pending()).isEmpty();
    }

    @Test
    void aRunAfterTheFirstPushReadsWhatChangedNotTheWholeCatalog() {
        List<String> catalog = new ArrayList<>();
        for (int i = 0; i < CATALOG; i++) {
            catalog.add(code(i));
        }
        linkedAndPushed(catalog);
        assertThat(f.channel.pushedSkus()).hasSize(CATALOG);
        // 100 SKUs change stock (the host's feed says which) and 50 SKUs are newly linked
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < CATALOG; i += CATALOG / 100) {
            changed.add(code(i));
            f.host.stock(code(i), "H1", "7");
        }
        f.host.feed("t0", changed, "t1", false);
        for (int i = CATALOG; i < CATALOG + 50; i++) {
            f.link(code(i), "S" + code(i));
            f.host.stock(code(i), "H1", "3");
            f.channel.statusOnAccept("S" + code(i), "Approved");
        }
        f.runOn(counting);

        assertThat(f.runInventory().outcome()).isEqualTo(FlowOutcome.COMPLETED);

        assertThat(f.channel.pushedSkus()).hasSize(CATALOG + 150);
        long rows = counting.linkRows() + counting.inventoryRows();
        // about 5 rows per SKU taken in and pushed (link, ledger entry, due state, settlement); the old intake
        // read every link and its ledger entry: more than 2 x 10,000
        assertThat(rows).as("rows read by a run that takes in 150 SKUs out of %,d", CATALOG + 50)
                .isLessThanOrEqualTo(10L * 150);

        // and a run with nothing new reads next to nothing
        counting.reset();
        assertThat(f.runInventory().outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(counting.linkRows() + counting.inventoryRows()).isZero();
    }

    @Test
    void aRunReadsNoStateThatWaitsOutItsRetryDelay() {
        List<String> waiting = new ArrayList<>();
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            waiting.add("A" + code(i));
        }
        for (int i = 0; i < 250; i++) {
            due.add("B" + code(i));
        }
        // linked, then taken in by a run (the host does not know them yet: nothing queued, the cursor moves on)
        f.write(tx -> {
            waiting.forEach(code -> tx.catalog().saveLink(SkuLink.of(code, "S" + code, CatInvFixture.NOW)));
            due.forEach(code -> tx.catalog().saveLink(SkuLink.of(code, "S" + code, CatInvFixture.NOW)));
        });
        f.channel.quotaRemaining(1_000_000);
        f.runInventory();
        assertThat(f.channel.pushes).isEmpty();
        // 1,000 failed just now (not due before the retry delay), sorted first; 250 never tried
        f.write(tx -> {
            waiting.forEach(code -> tx.inventory().save(InventoryState.builder().vendorSkuCode(code).sku("S" + code)
                    .pendingQuantity(BigDecimal.ONE).attempts(1).lastError("timeout").updatedAt(CatInvFixture.NOW)
                    .build()));
            due.forEach(code -> tx.inventory().save(InventoryState.builder().vendorSkuCode(code).sku("S" + code)
                    .pendingQuantity(BigDecimal.TEN).updatedAt(CatInvFixture.NOW).build()));
        });
        due.forEach(code -> f.channel.statusOnAccept("S" + code, "Approved"));
        f.runOn(counting);

        f.runInventory();

        assertThat(f.channel.pushedSkus()).hasSize(250).allMatch(sku -> sku.startsWith("SB"));
        // the due states (about 250) and their settlement (250); the old push re-read the 1,000 waiting
        // states for every call, each call reading 100 more
        assertThat(counting.inventoryRows()).as("ledger states read to push 250 SKUs past 1,000 waiting ones")
                .isLessThanOrEqualTo(4L * 250);
    }
}
