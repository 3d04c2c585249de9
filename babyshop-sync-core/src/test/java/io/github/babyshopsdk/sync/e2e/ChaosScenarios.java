package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.e2e.ChaosRun.AddOrder;
import io.github.babyshopsdk.sync.e2e.ChaosRun.AddProduct;
import io.github.babyshopsdk.sync.e2e.ChaosRun.CancelOnChannel;
import io.github.babyshopsdk.sync.e2e.ChaosRun.ChangeLine;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Confirm;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Crash;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Faults;
import io.github.babyshopsdk.sync.e2e.ChaosRun.HostEventStep;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Progress;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Reprice;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Round;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Scenario;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Step;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Stock;
import io.github.babyshopsdk.sync.e2e.ChaosRun.ToggleHold;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.testkit.FaultKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The soak's scenarios: one strict {@link Scenario} per seed, the same for the same seed on every machine
 * (plain {@link Random}, no shrinking; a failing seed is rerun with {@code -Dsoak.seed=<seed> -Dsoak.runs=1}).
 *
 * <p>Per seed: a store of 0-150 orders and 3-12 SKUs, a quota of 10, 15 or 40 calls per 5 minutes, 2-8
 * rounds. Each round: 1-15 changes (new orders, confirmations, progress to Ready for Ship, Shipped or
 * Delivered in the seller panel, cancellations and line changes on Babyshop, hold flips, host stock changes,
 * packing, shipping and cancelling in the host, repricing, new SKUs, some without a Vendor SKU Code, whose
 * host stock exists before the catalog links them), then one or two sweeps of every flow; in one round in
 * three each flow runs 2-5 times back to back at the same instant (a short scheduler interval, a bridge's
 * {@code --once} pass). Changes and flow runs may fall in the same second. Six rounds in
 * seven run under faults: <em>every</em> simulator {@link FaultKind} at once, each at 1-5% per applicable
 * call, and host failures at 2-10% per host call (before or after the host's effect); one round in three
 * expires the API tokens; one round in two kills the engine process at a random state transaction or host
 * call (before or after its effect) and restarts it over the same state store. Host stock goes back down in
 * one scenario in four.
 */
final class ChaosScenarios {
    private static final List<FaultKind> ALL_KINDS = List.of(FaultKind.values());
    private static final int[] QUOTAS = {10, 15, 40};
    private static final double[] FAULT_RATES = {0.01, 0.02, 0.03, 0.05};
    private static final double[] HOST_FAILURE_RATES = {0.02, 0.05, 0.1};

    private ChaosScenarios() {
    }

    /** Every simulator fault kind. */
    static Set<FaultKind> allFaultKinds() {
        return EnumSet.copyOf(ALL_KINDS);
    }

    /** The strict soak scenario of {@code seed}. */
    static Scenario soak(long seed) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + 11);
        int orders = random.nextInt(151);
        int skus = 3 + random.nextInt(10);
        int quota = QUOTAS[random.nextInt(QUOTAS.length)];
        int roundCount = 2 + random.nextInt(7);
        List<Round> rounds = new ArrayList<>();
        for (int i = 0; i < roundCount; i++) {
            rounds.add(round(random));
        }
        return new Scenario(seed, orders, skus, quota, rounds, random.nextInt(4) == 0, true);
    }

    private static Round round(Random random) {
        List<Step> steps = new ArrayList<>();
        int count = 1 + random.nextInt(15);
        for (int i = 0; i < count; i++) {
            steps.add(step(random));
        }
        Faults faults = random.nextInt(7) == 0 ? new Faults(0.0, Set.of(), 0.0)
                : new Faults(FAULT_RATES[random.nextInt(FAULT_RATES.length)], allFaultKinds(),
                        HOST_FAILURE_RATES[random.nextInt(HOST_FAILURE_RATES.length)]);
        boolean expireTokens = random.nextInt(3) == 0;
        Crash crash = random.nextBoolean() ? new Crash(1 + random.nextInt(150), random.nextBoolean()) : null;
        int repeats = random.nextInt(3) == 0 ? 2 + random.nextInt(4) : 1;
        return new Round(steps, faults, expireTokens, crash, 1 + random.nextInt(2), repeats);
    }

    /** One change, drawn with the weights of {@link EngineUnderFaultsPropertyTest}, plus new SKUs. */
    private static Step step(Random random) {
        int pick = random.nextInt(1000);
        int weight = random.nextInt(19);
        if (weight < 3) {
            return new AddOrder();
        } else if (weight < 5) {
            return new Confirm(pick);
        } else if (weight < 6) {
            return new Progress(pick, new int[] {10, 15, 25}[random.nextInt(3)]);
        } else if (weight < 7) {
            return new CancelOnChannel(pick);
        } else if (weight < 8) {
            return new ChangeLine(pick, random.nextInt(4));
        } else if (weight < 9) {
            return new ToggleHold(pick);
        } else if (weight < 12) {
            return new Stock(pick, random.nextInt(3), random.nextInt(46));
        } else if (weight < 16) {
            HostEventType[] types = {HostEventType.PACKED, HostEventType.SHIPPED, HostEventType.CANCELLED};
            return new HostEventStep(pick, types[random.nextInt(types.length)]);
        } else if (weight < 17) {
            return new Reprice(pick, random.nextInt(10_000));
        } else {
            return new AddProduct(random.nextInt(5) > 0, random.nextInt(30));
        }
    }
}
