package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lenient readers for request JSON: numbers may come as JSON numbers or strings, lists as arrays or
 * single values, and {@code ""} means absent. A value that cannot be read answers code 9.
 */
public final class RequestArgs {

    private RequestArgs() {
    }

    /**
     * A scalar as text.
     *
     * @param obj the object
     * @param field field name
     * @return the text, or null when missing, null or not a scalar
     */
    public static String text(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    /**
     * Whether a text is null or blank.
     *
     * @param s the text
     * @return true when absent
     */
    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * An optional integer.
     *
     * @param obj the object
     * @param field field name
     * @param fallback value when missing or {@code ""}
     * @return the value
     */
    public static int integer(JsonNode obj, String field, int fallback) {
        String t = text(obj, field);
        if (blank(t)) {
            return fallback;
        }
        try {
            return Integer.parseInt(t.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(Codes.GENERIC_ERROR, field + " is not an integer");
        }
    }

    /**
     * An optional decimal.
     *
     * @param obj the object
     * @param field field name
     * @return the value, or null when missing or {@code ""}
     */
    public static BigDecimal decimal(JsonNode obj, String field) {
        String t = text(obj, field);
        if (blank(t)) {
            return null;
        }
        try {
            return new BigDecimal(t.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(Codes.GENERIC_ERROR, field + " is not a number");
        }
    }

    /**
     * An optional date.
     *
     * @param obj the object
     * @param field field name
     * @param dates the date format
     * @return the instant, or null when missing or {@code ""}
     */
    public static Instant date(JsonNode obj, String field, Dates dates) {
        String t = text(obj, field);
        return blank(t) ? null : dates.parse(t);
    }

    /**
     * A list of strings: an array of scalars or one scalar; blanks dropped, duplicates kept out,
     * request order kept.
     *
     * @param obj the object
     * @param field field name
     * @return the values, empty when missing
     */
    public static List<String> strings(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        Set<String> out = new LinkedHashSet<>();
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isValueNode()) {
                    throw new ApiError(Codes.GENERIC_ERROR, field + " holds a non-scalar");
                }
                if (!e.isNull() && !e.asText().isBlank()) {
                    out.add(e.asText());
                }
            }
        } else if (n.isValueNode()) {
            if (!n.asText().isBlank()) {
                out.add(n.asText());
            }
        } else {
            throw new ApiError(Codes.GENERIC_ERROR, field + " is an object");
        }
        return new ArrayList<>(out);
    }

    /**
     * A status filter: {@code "1,5,10"}, a number, or an array.
     *
     * @param obj the object
     * @param field field name
     * @return the codes, or null when missing or blank
     */
    public static Set<Integer> statuses(JsonNode obj, String field) {
        JsonNode n = obj.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(e -> parts.add(e.asText()));
        } else {
            for (String p : n.asText().split(",")) {
                parts.add(p);
            }
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                try {
                    codes.add(Integer.parseInt(p.trim()));
                } catch (NumberFormatException e) {
                    throw new ApiError(Codes.GENERIC_ERROR, field + " holds " + p);
                }
            }
        }
        return codes.isEmpty() ? null : codes;
    }
}
