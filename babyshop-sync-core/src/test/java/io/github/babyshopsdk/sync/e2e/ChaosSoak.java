package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.e2e.ChaosRun.Result;
import io.github.babyshopsdk.sync.e2e.ChaosRun.Scenario;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The chaos soak: {@code runs} strict {@link ChaosRun}s, seeds {@code firstSeed, firstSeed + 1, ...}
 * ({@link ChaosScenarios#soak}), each over a fresh state store from a {@link Stores} (in memory, H2,
 * PostgreSQL), every violated invariant of every run collected (the soak does not stop at the first), the
 * figures summed, and the wall time of each run measured (measured and printed, never asserted).
 *
 * <p>The invariants, checked strictly after each run (see {@link ChaosRun}): every order ever in a mapped
 * status in the host exactly once (a repeated {@code createOrder} only as the idempotent re-creation after a
 * crash or a host failure after the host's commit), at its hub, and cancelled there when cancelled on
 * Babyshop; every packed order with exactly one invoice on Babyshop and its label in the host; every
 * SHIPPED order Shipped on Babyshop from exactly one orderShipping; every order cancelled in the host
 * Cancelled on Babyshop, by at most one orderCancellation; every linked SKU's Babyshop stock equal to the
 * host's; every SKU with a valid Vendor SKU Code in the host at Babyshop's price; no outbound entry pending
 * or dead-lettered, unless Babyshop itself refuses the order (cancelled there, or shipped in the seller
 * panel). No dead letter is tolerated otherwise (the soak runs with
 * {@value ChaosRun#STRICT_MAX_ATTEMPTS} attempts, so one would mean a bug, not bad luck).
 */
final class ChaosSoak {
    /** Runs slower than this are named in the output (a measurement, never asserted). */
    private static final long SLOW_RUN_MILLIS = 3_000;

    /** Where each run keeps its state: a fresh, empty store per run. */
    interface Stores {
        /** A fresh store for the run of {@code seed}; closed (dropped) after the run. */
        OpenStore open(long seed);
    }

    /** One run's state store, and how to drop it. */
    interface OpenStore extends AutoCloseable {
        SyncStateStore store();

        @Override
        void close();
    }

    /** A failed run: its seed and scenario, what was violated, its log and figures. */
    record Failure(long seed, Scenario scenario, List<String> violations, String log, Map<String, Long> figures) {
        String describe() {
            return "seed " + seed + ": " + violations.size() + " violation(s)\n  "
                    + String.join("\n  ", violations) + "\n--- scenario ---\n" + scenario + "\n--- run ---\n" + log
                    + "\n--- figures ---\n" + ChaosRun.describe(figures);
        }
    }

    /**
     * The soak's outcome: runs, failures, summed figures, per-run wall times in milliseconds, the thread count
     * and the soak's own elapsed wall time.
     */
    record Report(String label, int runs, List<Failure> failures, Map<String, Long> totals, long[] millis,
            int threads, long elapsedMillis) {
        /** The figures line, e.g. for the README's Reliability section. */
        String summary() {
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            long total = Arrays.stream(sorted).sum();
            Map<String, Long> t = totals;
            String faults = t.entrySet().stream().filter(e -> e.getKey().startsWith("fault."))
                    .map(e -> e.getKey().substring(6) + " " + e.getValue()).collect(Collectors.joining(", "));
            String hostFaults = t.entrySet().stream().filter(e -> e.getKey().startsWith("hostFailBefore.") || e.getKey().startsWith("hostFailAfter."))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return String.format("chaos soak [%s]: %d runs, %d with violations (%d violations)%n"
                            + "  faults injected: %d simulator (%s)%n"
                            + "  host failures: %d (%s)%n"
                            + "  crashes and restarts: %d; token expiries: %d rounds; quota answers 13: %d%n"
                            + "  orders: %d mapped, %d in the host, %d createOrder calls (%d idempotent repeats),"
                            + " %d cancelled on Babyshop and in the host%n"
                            + "  shipments: %d packed orders, %d invoices, %d SHIPPED events, %d orderShipping;"
                            + " cancellations: %d in the host, %d orderCancellation; outbound entries still retried"
                            + " for orders Babyshop refuses: %d%n"
                            + "  stock: %d inventory updates pushed, %d SKUs added during runs; %d requests,"
                            + " %d simulated hours%n"
                            + "  wall time: %.1f s on %d thread(s); per run: mean %d ms, median %d ms, p95 %d ms,"
                            + " max %d ms (sum %.1f s)%n",
                    label, runs, failures.size(), failures.stream().mapToInt(f -> f.violations().size()).sum(),
                    t.getOrDefault("faultsInjected", 0L), faults, t.getOrDefault("hostFailures", 0L), hostFaults,
                    t.getOrDefault("crashes", 0L), t.getOrDefault("roundsWithTokenExpiry", 0L),
                    t.getOrDefault("quota13", 0L), t.getOrDefault("mappedOrders", 0L),
                    t.getOrDefault("hostOrders", 0L), t.getOrDefault("hostCreateCalls", 0L),
                    t.getOrDefault("createRepeats", 0L), t.getOrDefault("channelCancelledOrders", 0L),
                    t.getOrDefault("packedOrders", 0L), t.getOrDefault("invoices", 0L),
                    t.getOrDefault("shippedEvents", 0L), t.getOrDefault("shipments", 0L),
                    t.getOrDefault("hostCancellations", 0L), t.getOrDefault("sellerCancellations", 0L),
                    t.getOrDefault("pendingForOrdersBabyshopRefuses", 0L),
                    t.getOrDefault("inventoryUpdates", 0L), t.getOrDefault("productsAdded", 0L),
                    t.getOrDefault("requests", 0L), t.getOrDefault("simulatedMinutes", 0L) / 60,
                    elapsedMillis / 1e3, threads, runs == 0 ? 0 : total / runs, percentile(sorted, 0.5), percentile(sorted, 0.95),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], total / 1e3);
        }

        private static long percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
        }
    }

    private ChaosSoak() {
    }

    /**
     * Runs the soak on one thread; see {@link #run(String, long, int, Stores, PrintStream, int, int)}.
     */
    static Report run(String label, long firstSeed, int runs, Stores stores, PrintStream out, int progressEvery) {
        return run(label, firstSeed, runs, stores, out, progressEvery, 1);
    }

    /**
     * Runs the soak on {@code threads} threads (runs are independent: each has its own simulator, host and
     * store; {@code stores} must then be thread-safe), printing a progress line every {@code progressEvery}
     * runs (0: none), each failure as it happens and each run slower than {@value #SLOW_RUN_MILLIS} ms to
     * {@code out}. The figures do not depend on the thread count.
     *
     * @throws IllegalStateException if the soak is interrupted
     */
    static Report run(String label, long firstSeed, int runs, Stores stores, PrintStream out, int progressEvery,
            int threads) {
        List<Failure> failures = new ArrayList<>();
        Map<String, Long> totals = new TreeMap<>();
        long[] millis = new long[runs];
        long began = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, threads));
        try {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int n = 0; n < runs; n++) {
                int i = n;
                futures.add(pool.submit(() -> {
                    long seed = firstSeed + i;
                    long start = System.nanoTime();
                    Failure failure = runOne(seed, stores, totals);
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                    synchronized (failures) {
                        if (millis[i] >= SLOW_RUN_MILLIS) {
                            out.printf("[chaos soak %s] seed %d took %d ms%n", label, seed, millis[i]);
                        }
                        if (failure != null) {
                            failures.add(failure);
                            out.println("[chaos soak " + label + "] FAILED " + failure.describe());
                        }
                        int finished = done.incrementAndGet();
                        if (progressEvery > 0 && finished % progressEvery == 0) {
                            out.printf("[chaos soak %s] %d/%d runs, %d failed, %.0f s%n", label, finished, runs,
                                    failures.size(), (System.nanoTime() - began) / 1e9);
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the soak was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a soak run failed outside its checks", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        failures.sort(java.util.Comparator.comparingLong(Failure::seed));
        return new Report(label, runs, failures, totals, millis, Math.max(1, threads),
                (System.nanoTime() - began) / 1_000_000);
    }

    /** One run: its failure, or null; adds its figures to {@code totals}. */
    private static Failure runOne(long seed, Stores stores, Map<String, Long> totals) {
        Scenario scenario = ChaosScenarios.soak(seed);
        try (OpenStore store = stores.open(seed)) {
            Result result = ChaosRun.run(scenario, store.store());
            synchronized (totals) {
                ChaosRun.accumulate(totals, result.figures());
            }
            List<String> violations = new ArrayList<>(result.violations());
            violations.addAll(result.knownBugs());
            return violations.isEmpty() ? null : new Failure(seed, scenario, violations, result.log(), result.figures());
        } catch (RuntimeException | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Failure(seed, scenario, List.of("the run threw: " + e), trace.toString(), Map.of());
        }
    }
}
