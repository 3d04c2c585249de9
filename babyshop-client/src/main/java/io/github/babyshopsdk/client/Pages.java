package io.github.babyshopsdk.client;

import io.github.babyshopsdk.client.model.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every page of a listing ({@code orderList}, {@code productFetch}, {@code orderReturn}), fetched lazily:
 * a page is requested only when iteration reaches it, so a caller can stream a whole catalog without
 * holding it. Iteration stops after a short page (fewer rows than the limit), an empty page, or the
 * safety cap on the number of pages.
 *
 * <p>Each iteration starts again from the first page and spends quota again. An instance may be shared;
 * each iterator is for one thread. Records whose update time changes during a scan can move between
 * pages (the API has no snapshot): de-duplicate by key, and re-read with an overlapping window.
 *
 * <pre>{@code
 * client.catalog().products(ProductQuery.updatedSince(lastRun))
 *       .records()
 *       .forEach(product -> host.upsert(product));
 * }</pre>
 *
 * @param <T> the record type
 */
public final class Pages<T> implements Iterable<Page<T>> {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

    private final IntFunction<Page<T>> fetch;
    private final int firstPage;
    private final int maxPages;

    private Pages(IntFunction<Page<T>> fetch, int firstPage, int maxPages) {
        this.fetch = fetch;
        this.firstPage = firstPage;
        this.maxPages = maxPages;
    }

    /**
     * Pages that {@code fetch} reads by page number, from {@code firstPage} on, at most {@code maxPages}.
     *
     * @throws IllegalArgumentException if {@code firstPage} or {@code maxPages} is below 1
     */
    public static <T> Pages<T> of(IntFunction<Page<T>> fetch, int firstPage, int maxPages) {
        if (firstPage < 1 || maxPages < 1) {
            throw new IllegalArgumentException("firstPage and maxPages must be at least 1");
        }
        return new Pages<>(fetch, firstPage, maxPages);
    }

    @Override
    public Iterator<Page<T>> iterator() {
        return new PageIterator();
    }

    /** The pages as a lazy, sequential stream. */
    public Stream<Page<T>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * The records of every page as a lazy stream. Records that could not be read are left out: use
     * {@link #stream()} and {@link Page#failures()} when they matter.
     */
    public Stream<T> records() {
        return stream().flatMap(page -> page.records().stream());
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private int next = firstPage;
        private int fetched;
        private boolean done;

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public Page<T> next() {
            if (done) {
                throw new NoSuchElementException();
            }
            Page<T> page = fetch.apply(next++);
            fetched++;
            int rows = page.records().size() + page.failures().size();
            if (page.isLast() || rows == 0) {
                done = true;
            } else if (next < 0 || next == Integer.MIN_VALUE) {
                // the page number would overflow: a server that answers full pages forever cannot wrap it
                LOG.warn("stopping at the largest page number; the listing may hold more");
                done = true;
            } else if (fetched >= maxPages) {
                LOG.warn("stopping after {} pages (the safety cap); the listing may hold more", fetched);
                done = true;
            }
            return page;
        }
    }
}
