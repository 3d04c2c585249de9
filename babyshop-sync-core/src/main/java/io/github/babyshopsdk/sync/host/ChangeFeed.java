package io.github.babyshopsdk.sync.host;

import java.util.List;
import org.immutables.value.Value;

/**
 * One read of a host change feed: the items since the token the engine passed, and the token to pass
 * next time. The engine stores the next token only after it has recorded the items, so a host feed
 * must give the same items again for the same token until the engine moves on.
 *
 * <p>Immutable and thread-safe. {@link #of} creates one; it throws {@link NullPointerException} on a null argument.
 *
 * @param <T> the item type
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface ChangeFeed<T> {

    /** The items, oldest first. */
    List<T> items();

    /** The token that asks for what comes after these items. */
    String nextToken();

    /** Whether more items are ready now (the engine reads again in the same run). */
    @Value.Default
    default boolean hasMore() {
        return false;
    }

    /** A feed page. */
    static <T> ChangeFeed<T> of(List<T> items, String nextToken, boolean hasMore) {
        return ImmutableChangeFeed.<T>builder().items(items).nextToken(nextToken).hasMore(hasMore).build();
    }
}
