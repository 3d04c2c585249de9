package io.github.babyshopsdk.benchmarks.world;

import io.github.babyshopsdk.testkit.Operation;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Calls the simulator received over some stretch of a run, per operation, and how many it answered with code
 * 13 (quota exceeded). Immutable.
 */
public final class CallCounts {
    private final Map<Operation, Integer> byOperation;
    private final int quotaExceeded;

    private CallCounts(Map<Operation, Integer> byOperation, int quotaExceeded) {
        this.byOperation = Collections.unmodifiableMap(byOperation);
        this.quotaExceeded = quotaExceeded;
    }

    /** The counts of {@code calls}. */
    public static CallCounts of(Collection<CallRecord> calls) {
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        int code13 = 0;
        for (CallRecord call : calls) {
            if (call.operation() != null) {
                counts.merge(call.operation(), 1, Integer::sum);
            }
            if (call.quotaExceeded()) {
                code13++;
            }
        }
        return new CallCounts(counts, code13);
    }

    /** Every call. */
    public int total() {
        return byOperation.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Calls of one operation. */
    public int of(Operation operation) {
        return byOperation.getOrDefault(operation, 0);
    }

    /** Calls of the given operations together. */
    public int of(Set<Operation> operations) {
        return operations.stream().mapToInt(this::of).sum();
    }

    /** Calls answered with code 13 (quota exceeded). */
    public int quotaExceeded() {
        return quotaExceeded;
    }

    /** The counts per operation (operations without calls are absent). */
    public Map<Operation, Integer> byOperation() {
        return byOperation;
    }

    @Override
    public String toString() {
        return "CallCounts" + byOperation + (quotaExceeded > 0 ? " code13=" + quotaExceeded : "");
    }
}
