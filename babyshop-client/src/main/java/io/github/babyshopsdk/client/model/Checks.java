package io.github.babyshopsdk.client.model;

import io.github.babyshopsdk.client.ChannelLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validation rules shared by the value types' {@code @Value.Check} methods. Every failure is an
 * {@link IllegalArgumentException} whose message names the field and the rule. Not API.
 */
final class Checks {

    private Checks() {}

    static void nonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    static void nonBlankIfPresent(String field, Optional<String> value) {
        value.ifPresent(v -> nonBlank(field, v));
    }

    static void maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(
                    field + " must be at most " + max + " characters, was " + value.length());
        }
    }

    static void pageNumber(int pageNumber) {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("pageNumber must be at least 1, was " + pageNumber);
        }
    }

    static void limit(int limit) {
        if (limit < 1 || limit > ChannelLimits.MAX_BATCH) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + ChannelLimits.MAX_BATCH + ", was " + limit);
        }
    }

    static void nonNegativeIndex(String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    /** Each code non-empty and all ASCII digits; no duplicates. */
    static void numericCodes(String field, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!StatusCodes.isDigits(code)) {
                throw new IllegalArgumentException(
                        field + "[" + i + "] must be a numeric status code, was \"" + code + "\"");
            }
            if (!seen.add(code)) {
                throw new IllegalArgumentException(field + " must not repeat code " + code);
            }
        }
    }

    /** Digits only and at most {@code maxDigits} of them (an Integer(n) column). */
    static void numericText(String field, String value, int maxDigits) {
        if (!StatusCodes.isDigits(value)) {
            throw new IllegalArgumentException(field + " must be numeric, was \"" + value + "\"");
        }
        if (value.length() > maxDigits) {
            throw new IllegalArgumentException(
                    field + " must have at most " + maxDigits + " digits, was \"" + value + "\"");
        }
    }

    /**
     * A Decimal(10,3) value: at most 3 decimals and at most 7 integer digits, ignoring trailing zeros
     * of the fraction ({@code 1.5000} has one decimal).
     */
    static void decimal10x3(String field, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int decimals = Math.max(stripped.scale(), 0);
        if (decimals > 3) {
            throw new IllegalArgumentException(
                    field + " must have at most 3 decimals (Decimal(10,3)), was " + value.toPlainString());
        }
        int integerDigits = stripped.precision() - stripped.scale();
        if (integerDigits > 7) {
            throw new IllegalArgumentException(field
                    + " must have at most 7 integer digits (Decimal(10,3)), was " + value.toPlainString());
        }
    }

    static void notNegative(String field, BigDecimal value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value.toPlainString());
        }
    }

    static void positive(String field, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(
                    field + " must be greater than 0, was " + value.toPlainString());
        }
    }

    static void before(String earlierField, Instant earlier, String laterField, Instant later) {
        if (!later.isAfter(earlier)) {
            throw new IllegalArgumentException(
                    laterField + " must be after " + earlierField + ", was " + later + " <= " + earlier);
        }
    }
}
