package io.github.babyshopsdk.client.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A record of a response list that could not be read (bad date, non-numeric quantity, missing key,
 * not an object, ...). The rest of the list is read regardless; the failure is reported instead of
 * crashing the page, so the caller can quarantine the record with its reason.
 */
@Value.Immutable
@ModelStyle
public abstract class RecordFailure {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A failure at {@code index} with the given key (may be {@code null}) and reason. */
    public static RecordFailure of(int index, String key, String reason) {
        return builder().index(index).key(key).reason(reason).build();
    }

    /** Zero-based position of the record in the response list. */
    public abstract int index();

    /**
     * The record's key (e.g. {@code orderNo}, {@code sku}, {@code moderationId}) when it could be read
     * as non-blank text; empty otherwise.
     */
    public abstract Optional<String> key();

    /**
     * Why the record was rejected, naming the wire field and, where useful, the offending value
     * (shortened). Never blank; never contains credentials.
     */
    public abstract String reason();

    @Value.Check
    void check() {
        Checks.nonNegativeIndex("index", index());
        Checks.nonBlank("reason", reason());
    }

    /** Builds a {@link RecordFailure}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableRecordFailure.Builder {
        Builder() {}
    }
}
