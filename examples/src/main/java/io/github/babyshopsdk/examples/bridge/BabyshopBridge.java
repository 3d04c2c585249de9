package io.github.babyshopsdk.examples.bridge;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Babyshop bridge: a standalone program that syncs one Babyshop store (SellerPanel V3) with a file-backed
 * host, and the main class of {@code babyshop-examples-all.jar}.
 *
 * <ul>
 *   <li><b>Demo</b> (no arguments): starts the testkit simulator with a seeded store and a small demo host, runs
 *       every flow until the store converges (on simulated time, so quota waits cost nothing), prints a progress
 *       line per flow, a report table and a JSON summary; exits 0.</li>
 *   <li><b>Bridge</b> ({@code --base-url ... --username ... --password-env VAR --config FILE --inventory FILE
 *       [--host-events FILE] --out DIR [--state JDBC_URL] [--once | --cycles N] [--listen [HOST:]PORT
 *       --listen-token-env VAR]}): the same against any SellerPanel V3 server; with {@code --listen}, Vinculum's
 *       order notifications are received beside the schedule ({@code NotificationReceiver}); see {@code --help} and
 *       the README.</li>
 * </ul>
 *
 * <p>Exit codes: 0 the run completed (failed records are counted in the summary), {@value #EXIT_FLOWS_SKIPPED}
 * the run completed but some flows were skipped because another instance holds their lease (or this run lost
 * it): the report and the JSON summary's {@code skipped} name them and the holder; run again after the lease's
 * expiry), 2 bad input (arguments, configuration, CSV files, state database), 3 authentication failed or the
 * server cannot be reached, 1 an unexpected failure. The last line on standard output is the JSON summary; the
 * log goes to standard error.
 */
public final class BabyshopBridge {
    /** Exit code: the run completed, but some flows were skipped (their lease is held by another instance). */
    public static final int EXIT_FLOWS_SKIPPED = 4;

    private BabyshopBridge() {
    }

    /**
     * The cap on the open connections of the JDK's HTTP server ({@code jdk.httpserver.maxConnections}) that
     * {@link #main} sets unless given ({@code -Djdk.httpserver.maxConnections=N}): beyond it the {@code --listen}
     * receiver closes new connections at once, so a flood of idle connections costs bounded file descriptors.
     */
    static final String MAX_CONNECTIONS = "512";

    /** Runs the bridge (or the demo, without arguments) and exits with its exit code. */
    public static void main(String[] args) {
        // read once by the JDK server, before its first use: the process's setting, so main sets it, not run()
        System.getProperties().putIfAbsent("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the bridge in-process with real time: what {@link #main} does, without exiting.
     *
     * @param env environment variables (the password variable, the state database's user)
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, BridgeEnvironment.system().withEnv(env));
    }

    /**
     * Runs the bridge in-process with the given clock, sleeper and working directory (tests run it on a
     * simulator's time).
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err, BridgeEnvironment environment) {
        return run(args, out, err, environment, runner -> { });
    }

    /**
     * What {@link #run(String[], PrintStream, PrintStream, BridgeEnvironment)} does, letting {@code prepare} see
     * the runner before it runs (the secrets sweep inspects every configured object through it).
     *
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err, BridgeEnvironment environment,
                   Consumer<BridgeRunner> prepare) {
        try {
            if (args.length == 0) {
                Path dir;
                try {
                    dir = Files.createTempDirectory("babyshop-demo-");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the demo directory", e);
                }
                return demo(dir, out, err);
            }
            BridgeRequest request = BridgeCommand.request(args, environment.env(), environment.workingDir(), out);
            if (request == null) {
                return 0; // --help or --version
            }
            if (request instanceof AdminRequest admin) {
                return new AdminRunner(admin, environment, out, err).run();
            }
            BridgeInputs inputs = (BridgeInputs) request;
            BridgeRunner runner = new BridgeRunner(inputs, environment, out, err, null);
            prepare.accept(runner);
            return runner.run();
        } catch (BridgeFailure failure) {
            err.println("babyshop-bridge: " + failure.getMessage());
            return failure.exitCode();
        } catch (RuntimeException e) {
            err.println("babyshop-bridge: unexpected failure: " + SafeText.of(e.toString()));
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * The demo: the bridge in {@code --once} mode against a seeded simulator, with its files in {@code dir}
     * (kept afterwards, to look at).
     *
     * @return the exit code
     */
    static int demo(Path dir, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        try (DemoStore demo = DemoStore.start(dir)) {
            out.println("Babyshop bridge demo: " + demo.describe());
            out.println("demo files     " + dir.toAbsolutePath() + " (config.yml, inventory.csv, host-events.csv, "
                    + "state/, host/)");
            BridgeEnvironment environment = demo.environment();
            BridgeInputs inputs = BridgeCommand.parse(demo.args(), environment.env(), dir, out);
            BridgeRunner runner = new BridgeRunner(inputs, environment, out, err, demo::afterPass);
            runner.beforeSummary(() -> String.format(Locale.ROOT, "demo time      %.1f s (simulated: %s of quota waits "
                    + "and schedule)", (System.nanoTime() - started) / 1e9, BridgeRunner.human(demo.simulatedTime())));
            return runner.run();
        }
    }
}
