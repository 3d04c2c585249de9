package io.github.babyshopsdk.benchmarks.scale;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Figure 5 of issue 16, the engine's cost per record: orders/s and SKUs/s per core (CPU time of the thread that
 * runs the engine, from {@link ThreadMXBean}) while draining a backlog, on in-memory, H2 (in-memory database) and,
 * when the run has a PostgreSQL URL, PostgreSQL state; JDBC statements and commits per order and per SKU (counted
 * by a {@link CountingDataSource}); and the order drain's wall time on JDBC state against in-memory state (target
 * within 3x). The baseline of every ratio is the in-memory figure of the same run. The simulator runs in this JVM
 * on a simulated clock without quota, and the client's budget is large: the figures are CPU and database work,
 * not quota. A small in-memory drain runs first to warm the JIT.
 */
public final class CostSuite implements Suite {

    private static final long SEED = 16;

    private final int fixedOrders;
    private final int fixedSkus;

    /** The suite at the sizes of the run: 4,000 orders and 10,000 SKUs ({@code --quick}: 300 and 600). */
    public CostSuite() {
        this(0, 0);
    }

    /** The suite at fixed sizes, whatever the run's settings (for tests). */
    CostSuite(int orders, int skus) {
        this.fixedOrders = orders;
        this.fixedSkus = skus;
    }

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public List<Figure> run(RunSettings settings) {
        int orders = fixedOrders > 0 ? fixedOrders : settings.quick() ? 300 : 4_000;
        int skus = fixedSkus > 0 ? fixedSkus : settings.quick() ? 600 : 10_000;
        drainOrders(StateKinds::inMemory, Math.min(orders, 500));
        drainSkus(StateKinds::inMemory, Math.min(skus, 1_000));

        Drain memOrders = drainOrders(StateKinds::inMemory, orders);
        Drain memSkus = drainSkus(StateKinds::inMemory, skus);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.absolute("cost.orders.memory", String.format(Locale.ROOT,
                "orders/s per core, in-memory state (%,d orders)", orders), memOrders.perCpuSecond(), "orders/s"));
        figures.add(Figure.absolute("cost.skus.memory", String.format(Locale.ROOT,
                "SKUs/s per core, catalog + inventory, in-memory state (%,d)", skus), memSkus.perCpuSecond(),
                "SKUs/s"));
        jdbcFigures(figures, "h2", "H2", StateKinds::h2Memory, orders, skus, memOrders, memSkus);
        settings.postgresUrl().ifPresent(url -> jdbcFigures(figures, "pg", "PostgreSQL",
                () -> StateKinds.postgres(url, settings.postgresUser(), settings.postgresPassword()), orders, skus,
                memOrders, memSkus));
        return figures;
    }

    private static void jdbcFigures(List<Figure> figures, String key, String label, Supplier<StateKinds> kind,
                                    int orders, int skus, Drain memOrders, Drain memSkus) {
        Drain o = drainOrders(kind, orders);
        Drain s = drainSkus(kind, skus);
        figures.add(Figure.against("cost.orders." + key, "orders/s per core, " + label + " state (vs in-memory)",
                o.perCpuSecond(), memOrders.perCpuSecond(), "orders/s"));
        figures.add(Figure.against("cost.skus." + key, "SKUs/s per core, " + label + " state (vs in-memory)",
                s.perCpuSecond(), memSkus.perCpuSecond(), "SKUs/s"));
        double ratio = o.wallMillis() / memOrders.wallMillis();
        figures.add(Figure.against("cost.orderDrainWall." + key, "order drain wall time, " + label
                + " vs in-memory state", o.wallMillis(), memOrders.wallMillis(), "ms").withTarget("<= 3x",
                ratio <= 3.0));
        figures.add(Figure.absolute("cost.statementsPerOrder." + key, "JDBC statements per order, " + label,
                o.statements() / (double) o.records(), "stmts"));
        figures.add(Figure.absolute("cost.commitsPerOrder." + key, "JDBC commits per order, " + label,
                o.commits() / (double) o.records(), "commits"));
        figures.add(Figure.absolute("cost.statementsPerSku." + key, "JDBC statements per SKU (catalog + inventory), "
                + label, s.statements() / (double) s.records(), "stmts"));
    }

    /** The orders flow draining a backlog of {@code orders} orders (about a third of them not mapped: skipped). */
    static Drain drainOrders(Supplier<StateKinds> kind, int orders) {
        try (StateKinds state = kind.get();
                SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(SEED).noQuota()
                        .fixture(Fixture.of(SEED, orders, 50).withJitShare(0)).build().start();
                EngineRig rig = rig(sim, state)) {
            int records = (int) sim.store().orders().stream().filter(o -> !o.jit()).map(SimOrder::orderNo).count();
            return measure(state, records, () -> drain(rig, Flow.ORDERS));
        }
    }

    /** The catalog flow importing {@code skus} SKUs, then the inventory flow pushing the linked ones. */
    static Drain drainSkus(Supplier<StateKinds> kind, int skus) {
        try (StateKinds state = kind.get();
                SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(SEED).noQuota()
                        .fixture(Fixture.of(SEED, 0, skus)).build().start();
                EngineRig rig = rig(sim, state)) {
            return measure(state, sim.store().products().size(), () -> {
                drain(rig, Flow.CATALOG);
                drain(rig, Flow.INVENTORY);
            });
        }
    }

    private static EngineRig rig(SellerPanelSimulator sim, StateKinds state) {
        SimulatedClock clock = sim.simulatedClock();
        return new EngineRig(sim.baseUrl(), SellerPanelSimulator.DEFAULT_USERNAME,
                SellerPanelSimulator.DEFAULT_PASSWORD, sim.zone(), sim.clock(), d -> {
                    if (!d.isNegative()) {
                        clock.advance(d);
                    }
                }, state.store());
    }

    /** Runs a flow until a run takes nothing new in (at most 1,000 runs). */
    private static void drain(EngineRig rig, Flow flow) {
        for (int i = 0; i < 1_000; i++) {
            FlowReport report = rig.engine().run(flow);
            if (report.imported() + report.updated() + report.pushed() == 0) {
                return;
            }
        }
    }

    private static Drain measure(StateKinds state, int records, Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long statements = state.counting().map(CountingDataSource::statements).orElse(0L);
        long commits = state.counting().map(CountingDataSource::commits).orElse(0L);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        work.run();
        long wallNanos = System.nanoTime() - wall;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpu;
        return new Drain(records, cpuNanos, wallNanos,
                state.counting().map(CountingDataSource::statements).orElse(0L) - statements,
                state.counting().map(CountingDataSource::commits).orElse(0L) - commits);
    }

    /**
     * One measured drain.
     *
     * @param records orders or SKUs in the backlog
     * @param cpuNanos CPU time of the engine's thread
     * @param wallNanos wall time
     * @param statements JDBC statements executed (0 on in-memory state)
     * @param commits JDBC commits (0 on in-memory state)
     */
    record Drain(int records, long cpuNanos, long wallNanos, long statements, long commits) {

        /** Records per CPU second. */
        double perCpuSecond() {
            return records / (Math.max(1, cpuNanos) / 1e9);
        }

        /** Wall time in milliseconds. */
        double wallMillis() {
            return Math.max(1, wallNanos) / 1e6;
        }
    }
}
