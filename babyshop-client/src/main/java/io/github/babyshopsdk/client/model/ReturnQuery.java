package io.github.babyshopsdk.client.model;

import io.github.babyshopsdk.client.ChannelLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An orderReturn request, in one of two modes (Q44):
 * <ul>
 *   <li><b>lookup</b>: {@link #returnNo()} set; no window fields.
 *   <li><b>window</b>: {@link #updatedFrom()}, {@link #updatedTo()} and a non-empty
 *       {@link #statusCodes()} all set; no {@code returnNo}.
 * </ul>
 *
 * <p>Rules, checked on {@code build()} ({@link IllegalArgumentException} naming the field): exactly one
 * mode; {@code returnNo} not blank; in window mode {@code updatedTo} after {@code updatedFrom} (server
 * code 804) and the window shorter than 7 days (server code 913 forbids more than 7 days; the client
 * keeps strictly under, as the reference advises), both compared to the second as sent; status codes all
 * digits, none repeated; {@code sellerId} not blank if present; {@link #pageNumber()} at least 1;
 * {@link #limit()} between 1 and {@link ChannelLimits#MAX_BATCH} (100).
 */
@Value.Immutable
@ModelStyle
public abstract class ReturnQuery {

    /** The window must be shorter than this (server code 913). */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Lookup mode: the return number to look up, sent raw (wire {@code returnNo}). */
    public abstract Optional<String> returnNo();

    /** Window mode: start of the last-update window (wire {@code updatedFrom}). */
    public abstract Optional<Instant> updatedFrom();

    /** Window mode: end of the last-update window (wire {@code updatedTo}). */
    public abstract Optional<Instant> updatedTo();

    /**
     * Window mode: numeric return status codes, e.g. {@code ReturnStatus.PENDING.code()} (wire
     * {@code filterStatusList}, comma-joined); required with a window (server code 10042).
     */
    public abstract List<String> statusCodes();

    /** Seller code to restrict to (wire {@code sellerId}); sent in either mode when present. */
    public abstract Optional<String> sellerId();

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

    /** True in lookup mode ({@link #returnNo()} present). */
    public boolean isLookup() {
        return returnNo().isPresent();
    }

    @Value.Check
    void check() {
        Checks.nonBlankIfPresent("returnNo", returnNo());
        Checks.nonBlankIfPresent("sellerId", sellerId());
        Checks.numericCodes("statusCodes", statusCodes());
        boolean anyWindowField =
                updatedFrom().isPresent() || updatedTo().isPresent() || !statusCodes().isEmpty();
        if (returnNo().isPresent()) {
            if (anyWindowField) {
                throw new IllegalArgumentException("returnNo (lookup mode) must not be combined with "
                        + "updatedFrom, updatedTo or statusCodes (window mode)");
            }
        } else {
            checkWindow();
        }
        Checks.pageNumber(pageNumber());
        Checks.limit(limit());
    }

    private void checkWindow() {
        if (updatedFrom().isEmpty()) {
            throw new IllegalArgumentException(
                    "updatedFrom must be set when returnNo is absent (window mode)");
        }
        if (updatedTo().isEmpty()) {
            throw new IllegalArgumentException("updatedTo must be set in window mode");
        }
        if (statusCodes().isEmpty()) {
            throw new IllegalArgumentException("statusCodes must not be empty in window mode");
        }
        Instant from = updatedFrom().get().truncatedTo(ChronoUnit.SECONDS);
        Instant to = updatedTo().get().truncatedTo(ChronoUnit.SECONDS);
        Checks.before("updatedFrom", from, "updatedTo", to);
        Duration window = Duration.between(from, to);
        if (window.compareTo(MAX_WINDOW) >= 0) {
            throw new IllegalArgumentException(
                    "updatedTo - updatedFrom must be shorter than 7 days, was " + window);
        }
    }

    /** Builds a {@link ReturnQuery}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableReturnQuery.Builder {
        Builder() {}
    }
}
