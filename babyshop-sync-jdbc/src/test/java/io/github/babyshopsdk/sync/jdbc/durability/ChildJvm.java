package io.github.babyshopsdk.sync.jdbc.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A forked JVM running {@link CrashChild} on this JVM's test class path, with its output (stdout and stderr
 * merged) drained by a thread of its own so the child never blocks on a full pipe. Only this test's own
 * process is ever ended, by its handle.
 */
final class ChildJvm {
    /** The environment variable that passes the database password to the child. */
    static final String PASSWORD_VARIABLE = "BABYSHOP_DURABILITY_DB_PASSWORD";
    private static final int KEPT_LINES = 60;

    private final Process process;
    private final Thread drain;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> markers = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private int passes;
    private String lastStep = "JVM";

    private ChildJvm(Process process) {
        this.process = process;
        this.drain = new Thread(this::drain, "child-output-" + process.pid());
        this.drain.setDaemon(true);
        this.drain.start();
    }

    /** Starts {@code java -cp <test class path> CrashChild args...}, the database password in its environment. */
    static ChildJvm start(List<String> args, String databasePassword) {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(Path.of(".").toAbsolutePath().toFile());
            builder.environment().put(PASSWORD_VARIABLE, databasePassword);
            return new ChildJvm(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fork the engine node", e);
        }
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    tail.addLast(line);
                    if (tail.size() > KEPT_LINES) {
                        tail.removeFirst();
                    }
                    if (line.startsWith("PASS ")) {
                        passes++;
                        lastStep = "PASS";
                    } else if (line.startsWith("IMPORTED ") || line.startsWith("HOST-CREATED ")) {
                        lastStep = "ORDERS";
                    } else if (line.startsWith("FLOW ")) {
                        lastStep = line.split(" ")[1];
                    } else if (line.startsWith("STARTED") || line.startsWith("CONFIGURED")
                            || line.startsWith("CONVERGED") || line.startsWith("NOT CONVERGED")) {
                        markers.add(line);
                        lastStep = line.split(" ")[0];
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed
        }
    }

    /** Waits until the child printed a line starting with {@code marker}, or exited; true when printed. */
    synchronized boolean awaitMarker(String marker, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (markers.stream().noneMatch(m -> m.startsWith(marker))) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || (!process.isAlive() && !drain.isAlive())) {
                return false;
            }
            wait(Math.min(left, 50));
        }
        return true;
    }

    /**
     * Waits until the child printed the {@code occurrence}-th line starting with {@code prefix} after a line
     * starting with {@code after}; false, at once, when it printed a line starting with {@code stop} (after
     * {@code after}) first, exited, or the timeout passed.
     */
    synchronized boolean awaitLine(String after, String prefix, int occurrence, String stop, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            boolean armed = false;
            int seen = 0;
            for (String line : lines) {
                if (armed && line.startsWith(prefix) && ++seen == occurrence) {
                    return true;
                }
                if (armed && line.startsWith(stop)) {
                    return false;
                }
                armed |= line.startsWith(after);
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0 || (!process.isAlive() && !drain.isAlive())) {
                return false;
            }
            wait(Math.min(left, 20));
        }
    }

    /** Kills the child at once (SIGKILL on Linux) and returns its exit code. */
    int killHard() throws InterruptedException {
        process.destroyForcibly();
        int code = process.waitFor();
        drain.join(5_000);
        return code;
    }

    /** Waits for the child to exit by itself; -1 when it did not within the timeout (it is then killed). */
    int awaitExit(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            killHard();
            return -1;
        }
        drain.join(5_000);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** {@code runAll()} passes the child reported. */
    synchronized int passes() {
        return passes;
    }

    /**
     * What the child was doing when it printed its last progress line: {@code JVM} (not started), a marker
     * ({@code STARTED}, {@code CONFIGURED}), the flow running ({@code ORDERS}, ...), or {@code PASS}
     * (between passes).
     */
    synchronized String lastStep() {
        return lastStep;
    }

    synchronized List<String> markers() {
        return List.copyOf(markers);
    }

    /** Every line it printed. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** The last lines it printed. */
    synchronized String tail() {
        return String.join(System.lineSeparator(), tail);
    }
}
