package io.github.babyshopsdk.client.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A read-only view of one JSON object of a response (a record or a nested line) that reads its fields
 * by wire name with the lenient rules of {@link JsonValues} and the configured {@link DateTimes}.
 *
 * <p>Names are looked up case-insensitively. Every failure is a {@link WireFormatException} whose field
 * includes this record's path ({@code orderItems[1].orderQty} for a nested line), so a rejected record
 * says exactly which field was wrong. Not thread-confined; immutable view.
 */
final class WireRecord {

    private final JsonNode object;
    private final String path;
    private final DateTimes dates;

    private WireRecord(JsonNode object, String path, DateTimes dates) {
        this.object = object;
        this.path = path;
        this.dates = dates;
    }

    /**
     * A view of {@code node}, which must be a JSON object.
     *
     * @param path the prefix for field names in messages, {@code ""} at top level
     * @param where how to name the node itself in a message when it is not an object
     * @throws WireFormatException if {@code node} is not an object
     */
    static WireRecord of(JsonNode node, String path, String where, DateTimes dates) {
        Objects.requireNonNull(dates, "dates");
        if (node == null || !node.isObject()) {
            throw new WireFormatException(where, "expected an object, was " + JsonValues.describe(node));
        }
        return new WireRecord(node, path, dates);
    }

    /**
     * A view of element {@code index} of the list {@code listName}, which must be a JSON object; its fields
     * are named bare (the caller puts {@code listName[index].} before them when something fails, see
     * {@link WireFormatException#under}), so nothing is built for names on the happy path.
     *
     * @throws WireFormatException naming {@code listName[index]} if {@code node} is not an object
     */
    static WireRecord element(JsonNode node, String listName, int index, DateTimes dates) {
        Objects.requireNonNull(dates, "dates");
        if (node == null || !node.isObject()) {
            throw new WireFormatException(listName + "[" + index + "]",
                    "expected an object, was " + JsonValues.describe(node));
        }
        return new WireRecord(node, "", dates);
    }

    /**
     * A mandatory key field: non-blank text, kept raw.
     *
     * @throws WireFormatException if missing, {@code null}, blank or not text/number
     */
    String key(String field) {
        Optional<String> value = text(field);
        if (value.isEmpty() || value.get().isBlank()) {
            throw new WireFormatException(name(field), "is missing or blank");
        }
        return value.get();
    }

    /**
     * A required key that must be a non-negative integer of at most {@code maxDigits} digits (a JSON number or
     * a string of ASCII digits): an id the API wants back as a JSON integer, so one that could not be sent
     * back makes its record unreadable here rather than a later request impossible.
     */
    String integerKey(String field, int maxDigits) {
        String value = key(field);
        if (value.length() > maxDigits || !allDigits(value)) {
            throw new WireFormatException(name(field), "must be a non-negative integer of at most " + maxDigits
                    + " digits");
        }
        return value;
    }

    private static boolean allDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** An optional text field, raw; see {@link JsonValues#text}. */
    Optional<String> text(String field) {
        try {
            return JsonValues.text(field, JsonValues.field(object, field));
        } catch (WireFormatException e) {
            throw e.under(path);
        }
    }

    /** An optional numeric field; see {@link JsonValues#decimal}. */
    Optional<BigDecimal> decimal(String field) {
        try {
            return JsonValues.decimal(field, JsonValues.field(object, field));
        } catch (WireFormatException e) {
            throw e.under(path);
        }
    }

    /**
     * An optional date-time field: JSON string in the wire pattern; missing, {@code null} and blank are
     * absent.
     *
     * @throws WireFormatException for an invalid date-time or a non-text value
     */
    Optional<Instant> instant(String field) {
        JsonNode node = JsonValues.field(object, field);
        if (JsonValues.isAbsent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new WireFormatException(name(field),
                    "expected a date-time dd/MM/yyyy HH:mm:ss, was " + JsonValues.describe(node));
        }
        try {
            return dates.parse(field, node.textValue());
        } catch (WireFormatException e) {
            throw e.under(path);
        }
    }

    /**
     * A nested list of objects, read strictly: any element that is not an object or fails {@code reader}
     * fails the whole record (a half-read order is worse than a quarantined one). Missing, {@code null}
     * and blank give an empty list; a single object is a list of one.
     */
    <T> List<T> objects(String field, Function<WireRecord, T> reader) {
        List<JsonNode> elements;
        try {
            elements = JsonValues.elements(field, JsonValues.field(object, field));
        } catch (WireFormatException e) {
            throw e.under(path);
        }
        List<T> result = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            WireRecord element;
            try {
                element = element(elements.get(i), field, i, dates);
            } catch (WireFormatException e) {
                throw e.under(path);
            }
            try {
                result.add(reader.apply(element));
            } catch (WireFormatException e) {
                // the element names its fields bare: put its path before them
                throw e.under(path + field + "[" + i + "].");
            }
        }
        return result;
    }

    private String name(String field) {
        return path + field;
    }
}
