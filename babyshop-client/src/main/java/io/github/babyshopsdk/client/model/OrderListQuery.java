package io.github.babyshopsdk.client.model;

import io.github.babyshopsdk.client.ChannelLimits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An orderList / orderListJIT request: order headers updated since a moment and/or in given statuses,
 * one page at a time.
 *
 * <p>Rules, checked on {@code build()}: at least one of {@link #updatedSince()} and
 * {@link #statusCodes()} (both are "Optional" in the reference but one is required, Q39; the reference
 * advises always sending the date); each status code all digits, none repeated; {@link #pageNumber()} at
 * least 1; {@link #limit()} between 1 and {@link ChannelLimits#MAX_BATCH} (100). Which codes
 * orderListJIT accepts ({@code 7}, {@code 10}, Q40) is the caller's concern.
 */
@Value.Immutable
@ModelStyle
public abstract class OrderListQuery {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Orders updated from this moment up to now (wire {@code updateDate}, sent as local time in the
     * client's zone, to the second).
     */
    public abstract Optional<Instant> updatedSince();

    /**
     * Numeric order status codes to filter on, e.g. {@code OrderStatus.PENDING.code()} (wire
     * {@code filterStatusList}, sent comma-joined as one string).
     */
    public abstract List<String> statusCodes();

    /** 1-based page number; default 1. */
    @Value.Default
    public int pageNumber() {
        return 1;
    }

    /** Page size; default and maximum {@link io.github.babyshopsdk.client.ChannelLimits#MAX_BATCH} (100). */
    @Value.Default
    public int limit() {
        return ChannelLimits.MAX_BATCH;
    }

    @Value.Check
    void check() {
        if (updatedSince().isEmpty() && statusCodes().isEmpty()) {
            throw new IllegalArgumentException("at least one of updatedSince and statusCodes must be set");
        }
        Checks.numericCodes("statusCodes", statusCodes());
        Checks.pageNumber(pageNumber());
        Checks.limit(limit());
    }

    /** Builds a {@link OrderListQuery}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableOrderListQuery.Builder {
        Builder() {}
    }
}
