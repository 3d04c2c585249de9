package io.github.babyshopsdk.testkit;

import java.time.Instant;

/**
 * One entry of the store's order change log: which order changed, when, and why. Immutable.
 *
 * @param at simulated time of the change (the order's new last-update time)
 * @param orderNo the order
 * @param what a short description, e.g. {@code "status 1 -> 5 (drift)"}
 */
public record OrderChange(Instant at, String orderNo, String what) {
}
