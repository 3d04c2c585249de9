package io.github.babyshopsdk.sync.state;

import org.immutables.value.Value;

/**
 * One entry of the links' change feed ({@link CatalogStore#linksChangedAfter(long, int)}): a link as it is
 * now, with the sequence number its store gave its last save.
 *
 * <p>Immutable and thread-safe. {@link #of} creates one; it throws {@link NullPointerException} on a null argument.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface LinkChange {

    /** The sequence of the link's last save: positive, strictly increasing per store. */
    long sequence();

    /** The link as saved. */
    SkuLink link();

    /** Creates one. */
    static LinkChange of(long sequence, SkuLink link) {
        return ImmutableLinkChange.builder().sequence(sequence).link(link).build();
    }
}
