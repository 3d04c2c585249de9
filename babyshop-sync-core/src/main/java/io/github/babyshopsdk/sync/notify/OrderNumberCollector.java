package io.github.babyshopsdk.sync.notify;

import io.github.babyshopsdk.sync.RemoteKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order numbers found so far in one body: distinct valid {@link RemoteKey}s in first-found order, a count of the
 * invalid values, and the count limit, enforced on each new number (so a body naming too many is refused at the first
 * number over the limit, before the rest is read). Can roll back to a mark, for a value that turns out not to be the
 * JSON it looked like. One per parse; not thread-safe.
 */
final class OrderNumberCollector {
    private final int maxOrderNumbers;
    private final List<String> numbers = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int invalid;

    OrderNumberCollector(int maxOrderNumbers) {
        this.maxOrderNumbers = maxOrderNumbers;
    }

    /** A text value of an order-number field. Empty text means "no value" there (SellerPanel's habit): not counted. */
    void text(String value) {
        if (value.isEmpty()) {
            return;
        }
        if (!RemoteKey.isValid(value)) {
            invalid++;
            return;
        }
        if (seen.contains(value)) {
            return;
        }
        if (numbers.size() >= maxOrderNumbers) {
            throw Rejections.tooMany(maxOrderNumbers);
        }
        seen.add(value);
        numbers.add(value);
    }

    /** An integer JSON number, as written. */
    void integer(String text) {
        text(text);
    }

    /**
     * A JSON number with a fraction or exponent: kept as its plain decimal text when it is a whole number of at most
     * {@link RemoteKey#MAX_LENGTH} digits ({@code 1.0E8} is {@code 100000000}), otherwise counted invalid. Never expands
     * an exponent before checking its size.
     */
    void decimal(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            invalid++;
            return;
        }
        if (value.signum() == 0) {
            text("0");
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (stripped.scale() > 0 || integerDigits > RemoteKey.MAX_LENGTH) {
            invalid++;
            return;
        }
        text(stripped.toPlainString());
    }

    /** A value of an order-number field that cannot be one (a boolean). */
    void invalid() {
        invalid++;
    }

    /** A mark to {@link #rollBack} to. */
    long mark() {
        return ((long) numbers.size() << 32) | (invalid & 0xFFFFFFFFL);
    }

    /** Forgets what was collected since {@code mark}. */
    void rollBack(long mark) {
        int size = (int) (mark >>> 32);
        while (numbers.size() > size) {
            seen.remove(numbers.remove(numbers.size() - 1));
        }
        invalid = (int) mark;
    }

    ParsedNotification result() {
        return ParsedNotification.builder().orderNumbers(numbers).invalidValues(invalid).build();
    }
}
