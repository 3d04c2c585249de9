package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.ClientMetrics;
import io.github.babyshopsdk.client.Operation;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one client, updated by every thread; {@link #snapshot()} copies them. Thread-safe. */
public final class ClientStats {
    private final Map<Operation, LongAdder> requests = new EnumMap<>(Operation.class);
    private final LongAdder quotaWaits = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder reauthentications = new LongAdder();
    private final LongAdder quotaRejections = new LongAdder();

    /** Creates zeroed counters. */
    public ClientStats() {
        for (Operation operation : Operation.values()) {
            requests.put(operation, new LongAdder());
        }
    }

    void requestSent(Operation operation) {
        requests.get(operation).increment();
    }

    void quotaWait() {
        quotaWaits.increment();
    }

    void retry() {
        retries.increment();
    }

    void reauthentication() {
        reauthentications.increment();
    }

    void quotaRejection() {
        quotaRejections.increment();
    }

    /** A consistent-enough copy of the counters (each counter is read once). */
    public ClientMetrics snapshot() {
        Map<Operation, Long> copy = new EnumMap<>(Operation.class);
        requests.forEach((operation, count) -> copy.put(operation, count.sum()));
        return ClientMetrics.builder().requestsByOperation(copy).quotaWaits(quotaWaits.sum())
                .retries(retries.sum()).reauthentications(reauthentications.sum())
                .quotaRejections(quotaRejections.sum()).build();
    }
}
