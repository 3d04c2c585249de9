package io.github.babyshopsdk.testkit;

import io.github.babyshopsdk.testkit.internal.FaultEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which calls fail, and how. Two mechanisms, checked in this order for every call:
 * <ol>
 *   <li>Scheduled faults, deterministic: {@link #failNext(Operation, int, FaultKind)} queues
 *       faults for the next calls of one operation, {@link #failNext(int, FaultKind)} for the next
 *       calls of any operation the kind applies to. A scheduled fault is consumed by the call it
 *       hits, whatever that call's outcome.</li>
 *   <li>Random faults: {@link #randomly(FaultKind, double)} and
 *       {@link #randomly(Operation, FaultKind, double)} add rules; each applicable rule draws from
 *       one {@link java.util.Random} seeded with {@link #seed(long)} (default: the simulator seed),
 *       in the order the rules were added, and the first hit wins. The same seed and the same
 *       sequence of calls give the same faults.</li>
 * </ol>
 * See {@link FaultKind} for what each kind does on the wire.
 *
 * <p>Apart from faults, the plan holds the <b>continuous drift</b> of each listing
 * ({@link #continuousDrift(Operation, int, int)}): a busy store that inserts and updates records
 * between every two listing pages, for orders (orderList, orderListJIT) and products (productFetch by
 * {@code updatedDate}). Its choices are seeded too (from {@link #seed(long)}, through a random of their
 * own, so that turning drift on does not change which random faults hit).
 *
 * <p>Thread-safe; methods return this plan for chaining.
 */
public final class FaultPlan {

    private final FaultEngine engine;

    FaultPlan(FaultEngine engine) {
        this.engine = engine;
    }

    /**
     * Fails the next {@code count} calls of an operation.
     *
     * @param operation the operation
     * @param count how many calls, at least 1
     * @param kind what happens to them
     * @return this plan
     * @throws IllegalArgumentException if the kind cannot apply to the operation (e.g.
     *     {@link FaultKind#DRIFT} on orderFetch) or the count is below 1
     */
    public FaultPlan failNext(Operation operation, int count, FaultKind kind) {
        Objects.requireNonNull(operation, "operation");
        check(count, kind);
        if (!kind.appliesTo(operation)) {
            throw new IllegalArgumentException(kind + " does not apply to " + operation);
        }
        engine.schedule(operation, count, kind);
        return this;
    }

    /**
     * Fails the next {@code count} calls of any operation the kind applies to.
     *
     * @param count how many calls, at least 1
     * @param kind what happens to them
     * @return this plan
     */
    public FaultPlan failNext(int count, FaultKind kind) {
        check(count, kind);
        engine.schedule(null, count, kind);
        return this;
    }

    private static void check(int count, FaultKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    /**
     * Adds a random fault for every operation the kind applies to.
     *
     * @param kind the kind
     * @param probability per call, 0..1
     * @return this plan
     */
    public FaultPlan randomly(FaultKind kind, double probability) {
        return addRule(null, kind, probability);
    }

    /**
     * Adds a random fault for one operation.
     *
     * @param operation the operation
     * @param kind the kind
     * @param probability per call, 0..1
     * @return this plan
     * @throws IllegalArgumentException if the kind cannot apply to the operation
     */
    public FaultPlan randomly(Operation operation, FaultKind kind, double probability) {
        Objects.requireNonNull(operation, "operation");
        if (!kind.appliesTo(operation)) {
            throw new IllegalArgumentException(kind + " does not apply to " + operation);
        }
        return addRule(operation, kind, probability);
    }

    private FaultPlan addRule(Operation operation, FaultKind kind, double probability) {
        Objects.requireNonNull(kind, "kind");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
        engine.addRule(operation, kind, probability);
        return this;
    }

    /**
     * Turns on continuous drift for one listing: after every page it answers (whatever the page number,
     * past the end too), {@code updates} records already served are updated and {@code inserts} new ones
     * are added, all stamped with the clock's current second. A served record is one of the listing up to
     * the end of the answered page (any of the listing when the page was past its end), so each update moves
     * a record from behind the reader to the end of the listing: a reader that pages by page number skips
     * one record per update. Orders: a Pending order is confirmed, any other has its hold flag toggled
     * (both logged in {@link SimulatorStore#changes()} with {@code "(drift)"}); inserts are new Pending
     * orders of the listing's family (none while the store has no SKUs). Products: the SKU is re-stamped;
     * inserts are new SKUs, 15 % of them without a valid vendor SKU code. What changed is recorded as the
     * request's {@link RecordedRequest#faultDetail()}. Replaces the listing's earlier rate.
     *
     * @param listing {@link Operation#ORDER_LIST}, {@link Operation#ORDER_LIST_JIT} or {@link Operation#PRODUCT_FETCH}
     * @param inserts new records per page, at least 0
     * @param updates served records updated per page, at least 0
     * @return this plan
     * @throws IllegalArgumentException if the operation is not a listing ({@link Operation#drifts()}), a count
     *     is negative, or both are 0
     */
    public FaultPlan continuousDrift(Operation listing, int inserts, int updates) {
        Objects.requireNonNull(listing, "listing");
        if (!listing.drifts()) {
            throw new IllegalArgumentException(listing + " is not a listing that can drift");
        }
        engine.drift(listing, new DriftRate(inserts, updates));
        return this;
    }

    /**
     * {@link #continuousDrift(Operation, int, int)} for every listing: orderList, orderListJIT and
     * productFetch.
     *
     * @param inserts new records per page, at least 0
     * @param updates served records updated per page, at least 0
     * @return this plan
     * @throws IllegalArgumentException if a count is negative, or both are 0
     */
    public FaultPlan continuousDrift(int inserts, int updates) {
        DriftRate rate = new DriftRate(inserts, updates);
        for (Operation operation : Operation.values()) {
            if (operation.drifts()) {
                engine.drift(operation, rate);
            }
        }
        return this;
    }

    /**
     * Stops the continuous drift of every listing (faults stay).
     *
     * @return this plan
     */
    public FaultPlan stopDrift() {
        for (Operation operation : Operation.values()) {
            engine.drift(operation, null);
        }
        return this;
    }

    /**
     * The continuous drift of a listing.
     *
     * @param listing the operation
     * @return its rate, or empty when it does not drift
     */
    public Optional<DriftRate> continuousDrift(Operation listing) {
        return engine.drift(Objects.requireNonNull(listing, "listing"));
    }

    /**
     * Restarts the fault random from a seed (also used to pick which record a malformed-record or
     * drift fault touches), and the continuous drift's random from the same seed.
     *
     * @param seed the seed
     * @return this plan
     */
    public FaultPlan seed(long seed) {
        engine.reseed(seed);
        return this;
    }

    /**
     * Sets how long {@link FaultKind#SLOW_RESPONSE} delays an answer (real time; default 2 s).
     *
     * @param delay the delay, not negative
     * @return this plan
     */
    public FaultPlan slowDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        engine.slowDelay(delay);
        return this;
    }

    /**
     * The delay of slow responses.
     *
     * @return real time
     */
    public Duration slowDelay() {
        return engine.slowDelay();
    }

    /**
     * Scheduled faults not yet consumed for one operation.
     *
     * @param operation the operation
     * @return the count
     */
    public int pending(Operation operation) {
        return engine.pending(operation);
    }

    /**
     * Scheduled any-operation faults not yet consumed.
     *
     * @return the count
     */
    public int pendingForAnyOperation() {
        return engine.pending(null);
    }

    /**
     * Removes all scheduled faults, random rules and continuous drift (the seed state and slow delay stay).
     *
     * @return this plan
     */
    public FaultPlan clear() {
        engine.clear();
        return this;
    }
}
