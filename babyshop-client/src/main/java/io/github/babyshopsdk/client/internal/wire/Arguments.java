package io.github.babyshopsdk.client.internal.wire;

import io.github.babyshopsdk.client.ChannelLimits;
import java.util.List;

/** Argument checks of the request writers; each failure names the argument and the rule. Not API. */
final class Arguments {

    private Arguments() {}

    /**
     * @throws IllegalArgumentException if {@code value} is {@code null} or blank
     */
    static String nonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException if {@code value} is {@code null}
     */
    static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Checks that a batch has between {@code min} and {@code max} elements, none of them {@code null}.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    static <T> List<T> size(String name, List<T> list, int min, int max) {
        nonNull(name, list);
        if (list.size() < min || list.size() > max) {
            throw new IllegalArgumentException(
                    name + " must hold between " + min + " and " + max + " elements, was " + list.size());
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        return list;
    }

    /**
     * @throws IllegalArgumentException if {@code pageNumber} is below 1
     */
    static int pageNumber(int pageNumber) {
        if (pageNumber < 1) {
            throw new IllegalArgumentException("pageNumber must be at least 1, was " + pageNumber);
        }
        return pageNumber;
    }

    /**
     * @throws IllegalArgumentException if {@code limit} is outside 1..100
     */
    static int limit(int limit) {
        if (limit < 1 || limit > ChannelLimits.MAX_BATCH) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + ChannelLimits.MAX_BATCH + ", was " + limit);
        }
        return limit;
    }
}
