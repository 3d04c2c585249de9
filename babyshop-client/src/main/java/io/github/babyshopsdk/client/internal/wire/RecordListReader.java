package io.github.babyshopsdk.client.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.RecordFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one list of a response envelope into {@link Records}, element by element, so that one malformed
 * record does not lose the page (design invariant 3). Immutable and thread-safe.
 */
final class RecordListReader {

    private final DateTimes dates;

    RecordListReader(DateTimes dates) {
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /**
     * Reads {@code envelope.<listField>}.
     *
     * <ul>
     *   <li>A missing or {@code null} list (or {@code ""}) gives empty {@link Records}; a single object
     *       counts as a list of one (Q3).
     *   <li>Each element that is not an object, or whose {@code reader} throws, becomes a
     *       {@link RecordFailure} at its index, with the value of {@code keyField} when that can be read
     *       as non-blank text, and the exception's message (naming the field) as reason.
     * </ul>
     *
     * @throws IllegalArgumentException if {@code envelope} is {@code null} or not a JSON object
     * @param maxElements the most elements the list may have (a longer list is malformed, so no failure is
     *     built for each of millions of elements)
     * @throws WireFormatException if the list field holds a scalar (non-blank text, number, boolean), has
     *     more than {@code maxElements} elements, or more than {@link WireCodec#MAX_FAILURES_PER_LIST} of its
     *     elements fail
     */
    <T> Records<T> read(JsonNode envelope, String listField, int maxElements, String keyField,
            Function<WireRecord, T> reader) {
        requireEnvelope(envelope);
        JsonNode list = JsonValues.field(envelope, listField);
        if (list != null && list.isArray() && list.size() > maxElements) {
            throw new WireFormatException(listField, "a list of " + list.size() + " elements, more than the "
                    + maxElements + " one answer can hold");
        }
        List<JsonNode> elements = JsonValues.elements(listField, list);
        Records.Builder<T> result = Records.builder();
        int failed = 0;
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            try {
                result.addRecords(reader.apply(WireRecord.element(element, listField, i, dates)));
            } catch (RuntimeException e) {
                // deliberately broad: whatever a record does wrong, the rest of the page goes on
                if (++failed > WireCodec.MAX_FAILURES_PER_LIST) {
                    throw new WireFormatException(listField, "more than " + WireCodec.MAX_FAILURES_PER_LIST
                            + " unreadable records in one answer");
                }
                result.addFailures(RecordFailure.of(i, keyOf(element, keyField).orElse(null), reasonOf(e)));
            }
        }
        return result.build();
    }

    /**
     * Throws unless {@code envelope} is a JSON object.
     *
     * @throws IllegalArgumentException if {@code envelope} is {@code null} or not an object
     */
    static void requireEnvelope(JsonNode envelope) {
        if (envelope == null) {
            throw new IllegalArgumentException("envelope must not be null");
        }
        if (!envelope.isObject()) {
            throw new IllegalArgumentException(
                    "envelope must be a JSON object, was " + JsonValues.describe(envelope));
        }
    }

    private static Optional<String> keyOf(JsonNode element, String keyField) {
        try {
            return JsonValues.text(keyField, JsonValues.field(element, keyField))
                    .filter(key -> !key.isBlank());
        } catch (WireFormatException e) {
            return Optional.empty();
        }
    }

    private static String reasonOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
