package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: prints the engine CPU of draining the inventory phase of a first push (every SKU newly linked,
 * 15 push calls of quota per run) on the in-memory store, for 20,000 and 50,000 SKUs. Run with
 * {@code -Dbabyshop.figures=true}; it asserts nothing (figures, not a timed test).
 */
@EnabledIfSystemProperty(named = "babyshop.figures", matches = "true")
class InventoryDrainFigures {
    private static final int CALLS_PER_RUN = 15;

    @Test
    void printInventoryDrainCpu() {
        main(new String[0]);
    }

    /** Runs the figures: a warm-up drain of 20,000, then each size (default 20,000 and 50,000; or the sizes given). */
    public static void main(String[] args) {
        drain(20_000); // warm-up (JIT), printed too
        int[] sizes = args.length == 0 ? new int[] {20_000, 50_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int skus : sizes) {
            drain(skus);
        }
    }

    private static void drain(int skus) {
        CatInvFixture f = new CatInvFixture();
        for (int i = 0; i < skus; i++) {
            String code = String.format("V%07d", i);
            String sku = "S" + code;
            f.link(code, sku);
            f.host.stock(code, "H1", "5");
            f.channel.statusOnAccept(sku, "Approved");
        }
        int reserve = QuotaLimits.vinculumDefault().reserveFor(Flow.INVENTORY.priority());
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long cpuBefore = bean.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        int runs = 0;
        long firstRun = 0;
        while (true) {
            f.channel.quotaRemaining(reserve + CALLS_PER_RUN);
            FlowReport report = f.runInventory();
            runs++;
            if (runs == 1) {
                firstRun = bean.getCurrentThreadCpuTime() - cpuBefore;
            }
            if (report.outcome() != FlowOutcome.WAITING_ON_QUOTA) {
                break;
            }
        }
        long cpu = bean.getCurrentThreadCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        System.out.printf("FIGURE inventory drain %,d SKUs: %d runs, engine CPU %.2f s (first run %.2f s, later runs"
                        + " %.1f ms each), wall %.2f s, pushed %d%n", skus, runs, cpu / 1e9, firstRun / 1e9,
                (cpu - firstRun) / 1e6 / Math.max(1, runs - 1), wall / 1e9, f.channel.pushedSkus().size());
    }
}
