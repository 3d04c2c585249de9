package io.github.babyshopsdk.client.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * One page of a paged operation (productFetch, orderList, orderListJIT, orderFetch, orderFetchJIT,
 * orderReturn): the requested page number and limit, the records read and the per-record failures.
 *
 * <p>No response carries a total or a has-more flag (reference §1.8), so {@link #isLast()} uses the only
 * signal there is: a page with fewer elements than the limit.
 *
 * @param <T> the record type
 */
@Value.Immutable
@ModelStyle
public abstract class Page<T> {

    /** A new builder. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * The page for {@code records} as read from the response to a request with this page number and
     * limit.
     *
     * @throws IllegalArgumentException if {@code pageNumber} is below 1 or {@code limit} below 1
     * @throws NullPointerException if {@code records} is {@code null}
     */
    public static <T> Page<T> of(int pageNumber, int limit, Records<T> records) {
        return Page.<T>builder()
                .pageNumber(pageNumber)
                .limit(limit)
                .records(records.records())
                .failures(records.failures())
                .build();
    }

    /** The 1-based page number that was requested. */
    public abstract int pageNumber();

    /** The {@code limit} that was requested. */
    public abstract int limit();

    /** The records read successfully, in wire order. */
    public abstract List<T> records();

    /** The elements of this page that could not be read. */
    public abstract List<RecordFailure> failures();

    /**
     * True when the page is short (records plus failures fewer than {@link #limit()}), so no further
     * page should be requested. Failures count: they are elements the server sent.
     */
    public boolean isLast() {
        return records().size() + failures().size() < limit();
    }

    @Value.Check
    void check() {
        Checks.pageNumber(pageNumber());
        if (limit() < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit());
        }
    }

    /** Builds a {@link Page}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder<T> extends ImmutablePage.Builder<T> {
        Builder() {}
    }
}
