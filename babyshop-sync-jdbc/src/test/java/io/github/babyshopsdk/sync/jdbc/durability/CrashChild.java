package io.github.babyshopsdk.sync.jdbc.durability;

import com.zaxxer.hikari.HikariDataSource;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The engine node that {@link KillAndRestartTest} forks, kills with SIGKILL and starts again: wires an
 * {@link EngineNode} (client on the simulator of the parent JVM, JDBC state and {@link JdbcTestHost} on the
 * shared database), applies the configuration, then calls {@code runAll()} in a loop (as a host's
 * scheduler would), printing one line per pass.
 *
 * <p>Arguments {@code key=value}: {@code sim} (simulator base URL), {@code url}, {@code user} (the shared
 * database; its password comes in the environment variable {@value ChildJvm#PASSWORD_VARIABLE}, not on the
 * command line), {@code instance} (engine instance id; a restarted node keeps
 * its id, as a restarted service does; without it, the engine's default id of this process),
 * {@code leaseTtlMillis} (the lease ttl; default the engine's), {@code mode}: {@code loop} runs until killed, {@code converge}
 * runs until two quiet passes at least {@code 1.2 s} apart (nothing imported, updated or pushed, every
 * flow completed), then exits 0 after printing {@code CONVERGED}; {@code maxSeconds} caps it (exit 3).
 *
 * <p>Lines printed, each ending in {@code @<JVM uptime in ms>}: {@code STARTED} (engine built),
 * {@code CONFIGURED}, {@code FLOW <flow>} (a flow run took its lease and started), {@code HOST-CREATED
 * <orderNo>} (the host committed a new order; the engine has not committed the import yet),
 * {@code IMPORTED <orderNo>} (the engine committed the import), {@code PASS <n> <quiet|busy> <figures>},
 * {@code CONVERGED <passes>}.
 */
public final class CrashChild {
    private static final long QUIET_GAP_MILLIS = 1_200;
    private static final long HOST_ANSWER_MILLIS = 4;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        PrintStream out = System.out;
        long deadline = System.nanoTime() + Long.parseLong(arg.getOrDefault("maxSeconds", "120")) * 1_000_000_000L;
        boolean converge = "converge".equals(arg.get("mode"));
        HikariDataSource pool = SharedDatabase.pool(arg.get("url"), arg.get("user"),
                System.getenv().getOrDefault(ChildJvm.PASSWORD_VARIABLE, ""), "child", 6);
        SyncListener progress = new SyncListener() {
            @Override
            public void flowStarted(Flow flow) {
                say(out, "FLOW " + flow);
            }

            @Override
            public void orderImported(String orderNo, String hostOrderId, String hub) {
                say(out, "IMPORTED " + orderNo);
            }
        };
        // no instance id: the engine's default (host name, pid, random suffix), as a fresh process would have
        String instance = arg.getOrDefault("instance", EngineOptions.defaultInstanceId());
        long leaseTtlMillis = Long.parseLong(arg.getOrDefault("leaseTtlMillis", "0"));
        UnaryOperator<EngineOptions.Builder> leases = leaseTtlMillis <= 0 ? UnaryOperator.identity()
                : options -> options.leaseTtl(Duration.ofMillis(leaseTtlMillis));
        EngineNode node = EngineNode.create(arg.get("sim"), pool, instance, false, false,
                UnaryOperator.identity(), progress, UnaryOperator.identity(), leases);
        node.host().afterCreate(orderNo -> {
            say(out, "HOST-CREATED " + orderNo);
            // the answer of a remote host takes a moment to come back: a window for kills after its commit
            pause(HOST_ANSWER_MILLIS);
        });
        say(out, "STARTED " + instance);
        node.configure();
        say(out, "CONFIGURED");
        int passes = 0;
        long lastQuietNanos = -1;
        while (System.nanoTime() < deadline) {
            List<FlowReport> pass = node.engine().runAll();
            passes++;
            boolean quiet = EngineNode.quiet(pass);
            say(out, "PASS " + passes + " " + (quiet ? "quiet" : "busy") + " " + EngineNode.describe(pass));
            if (converge) {
                long now = System.nanoTime();
                if (!quiet) {
                    lastQuietNanos = -1;
                } else if (lastQuietNanos < 0) {
                    lastQuietNanos = now;
                } else if (now - lastQuietNanos >= QUIET_GAP_MILLIS * 1_000_000L) {
                    say(out, "CONVERGED " + passes);
                    node.engine().close();
                    node.client().close();
                    pool.close();
                    System.exit(0);
                }
                Thread.sleep(quiet ? 200 : 10);
            } else {
                Thread.sleep(15);
            }
        }
        say(out, "NOT CONVERGED after " + passes + " passes");
        System.exit(3);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints a line with the JVM's uptime in milliseconds. */
    private static void say(PrintStream out, String line) {
        synchronized (out) {
            out.println(line + " @" + ManagementFactory.getRuntimeMXBean().getUptime());
            out.flush();
        }
    }
}
