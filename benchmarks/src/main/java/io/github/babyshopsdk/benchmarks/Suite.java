package io.github.babyshopsdk.benchmarks;

import java.util.List;

/** One group of figures (a benchmark program); run by {@link BenchmarkMain}, one after another. */
public interface Suite {

    /** A short name used on the command line ({@code --only drain,decode}). */
    String name();

    /**
     * Measures and returns this suite's figures.
     *
     * @throws Exception when the measurement cannot be made; the runner reports it and goes on with the next suite
     */
    List<Figure> run(RunSettings settings) throws Exception;
}
