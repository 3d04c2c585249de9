package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.model.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of a listing that moves while it is read (orderList by {@code updateDate}, productFetch by
 * {@code updatedDate}): every record updated at or after a moment, each returned once per version, one listing
 * call per {@link #next()}, and the {@linkplain #safePoint() safe point} up to which a cursor may move. Written
 * once for both listings: the caller says how to open the listing at a moment and how to read a record's key and
 * update time.
 *
 * <p><b>The strategy: keyset stepping, verified.</b> The reference documents neither the listings' sort order nor
 * a snapshot; what the API offers is a lower bound on the update time ({@code since}, whole seconds) and page
 * numbers. A record that changes gets a new update time (now), so it leaves its place and joins the end of the
 * listing; a reader that pages by page number then skips the record that slides onto a page it already read.
 * This listing never asks for page 2 of a query when it can avoid it: it reads page 1 of the listing from
 * {@code since}, then page 1 of the listing from the highest update time on that page (inclusive: the records of
 * that second are read again and de-duplicated by key), and so on until a short page. Each page 1 is one answer
 * computed at one moment, so, <em>if the listing is in ascending update order</em>, it holds every record updated
 * from its {@code since} up to its highest time; no record can later get a time in that range (a change gets a
 * time at or after now), so changes while the listing is read cannot hide a record from it. Costs: one call per
 * page, each page re-reading the records of the previous page's last second (about one record on a real store;
 * more when many records share a second).
 *
 * <ul>
 *   <li><b>A full page within one second</b> (more records in one second than a page holds) cannot be stepped
 *       over by time: the listing pages on within that second by page number ({@code pageNumber} 2, 3, ...) until
 *       a later second shows. That paging can skip a record when a record of that second changes meanwhile (every
 *       record behind the reader moves up by one). It is <em>disturbed</em> when a record first read in such a
 *       second is seen again with a later time, or a record is repeated with the same time on page 2 or later of
 *       one query (something entered the second); each skip leaves one of these signs before the listing ends,
 *       because the record that moved reappears at the end (or was itself skipped by another disturbance, which
 *       leaves its own sign). While such a second is open, and after the end when it was disturbed, the safe point
 *       stays at the earliest second paged this way, so the next read starts there.</li>
 *   <li><b>The order is verified as it is read:</b> every dated record must be at or after the query's
 *       {@code since} and at or after the previous dated record, within a page and across pages. When the server's
 *       answer is not in that order, the listing falls back to the conservative strategy: it reads the whole
 *       listing from the first {@code since} again by page number, re-reading it while a key repeats within one
 *       pass, at most {@code maxPasses} passes (records already returned are not returned again). A pass without a
 *       repeated key is complete if the server's order is by update time or by anything changes do not alter (a
 *       change then only adds records behind the reader, and an addition in front of it repeats a key). The safe
 *       point is then the highest time of that pass; when no pass was clean it stays at the first {@code since}
 *       (the cursor does not move).</li>
 *   <li><b>The safe point</b>: every record whose current update time is before it has been returned by this
 *       listing (at that time). A record at the safe point itself may not have been: a cursor is inclusive (the
 *       next read starts at or before it). Before the end it is the highest time returned in order so far (the
 *       earliest second paged by number, if any); at the end of a complete read it is the highest time read; a
 *       read that stops early (the caller stops, the client's page cap, a page of a one-second run that brings
 *       nothing new) keeps the safe point it had.</li>
 * </ul>
 * A record without an update time is returned once and plays no part in ordering; an unreadable record is in
 * {@link Batch#page()}'s failures only. The listing truncates the first {@code since} to whole seconds, as the
 * API reads it.
 *
 * <p>Not thread-safe: one listing is read by one thread. Exceptions of the source (the client's typed failures)
 * propagate from {@link #next()}; the listing keeps the safe point it had.
 *
 * @param <T> the record type
 */
final class DriftSafeListing<T> {
    private static final Logger LOG = LoggerFactory.getLogger(DriftSafeListing.class);

    /** Opens the listing of records updated at or after a moment; its pages are fetched lazily, in order. */
    @FunctionalInterface
    public interface Source<T> {
        /** The pages of the listing from {@code since} (inclusive), page 1 first; nothing is fetched yet. */
        Pages<T> from(Instant since);
    }

    /**
     * One listing call's answer.
     *
     * @param page the page as the server answered it (its failures are the unreadable records)
     * @param fresh the records of the page not returned before in this read (new keys, or a later update time)
     * @param <T> the record type
     */
    public record Batch<T>(Page<T> page, List<T> fresh) {
        /** Keeps the records. */
        public Batch {
            Objects.requireNonNull(page, "page");
            fresh = List.copyOf(fresh);
        }
    }

    private final Source<T> source;
    private final Function<T, String> key;
    private final Function<T, Optional<Instant>> time;
    private final Instant start;
    private final int maxPasses;
    /** Every key returned, with the update time it was returned with. */
    private final Map<String, Optional<Instant>> seen = new HashMap<>();
    /** The seconds read by page number (a full page within one second). */
    private final Set<Instant> pagedSeconds = new HashSet<>();

    // keyset stepping
    private Instant since;
    private Iterator<Page<T>> pages;
    private int pageInQuery;
    private Instant lastInOrder;
    private Instant firstPagedSecond;
    private boolean disturbed;
    // the conservative fallback
    private boolean ordered = true;
    private int passes;
    private Set<String> keysThisPass;
    private boolean passRepeated;
    private Instant passHigh;

    private Instant safePoint;
    private boolean done;
    private boolean complete;
    private int calls;

    private DriftSafeListing(Source<T> source, Function<T, String> key, Function<T, Optional<Instant>> time,
                             Instant since, int maxPasses) {
        this.source = Objects.requireNonNull(source, "source");
        this.key = Objects.requireNonNull(key, "key");
        this.time = Objects.requireNonNull(time, "time");
        if (maxPasses < 1) {
            throw new IllegalArgumentException("maxPasses must be at least 1, was " + maxPasses);
        }
        this.start = since.truncatedTo(ChronoUnit.SECONDS);
        this.since = start;
        this.lastInOrder = start;
        this.safePoint = start;
        this.maxPasses = maxPasses;
    }

    /**
     * A read of the listing from {@code since} (truncated to whole seconds); nothing is fetched yet.
     *
     * @param source opens the listing at a moment
     * @param key a record's key (order number, SKU)
     * @param time a record's update time, if it has one
     * @param since the first moment to read
     * @param maxPasses the most passes of the conservative re-read, at least 1
     * @throws IllegalArgumentException if {@code maxPasses} is below 1
     */
    public static <T> DriftSafeListing<T> of(Source<T> source, Function<T, String> key,
                                             Function<T, Optional<Instant>> time, Instant since, int maxPasses) {
        return new DriftSafeListing<>(source, key, time, Objects.requireNonNull(since, "since"), maxPasses);
    }

    /** Whether another call may be made: false once the listing was read to its end (or had to stop). */
    public boolean hasNext() {
        return !done;
    }

    /**
     * Makes the next listing call: one page.
     *
     * @throws NoSuchElementException after the end
     * @throws RuntimeException what the source throws (the client's typed failures)
     */
    public Batch<T> next() {
        if (done) {
            throw new NoSuchElementException("the listing was read to its end");
        }
        calls++;
        return ordered ? nextInOrder() : nextPass();
    }

    /**
     * The moment a cursor may move up to (inclusive: records at it may not all have been returned); see the
     * class comment. Never before the first {@code since}.
     */
    public Instant safePoint() {
        return safePoint;
    }

    /** Whether the listing was read to its end, in order or by a clean pass of the fallback. */
    public boolean complete() {
        return complete;
    }

    /** Whether the server's answers were in update order (false once the listing fell back). */
    public boolean ordered() {
        return ordered;
    }

    /** Listing calls made. */
    public int calls() {
        return calls;
    }

    private Batch<T> nextInOrder() {
        if (pages == null) {
            pages = source.from(since).iterator();
            pageInQuery = 0;
        }
        Page<T> page = pages.next();
        pageInQuery++;
        boolean byNumber = pageInQuery > 1;
        List<T> fresh = new ArrayList<>();
        boolean inOrder = true;
        Instant high = null;
        Instant previous = byNumber ? lastInOrder : since;
        for (T record : page.records()) {
            Optional<Instant> at = time.apply(record);
            if (at.isPresent()) {
                if (at.get().isBefore(previous)) {
                    inOrder = false;
                } else {
                    previous = at.get();
                }
                high = high == null || at.get().isAfter(high) ? at.get() : high;
            }
            String k = key.apply(record);
            if (!seen.containsKey(k)) {
                seen.put(k, at);
                fresh.add(record);
                continue;
            }
            Optional<Instant> before = seen.get(k);
            if (isLater(at, before)) {
                seen.put(k, at);
                fresh.add(record);
                if (before.isPresent() && pagedSeconds.contains(before.get())) {
                    disturbed = true; // it left a second read by page number: the records behind it moved up
                }
            } else if (byNumber && at.equals(before)) {
                disturbed = true; // repeated on a later page of one query: something entered in front of it
            }
        }
        if (!inOrder) {
            fallBack();
            return new Batch<>(page, fresh);
        }
        lastInOrder = previous;
        boolean end = page.isLast() || page.records().size() + page.failures().size() == 0;
        if (end) {
            finish(true, high != null && high.isAfter(since) ? high : since);
        } else if (high != null && high.isAfter(since)) {
            since = high; // keyset step: page 1 from the highest time, inclusive
            pages = null;
            safePoint = firstPagedSecond != null ? firstPagedSecond : high;
        } else if (byNumber && fresh.isEmpty()) {
            // a page of a one-second run that brings nothing new: the answers repeat; stop rather than loop
            disturbed = true;
            LOG.warn("listing: page {} from {} repeats records already read; the read stops here", page.pageNumber(),
                    since);
            finish(false, since);
        } else if (!pages.hasNext()) {
            finish(false, since); // the client's page cap
        } else {
            pagedSeconds.add(since);
            firstPagedSecond = firstPagedSecond == null ? since : firstPagedSecond;
            safePoint = firstPagedSecond;
            LOG.debug("listing: a full page within the second {}, paging on by number", since);
        }
        return new Batch<>(page, fresh);
    }

    /** Ends the read in order; {@code end} is the highest time read at the end of a complete read. */
    private void finish(boolean reachedEnd, Instant end) {
        done = true;
        complete = reachedEnd && !disturbed;
        if (firstPagedSecond != null && (disturbed || !reachedEnd)) {
            safePoint = firstPagedSecond;
            LOG.info("listing: the second {} was read by page number and records moved meanwhile (or the read "
                    + "stopped); the next read starts there", firstPagedSecond);
        } else if (reachedEnd) {
            safePoint = end;
        }
    }

    private void fallBack() {
        ordered = false;
        safePoint = start;
        pages = null;
        LOG.warn("listing: the answer is not in update order (from {}); reading it again page by page, at most {} "
                + "passes", since, maxPasses);
    }

    private Batch<T> nextPass() {
        if (pages == null) {
            passes++;
            pages = source.from(start).iterator();
            keysThisPass = new HashSet<>();
            passRepeated = false;
            passHigh = null;
        }
        Page<T> page = pages.next();
        List<T> fresh = new ArrayList<>();
        for (T record : page.records()) {
            String k = key.apply(record);
            Optional<Instant> at = time.apply(record);
            passRepeated |= !keysThisPass.add(k);
            at.ifPresent(t -> passHigh = passHigh == null || t.isAfter(passHigh) ? t : passHigh);
            if (!seen.containsKey(k) || isLater(at, seen.get(k))) {
                seen.put(k, at);
                fresh.add(record);
            }
        }
        boolean end = page.isLast() || page.records().size() + page.failures().size() == 0 || !pages.hasNext();
        if (end) {
            pages = null;
            if (!passRepeated) {
                done = true;
                complete = true;
                safePoint = passHigh != null && passHigh.isAfter(start) ? passHigh : start;
            } else if (passes >= maxPasses) {
                done = true;
                LOG.warn("listing: records still moved in pass {} of {}; the cursor stays where it was", passes,
                        maxPasses);
            } else {
                LOG.info("listing: records moved during pass {}; reading it again", passes);
            }
        }
        return new Batch<>(page, fresh);
    }

    private static boolean isLater(Optional<Instant> candidate, Optional<Instant> known) {
        return candidate.isPresent() && (known.isEmpty() || candidate.get().isAfter(known.get()));
    }

    @Override
    public String toString() {
        return "DriftSafeListing[from " + start + ", " + calls + " calls, " + (ordered ? "in order" : "fallback")
                + ", safe point " + safePoint + (done ? ", done" : "") + "]";
    }
}
