package io.github.babyshopsdk.benchmarks.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cost and scale suites run at small sizes and return well-formed figures (ids, positive finite values,
 * baselines where they compare, targets where the issue sets one). The values are not checked: they are
 * measurements.
 */
class ScaleSuitesSmokeTest {

    private static final RunSettings QUICK = new RunSettings(true, Optional.empty(), "postgres", "");

    @Test
    void costSuiteReportsEveryStateKindWithWellFormedFigures() throws Exception {
        List<Figure> figures = new CostSuite(60, 150).run(QUICK);

        assertThat(figures).extracting(Figure::id).containsExactly("cost.orders.memory", "cost.skus.memory",
                "cost.orders.h2", "cost.skus.h2", "cost.orderDrainWall.h2", "cost.statementsPerOrder.h2",
                "cost.commitsPerOrder.h2", "cost.statementsPerSku.h2");
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).isPositive().isFinite());
        assertThat(figures).filteredOn(f -> f.id().endsWith(".h2") && !f.id().contains("PerS") && !f.id()
                .contains("PerO")).allSatisfy(f -> assertThat(f.baseline()).isPositive().isFinite());
        assertThat(figures).filteredOn(f -> f.id().startsWith("cost.orderDrainWall"))
                .allSatisfy(f -> assertThat(f.target()).hasValue("<= 3x"));
    }

    @Test
    void scaleSuiteRunsTheEngineInA64MiBChildAndReportsItsFigures() throws Exception {
        List<Figure> figures = new ScaleSuite(new ScaleSuite.Size(600, 150), new ScaleSuite.Size(300, 75))
                .run(QUICK);

        assertThat(figures).extracting(Figure::id).containsExactly("scale.completed", "scale.cpuPerSku",
                "scale.engineCpu", "scale.processCpu", "scale.peakHeap", "scale.liveHeap", "scale.wall");
        assertThat(figures.get(0).value()).as(figures.get(0).description()).isEqualTo(1);
        assertThat(figures.get(0).met()).hasValue(true);
        assertThat(figures.subList(1, figures.size())).allSatisfy(f -> {
            assertThat(f.value()).as(f.id()).isPositive().isFinite();
            assertThat(f.baseline()).as(f.id()).isPositive().isFinite();
        });
        assertThat(figures.get(1).target()).hasValue("<= 1.5x");
    }

    @Test
    void anOutOfMemoryEndIsAFigureNotAFailure() {
        ScaleSuite.Outcome oom = ScaleSuite.Outcome.parse(List.of("Terminating due to java.lang.OutOfMemoryError:"
                + " Java heap space"), 3);
        ScaleSuite.Outcome done = ScaleSuite.Outcome.parse(List.of("noise", ScaleProgram.RESULT + " upserts=1"
                + " created=1 pushed=1 rounds=2 engineCpuMs=10 processCpuMs=20 peakHeapBytes=2000000"
                + " maxLiveHeapBytes=1000000 wallMs=30"), 0);

        List<Figure> figures = ScaleSuite.figures(new ScaleSuite.Size(20, 5), done, new ScaleSuite.Size(200, 50),
                oom);

        assertThat(figures.get(0)).satisfies(f -> {
            assertThat(f.id()).isEqualTo("scale.completed");
            assertThat(f.value()).isZero();
            assertThat(f.description()).contains("out of memory");
            assertThat(f.met()).hasValue(false);
        });
        assertThat(figures).extracting(Figure::id).containsExactly("scale.completed", "scale.small.cpuPerSku",
                "scale.small.peakHeap", "scale.small.wall");
        assertThat(figures.get(1).value()).isEqualTo(500.0);
        assertThat(ScaleSuite.Outcome.progress(List.of(ScaleProgram.PROGRESS + " upserts=7 created=3"
                + " engineCpuMs=4000"))).contains("7 SKUs upserted", "3 orders created", "engine CPU 4 s");
    }
}
