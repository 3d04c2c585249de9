package io.github.babyshopsdk.client.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * The result of reading one response list: the records that could be read, in wire order, a
 * {@link RecordFailure} for each that could not, and the keys asked for that the answer did not cover
 * ({@link #missing()}).
 *
 * @param <T> the record type
 */
@Value.Immutable
@ModelStyle
public abstract class Records<T> {

    /** A new builder. */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** No records and no failures. */
    public static <T> Records<T> empty() {
        return Records.<T>builder().build();
    }

    /** The records read successfully, in wire order; never {@code null}. */
    public abstract List<T> records();

    /** The records that could not be read, by ascending index; never {@code null}. */
    public abstract List<RecordFailure> failures();

    /**
     * What was asked for and not answered: the keys (e.g. order numbers of {@code orderFetch}) the request
     * named that neither a record nor a failure of this answer covers, in the order asked. Empty for
     * operations that ask for nothing by key, and by default.
     */
    public abstract List<String> missing();

    /** Records plus failures: the number of elements the response list had. */
    public int size() {
        return records().size() + failures().size();
    }

    /** True when at least one record failed to read. */
    public boolean hasFailures() {
        return !failures().isEmpty();
    }

    /** Builds a {@link Records}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder<T> extends ImmutableRecords.Builder<T> {
        Builder() {}
    }
}
