package io.github.babyshopsdk.client.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient conversions of single JSON values, the rules every response field follows (reference §1.7,
 * Q14, Q16). Stateless; static functions only.
 */
final class JsonValues {

    /** Longest value text quoted in an error message. */
    private static final int QUOTE_LIMIT = 60;

    /** Longest numeric text accepted, and the widest exponent: guards against absurd numbers. */
    private static final int MAX_NUMBER_TEXT = 64;
    private static final int MAX_SCALE = 64;
    /** Most digits {@link #simpleDecimal} reads: their unscaled value always fits a {@code long}. */
    private static final int MAX_SIMPLE_DIGITS = 18;

    private JsonValues() {}

    /**
     * The value of {@code name} in {@code object}: the exact name first, otherwise the first property
     * whose name matches ignoring case ({@code lineno}/{@code lineNo}, Q24/Q25). {@code null} when
     * absent or when {@code object} is not an object.
     */
    static JsonNode field(JsonNode object, String name) {
        if (!(object instanceof ObjectNode) && (object == null || !object.isObject())) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** True for a missing ({@code null} / MissingNode) or JSON {@code null} value. */
    static boolean isAbsent(JsonNode node) {
        return node == null || node instanceof NullNode || node.isNull() || node.isMissingNode();
    }

    /**
     * A string field's value: JSON strings raw (no trimming, {@code ""} kept), JSON numbers as their
     * text in plain notation ({@code 100000019} gives {@code "100000019"}, never {@code "1.00000019E8"}),
     * booleans as {@code "true"}/{@code "false"}.
     *
     * @return empty for missing or {@code null}
     * @throws WireFormatException for an object or array
     */
    static Optional<String> text(String field, JsonNode node) {
        if (node instanceof TextNode) { // the common case first
            return Optional.of(node.textValue());
        }
        if (isAbsent(node)) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        if (node.isNumber()) {
            return Optional.of(decimalOf(field, node).toPlainString());
        }
        if (node.isBoolean()) {
            return Optional.of(String.valueOf(node.booleanValue()));
        }
        throw new WireFormatException(field, "expected text, was " + describe(node));
    }

    /**
     * A numeric field's value, scale as received: JSON numbers, or JSON strings holding a decimal number
     * (surrounding whitespace ignored).
     *
     * @return empty for missing, {@code null}, {@code ""} or blank
     * @throws WireFormatException for other text, booleans, objects and arrays
     */
    static Optional<BigDecimal> decimal(String field, JsonNode node) {
        if (node instanceof TextNode) { // the common case first
            String text = node.textValue().strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(parseDecimal(field, text, node.textValue()));
        }
        if (isAbsent(node)) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(decimalOf(field, node));
        }
        throw new WireFormatException(field, "expected a number, was " + describe(node));
    }

    /**
     * The elements of a list field. Missing, {@code null} and blank text give an empty list; a single
     * object is taken as a list of one (Q3); an array gives its elements, whatever they are.
     *
     * @throws WireFormatException for non-blank text, numbers and booleans
     */
    static List<JsonNode> elements(String field, JsonNode node) {
        if (isAbsent(node) || (node.isTextual() && node.textValue().isBlank())) {
            return Collections.emptyList();
        }
        if (node.isObject()) {
            return Collections.singletonList(node);
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>(node.size());
            node.forEach(elements::add);
            return elements;
        }
        throw new WireFormatException(field, "expected a list, was " + describe(node));
    }

    /** A short description of a value for messages: quoted text, a number, or its JSON type. */
    static String describe(JsonNode node) {
        if (isAbsent(node)) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string " + quote(node.textValue());
        }
        if (node.isNumber() || node.isBoolean()) {
            return quote(node.asText(), false);
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** {@code text} in double quotes, shortened to a readable length. */
    static String quote(String text) {
        return quote(text, true);
    }

    private static String quote(String text, boolean quoted) {
        String shown = io.github.babyshopsdk.client.internal.LogText.escape(
                text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text);
        return quoted ? "\"" + shown + "\"" : shown;
    }

    private static BigDecimal decimalOf(String field, JsonNode number) {
        BigDecimal value;
        try {
            value = number.decimalValue();
        } catch (NumberFormatException e) { // NaN or infinite double
            throw new WireFormatException(field, "expected a finite number, was " + number.asText());
        }
        return checkRange(field, value, number.asText());
    }

    private static BigDecimal parseDecimal(String field, String text, String raw) {
        if (text.length() > MAX_NUMBER_TEXT) {
            throw new WireFormatException(field, "expected a number, was " + quote(raw));
        }
        try {
            BigDecimal simple = simpleDecimal(text);
            return checkRange(field, simple != null ? simple : new BigDecimal(text), raw);
        } catch (NumberFormatException e) {
            throw new WireFormatException(field, "expected a number, was " + quote(raw));
        }
    }

    /**
     * The value of text of the plain shape {@code -?[0-9]+(\.[0-9]+)?} with at most 18 digits (the common
     * wire form, e.g. {@code "1299.00"}), equal in value and scale to {@code new BigDecimal(text)} but without
     * its general parser; {@code null} for any other text, which {@code new BigDecimal} then decides.
     */
    static BigDecimal simpleDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_SIMPLE_DIGITS + 2) {
            return null;
        }
        boolean negative = text.charAt(0) == '-';
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (int i = negative ? 1 : 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0 && digits > 0) {
                scale = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > MAX_SIMPLE_DIGITS || scale == 0) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    private static BigDecimal checkRange(String field, BigDecimal value, String raw) {
        if (Math.abs(value.scale()) > MAX_SCALE || value.precision() - value.scale() > MAX_SCALE) {
            throw new WireFormatException(field, "number out of range, was " + quote(raw));
        }
        return value;
    }
}
