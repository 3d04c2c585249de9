package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/** The list of recorded requests. Thread-safe (synchronised). */
public final class Journal {

    private final List<RecordedRequest> entries = new ArrayList<>();
    private long sequence;

    /**
     * Reserves the next sequence number.
     *
     * @return the number, from 1
     */
    public synchronized long nextSequence() {
        return ++sequence;
    }

    /**
     * Appends a request.
     *
     * @param r the request
     */
    public synchronized void add(RecordedRequest r) {
        entries.add(r);
    }

    /**
     * All requests in arrival (sequence) order.
     *
     * @return a snapshot
     */
    public synchronized List<RecordedRequest> all() {
        List<RecordedRequest> copy = new ArrayList<>(entries);
        copy.sort(java.util.Comparator.comparingLong(RecordedRequest::sequence));
        return List.copyOf(copy);
    }

    /** Forgets all requests (sequence numbers keep counting). */
    public synchronized void clear() {
        entries.clear();
    }
}
