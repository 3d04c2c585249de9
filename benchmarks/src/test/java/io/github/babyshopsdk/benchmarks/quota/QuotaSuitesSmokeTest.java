package io.github.babyshopsdk.benchmarks.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.benchmarks.Figure;
import io.github.babyshopsdk.benchmarks.RunSettings;
import io.github.babyshopsdk.benchmarks.Suite;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each simulated-clock suite with {@code --quick} settings and checks its figures are well formed: ids
 * prefixed with the suite's name and unique, values finite and not negative, baselines (where given) finite and
 * positive, a verdict with every target. Not their values: benchmarks print figures, they do not fail on them.
 */
class QuotaSuitesSmokeTest {
    private static final RunSettings QUICK = new RunSettings(true, Optional.empty(), "postgres", "");

    static Stream<Named<Suite>> suites() {
        return Stream.<Suite>of(new DrainSuite(), new SteadySuite(), new LatencySuite(), new FirstSyncSuite())
                .map(suite -> Named.of(suite.name(), suite));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void quickRunGivesWellFormedFigures(Suite suite) throws Exception {
        List<Figure> figures = suite.run(QUICK);

        assertThat(figures).as("figures of %s", suite.name()).isNotEmpty();
        assertThat(figures).extracting(Figure::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(suite.name() + "."));
        for (Figure f : figures) {
            assertThat(Double.isFinite(f.value())).as("%s value %s", f.id(), f.value()).isTrue();
            assertThat(f.value()).as("%s value", f.id()).isGreaterThanOrEqualTo(0);
            if (!Double.isNaN(f.baseline())) {
                assertThat(Double.isFinite(f.baseline())).as("%s baseline %s", f.id(), f.baseline()).isTrue();
                assertThat(f.baseline()).as("%s baseline", f.id()).isPositive();
            }
            assertThat(f.met().isPresent()).as("%s: a target has a verdict", f.id()).isEqualTo(f.target().isPresent());
        }
    }
}
