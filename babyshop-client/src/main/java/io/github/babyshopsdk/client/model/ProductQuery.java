package io.github.babyshopsdk.client.model;

import io.github.babyshopsdk.client.ChannelLimits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A productFetch request: SKUs changed since a moment, or specific SKU codes, one page at a time.
 *
 * <p>Exactly one of the two filters must be set. The API accepts both together, but what combining them
 * means is undocumented (Q31), so this type refuses it.
 *
 * <p>Rules, checked on {@code build()} ({@link IllegalArgumentException} naming the field): exactly one
 * of {@link #updatedSince()} and {@link #skuCodes()}; at most {@link ChannelLimits#MAX_BATCH} SKU codes,
 * each non-blank and at most 50 characters (Varchar(50)); {@link #pageNumber()} at least 1;
 * {@link #limit()} between 1 and {@link ChannelLimits#MAX_BATCH}.
 */
@Value.Immutable
@ModelStyle
public abstract class ProductQuery {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Incremental filter: SKUs changed at or after this moment (wire {@code updatedDate}, sent as local
     * time in the client's zone, to the second).
     */
    public abstract Optional<Instant> updatedSince();

    /** Lookup filter: these SKU codes, sent raw (wire {@code skuCode}, an array). */
    public abstract List<String> skuCodes();

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
        boolean byDate = updatedSince().isPresent();
        boolean byCodes = !skuCodes().isEmpty();
        if (byDate == byCodes) {
            throw new IllegalArgumentException("exactly one of updatedSince and skuCodes must be set, "
                    + (byDate ? "both were" : "neither was"));
        }
        if (skuCodes().size() > ChannelLimits.MAX_BATCH) {
            throw new IllegalArgumentException("skuCodes must hold at most " + ChannelLimits.MAX_BATCH
                    + " codes, was " + skuCodes().size());
        }
        for (int i = 0; i < skuCodes().size(); i++) {
            String field = "skuCodes[" + i + "]";
            Checks.nonBlank(field, skuCodes().get(i));
            Checks.maxLength(field, skuCodes().get(i), 50);
        }
        Checks.pageNumber(pageNumber());
        Checks.limit(limit());
    }

    /** Builds a {@link ProductQuery}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableProductQuery.Builder {
        Builder() {}
    }
}
