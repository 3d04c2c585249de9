package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.SimOrder;

/**
 * Told of every order the {@link State} stores, inside the state's lock (so in the order the changes were made): it
 * must be quick, must not call the state back, and must not throw.
 */
@FunctionalInterface
public interface OrderObserver {

    /** Observes nothing. */
    OrderObserver NONE = (before, after) -> { };

    /**
     * An order was stored.
     *
     * @param before the version it replaced, or null for a new order
     * @param after the stored version (last update stamped)
     */
    void stored(SimOrder before, SimOrder after);
}
