package io.github.babyshopsdk.testkit;

import io.github.babyshopsdk.testkit.internal.Journal;
import java.util.List;
import java.util.Optional;

/**
 * Every request the simulator received, in arrival order, with what it answered. A request is
 * recorded before its answer is sent, so it is visible as soon as the client has the answer.
 * Thread-safe. Entries hold the {@code ApiKey} header as received; their {@code toString} redacts it.
 */
public final class RequestLog {

    private final Journal journal;

    RequestLog(Journal journal) {
        this.journal = journal;
    }

    /**
     * All recorded requests.
     *
     * @return a snapshot in arrival order
     */
    public List<RecordedRequest> all() {
        return journal.all();
    }

    /**
     * The requests of one operation.
     *
     * @param operation the operation
     * @return a snapshot in arrival order
     */
    public List<RecordedRequest> of(Operation operation) {
        return journal.all().stream().filter(r -> r.operation() == operation).toList();
    }

    /**
     * How many requests of one operation arrived.
     *
     * @param operation the operation
     * @return the count
     */
    public int count(Operation operation) {
        return of(operation).size();
    }

    /**
     * How many requests arrived.
     *
     * @return the count
     */
    public int size() {
        return journal.all().size();
    }

    /**
     * The latest request.
     *
     * @return it, or empty
     */
    public Optional<RecordedRequest> last() {
        List<RecordedRequest> all = journal.all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The latest request of one operation.
     *
     * @param operation the operation
     * @return it, or empty
     */
    public Optional<RecordedRequest> last(Operation operation) {
        List<RecordedRequest> of = of(operation);
        return of.isEmpty() ? Optional.empty() : Optional.of(of.get(of.size() - 1));
    }

    /** Forgets the recorded requests (useful between phases of a long test or benchmark). */
    public void clear() {
        journal.clear();
    }

    @Override
    public String toString() {
        return "RequestLog[" + size() + " requests]";
    }
}
