package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link io.github.babyshopsdk.sync.state.CatalogStore}: SKU links by Vendor SKU Code, listed in code order. */
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
}
