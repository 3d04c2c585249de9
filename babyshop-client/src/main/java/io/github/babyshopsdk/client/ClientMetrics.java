package io.github.babyshopsdk.client;

import java.util.Map;
import org.immutables.value.Value;

/**
 * What one {@link BabyshopClient} has done since it was built: HTTP requests per operation
 * ({@code authToken} included, every retry counted), waits for quota, retries and re-authentications.
 * An immutable snapshot.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface ClientMetrics {

    /** HTTP requests sent, per operation. */
    Map<Operation, Long> requestsByOperation();

    /** Times a call waited for the local quota budget. */
    long quotaWaits();

    /** Attempts repeated after a transient failure or a quota answer. */
    long retries();

    /** {@code authToken} calls made because the server rejected a key (code 2000). */
    long reauthentications();

    /** Code-13 (or HTTP 429) answers received. */
    long quotaRejections();

    /**
     * HTTP requests ended, per operation and {@linkplain RequestOutcome outcome}: each request counted in
     * {@link #requestsByOperation()} is counted here once it has ended (a request still in flight is not yet).
     * Operations and outcomes never seen may be absent.
     */
    Map<Operation, Map<RequestOutcome, Long>> requestOutcomes();

    /** Requests of {@code operation} that ended with {@code outcome}: 0 when none did. */
    default long requests(Operation operation, RequestOutcome outcome) {
        Map<RequestOutcome, Long> byOutcome = requestOutcomes().get(operation);
        Long count = byOutcome == null ? null : byOutcome.get(outcome);
        return count == null ? 0 : count;
    }

    /** All HTTP requests sent. */
    @Value.Derived
    default long requests() {
        return requestsByOperation().values().stream().mapToLong(Long::longValue).sum();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ClientMetrics}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableClientMetrics.Builder {
        Builder() {}
    }
}
