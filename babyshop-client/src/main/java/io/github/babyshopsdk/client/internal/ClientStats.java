package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.ClientMetrics;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.RequestOutcome;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.TransientException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one client, updated by every thread; {@link #snapshot()} copies them. Thread-safe. */
public final class ClientStats {
    private final Map<Operation, LongAdder> requests = new EnumMap<>(Operation.class);
    private final Map<Operation, Map<RequestOutcome, LongAdder>> outcomes = new EnumMap<>(Operation.class);
    private final LongAdder quotaWaits = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder reauthentications = new LongAdder();
    private final LongAdder quotaRejections = new LongAdder();

    /** Creates zeroed counters. */
    public ClientStats() {
        for (Operation operation : Operation.values()) {
            requests.put(operation, new LongAdder());
            Map<RequestOutcome, LongAdder> byOutcome = new EnumMap<>(RequestOutcome.class);
            for (RequestOutcome outcome : RequestOutcome.values()) {
                byOutcome.put(outcome, new LongAdder());
            }
            outcomes.put(operation, byOutcome);
        }
    }

    void requestSent(Operation operation) {
        requests.get(operation).increment();
    }

    void requestEnded(Operation operation, RequestOutcome outcome) {
        outcomes.get(operation).get(outcome).increment();
    }

    /** The outcome of a request that ended with {@code failure} (anything else than a {@link BabyshopException}: transient). */
    static RequestOutcome outcomeOf(Throwable failure) {
        if (failure instanceof QuotaExceededException) {
            return RequestOutcome.QUOTA_EXCEEDED;
        }
        if (failure instanceof AuthenticationException) {
            return RequestOutcome.AUTH_ERROR;
        }
        if (failure instanceof TransientException || failure instanceof OutcomeUnknownException
                || failure instanceof OperationInterruptedException || !(failure instanceof BabyshopException)) {
            return RequestOutcome.TRANSIENT_ERROR;
        }
        return RequestOutcome.API_ERROR;
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
        Map<Operation, Map<RequestOutcome, Long>> ended = new EnumMap<>(Operation.class);
        outcomes.forEach((operation, byOutcome) -> {
            Map<RequestOutcome, Long> counts = new EnumMap<>(RequestOutcome.class);
            byOutcome.forEach((outcome, count) -> counts.put(outcome, count.sum()));
            ended.put(operation, counts);
        });
        return ClientMetrics.builder().requestsByOperation(copy).requestOutcomes(ended).quotaWaits(quotaWaits.sum())
                .retries(retries.sum()).reauthentications(reauthentications.sum())
                .quotaRejections(quotaRejections.sum()).build();
    }
}
