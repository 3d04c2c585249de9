package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code pageNumber} (default 1) and {@code limit} (default 100, values above 100 clamped to 100).
 *
 * @param pageNumber 1-based page
 * @param limit page size, 1..100
 */
public record Paging(int pageNumber, int limit) {

    /** The documented maximum page size. */
    public static final int MAX_LIMIT = 100;

    /**
     * Reads paging fields.
     *
     * @param body request object
     * @return the paging
     * @throws ApiError code 9 for a page number or limit below 1
     */
    public static Paging of(JsonNode body) {
        int page = RequestArgs.integer(body, "pageNumber", 1);
        int limit = RequestArgs.integer(body, "limit", MAX_LIMIT);
        if (page < 1 || limit < 1) {
            throw new ApiError(Codes.GENERIC_ERROR, "pageNumber and limit start at 1");
        }
        return new Paging(page, Math.min(limit, MAX_LIMIT));
    }

    /**
     * The index after this page's last element in a list of {@code size} elements.
     *
     * @param size the list's size
     * @return between 0 and {@code size}
     */
    public int end(int size) {
        return (int) Math.min(size, (long) pageNumber * limit);
    }

    /**
     * The page of a list.
     *
     * @param all the whole list
     * @param <T> element type
     * @return the page (empty past the end)
     */
    public <T> List<T> slice(List<T> all) {
        long from = (long) (pageNumber - 1) * limit;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + limit));
    }
}
