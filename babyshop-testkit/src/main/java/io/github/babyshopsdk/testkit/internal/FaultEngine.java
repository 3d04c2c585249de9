package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.DriftRate;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Operation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decides which fault, if any, hits a call: first the faults scheduled for that operation, then
 * those scheduled for any operation, then the probabilistic rules in the order they were added
 * (each drawing from one seeded {@link Random}). Also holds the continuous drift of each listing,
 * whose choices draw from a second seeded random, so that turning drift on does not change which
 * random faults hit. Thread-safe (synchronised).
 */
public final class FaultEngine {

    private record Rule(Operation operation, FaultKind kind, double probability) {
    }

    private final Map<Operation, Deque<FaultKind>> scheduled = new EnumMap<>(Operation.class);
    private final Deque<FaultKind> scheduledAny = new ArrayDeque<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<Operation, DriftRate> drift = new EnumMap<>(Operation.class);
    private Random random;
    private Random driftRandom;
    private Duration slowDelay = Duration.ofSeconds(2);

    /**
     * An engine without faults.
     *
     * @param seed seed of the random
     */
    public FaultEngine(long seed) {
        this.random = new Random(seed);
        this.driftRandom = new Random(driftSeed(seed));
    }

    private static long driftSeed(long seed) {
        return seed * 31 + 7;
    }

    /**
     * Schedules faults.
     *
     * @param operation the operation, or null for any operation the kind applies to
     * @param count how many calls
     * @param kind what they do
     */
    public synchronized void schedule(Operation operation, int count, FaultKind kind) {
        Deque<FaultKind> q = operation == null ? scheduledAny
                : scheduled.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            q.addLast(kind);
        }
    }

    /**
     * Adds a probabilistic rule.
     *
     * @param operation the operation, or null for all
     * @param kind the kind
     * @param probability probability per applicable call
     */
    public synchronized void addRule(Operation operation, FaultKind kind, double probability) {
        rules.add(new Rule(operation, kind, probability));
    }

    /**
     * Restarts the random from a seed.
     *
     * @param seed the seed
     */
    public synchronized void reseed(long seed) {
        random = new Random(seed);
        driftRandom = new Random(driftSeed(seed));
    }

    /**
     * Sets or removes the continuous drift of a listing.
     *
     * @param operation a listing ({@link Operation#drifts()})
     * @param rate the changes per page, or null for none
     */
    public synchronized void drift(Operation operation, DriftRate rate) {
        if (rate == null) {
            drift.remove(operation);
        } else {
            drift.put(operation, rate);
        }
    }

    /**
     * The continuous drift of a listing.
     *
     * @param operation the operation
     * @return the rate, or empty when it does not drift
     */
    public synchronized Optional<DriftRate> drift(Operation operation) {
        return Optional.ofNullable(drift.get(operation));
    }

    /**
     * A deterministic choice for continuous drift (its own random, see the class comment).
     *
     * @param bound exclusive upper bound, positive
     * @return an index
     */
    public synchronized int pickForDrift(int bound) {
        return driftRandom.nextInt(bound);
    }

    /**
     * A deterministic yes/no for continuous drift.
     *
     * @param probability of true
     * @return the draw
     */
    public synchronized boolean chanceForDrift(double probability) {
        return driftRandom.nextDouble() < probability;
    }

    /**
     * Sets the delay of slow responses.
     *
     * @param delay real time
     */
    public synchronized void slowDelay(Duration delay) {
        slowDelay = delay;
    }

    /**
     * The delay of slow responses.
     *
     * @return real time
     */
    public synchronized Duration slowDelay() {
        return slowDelay;
    }

    /** Removes scheduled faults, rules and continuous drift (the randoms and delay stay). */
    public synchronized void clear() {
        scheduled.clear();
        scheduledAny.clear();
        rules.clear();
        drift.clear();
    }

    /**
     * Scheduled faults still waiting.
     *
     * @param operation an operation, or null for the any-operation queue
     * @return the count
     */
    public synchronized int pending(Operation operation) {
        Deque<FaultKind> q = operation == null ? scheduledAny : scheduled.get(operation);
        return q == null ? 0 : q.size();
    }

    /**
     * Decides (and consumes) the fault of one call.
     *
     * @param operation the call's operation
     * @return the fault, or empty
     */
    public synchronized Optional<FaultKind> decide(Operation operation) {
        Deque<FaultKind> q = scheduled.get(operation);
        if (q != null && !q.isEmpty()) {
            return Optional.of(q.pollFirst());
        }
        for (Iterator<FaultKind> it = scheduledAny.iterator(); it.hasNext(); ) {
            FaultKind k = it.next();
            if (k.appliesTo(operation)) {
                it.remove();
                return Optional.of(k);
            }
        }
        for (Rule r : rules) {
            if ((r.operation() == null || r.operation() == operation) && r.kind().appliesTo(operation)
                    && random.nextDouble() < r.probability()) {
                return Optional.of(r.kind());
            }
        }
        return Optional.empty();
    }

    /**
     * A deterministic choice for a fault's target.
     *
     * @param bound exclusive upper bound, positive
     * @return an index
     */
    public synchronized int pick(int bound) {
        return random.nextInt(bound);
    }
}
