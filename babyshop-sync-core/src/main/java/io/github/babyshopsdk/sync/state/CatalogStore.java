package io.github.babyshopsdk.sync.state;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links between Vendor SKU Codes and Babyshop SKUs, recorded by the catalog flow, with a change feed of the
 * links saved ({@link #linksChangedAfter(long, int)}) so the inventory flow takes in new and changed links
 * without reading every link.
 *
 * <p>Reached only through a {@link SyncTransaction}: valid inside that transaction, on its one thread. Every method
 * throws {@link StateStoreException} when the store fails and {@link IllegalStateException} once the transaction
 * has ended.
 */
public interface CatalogStore {

    /** The link of {@code vendorSkuCode}, or empty. */
    Optional<SkuLink> link(String vendorSkuCode);

    /**
     * Inserts or replaces the link with the same Vendor SKU Code, and gives it the next sequence of this store's
     * link change feed (see {@link #linksChangedAfter(long, int)}), whether the link is new or not.
     */
    void saveLink(SkuLink link);

    /**
     * Removes every link to the Babyshop SKU {@code sku} (it lost its valid Vendor SKU Code): stock is no
     * longer pushed to it. Does nothing when there is none.
     *
     * @return the Vendor SKU Codes whose link was removed
     */
    List<String> removeLinksTo(String sku);

    /**
     * Every link, ordered by Vendor SKU Code. Reads the whole catalog: meant for hosts, tools and tests; the
     * engine's flows never call it.
     */
    List<SkuLink> links();

    /**
     * The links of those of {@code vendorSkuCodes} that have one, keyed by Vendor SKU Code (codes without a
     * link are absent; duplicates count once). A batch read for the inventory flow: it costs the store about
     * one statement per 500 codes, not one per code. Unlike {@link #link(String)} it need not lock what it
     * reads.
     *
     * @throws NullPointerException if {@code vendorSkuCodes} or one of its codes is null
     */
    Map<String, SkuLink> links(Collection<String> vendorSkuCodes);

    /**
     * The change feed of links: up to {@code limit} links whose last {@link #saveLink save} got a sequence
     * greater than {@code sequence}, in increasing sequence order, each with that sequence. Start from 0.
     *
     * <p>Every {@code saveLink} gives its link the next value of a per-store counter (positive, strictly
     * increasing), so a link appears once, with the sequence of its last save; a removed link does not
     * appear (saved again, it gets a new sequence). A sequence becomes visible only when its transaction
     * commits, and <b>sequences become visible in increasing order</b>: once a reader sees sequence {@code s},
     * no link with a sequence below {@code s} can appear later. A store ensures it by serialising writers of
     * links until they commit (a JDBC store takes the sequence from a per-store counter row updated in the
     * writer's transaction, so a second writer waits for the first one's commit), so a reader that keeps the
     * greatest sequence it took in as its cursor never skips a link. A rolled back save leaves no sequence
     * visible (the store may give its number again).
     *
     * @throws IllegalArgumentException if {@code sequence} or {@code limit} is negative
     */
    List<LinkChange> linksChangedAfter(long sequence, int limit);
}
