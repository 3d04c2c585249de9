package io.github.babyshopsdk.benchmarks.scale;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowReport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The engine side of the scale benchmark, run by {@link ScaleSuite} in a JVM of its own (with {@code -Xmx64m}) so
 * that the heap it measures is the engine's: the simulator runs in the parent JVM and is reached over loopback. The
 * engine (on H2 file state, a {@link LeanHost}, the system clock and a large local quota) runs every flow, round
 * after round, until a round takes nothing new in, then prints one line:
 * <pre>SCALE-RESULT upserts=.. created=.. pushed=.. rounds=.. engineCpuMs=.. processCpuMs=.. peakHeapBytes=..
 *   maxLiveHeapBytes=.. wallMs=..</pre>
 * (and, every 5 s before that, {@code SCALE-PROGRESS upserts=.. created=.. engineCpuMs=..}). Engine CPU is the CPU
 * time of the thread that runs the engine; peak heap is the highest heap use sampled every 10 ms or seen before a
 * collection; max live heap is the highest heap use after a collection. An
 * {@link OutOfMemoryError} ends the JVM (the parent starts it with {@code -XX:+ExitOnOutOfMemoryError}).
 *
 * <p>Arguments: {@code baseUrl username zone h2Directory maxRounds}; the password is read from the environment
 * variable {@value #PASSWORD_ENV}.
 */
public final class ScaleProgram {

    /** The environment variable holding the simulator's password. */
    static final String PASSWORD_ENV = "BABYSHOP_SIM_PASSWORD";
    /** The prefix of the result line. */
    static final String RESULT = "SCALE-RESULT";
    /** The prefix of the progress lines. */
    static final String PROGRESS = "SCALE-PROGRESS";

    private ScaleProgram() {
    }

    /**
     * Runs the engine against the simulator and prints the result line.
     *
     * @param args {@code baseUrl username zone h2Directory maxRounds}
     * @throws InterruptedException when interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: ScaleProgram baseUrl username zone h2Directory maxRounds");
            System.exit(2);
        }
        HeapWatch heap = HeapWatch.start();
        long wall = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        String url = "jdbc:h2:file:" + Path.of(args[3]).resolve("state").toAbsolutePath();
        long pushed = 0;
        int rounds = 0;
        try (StateKinds state = StateKinds.h2(url);
                EngineRig rig = new EngineRig(args[0], args[1], System.getenv(PASSWORD_ENV), ZoneId.of(args[2]),
                        Clock.systemUTC(), Sleeper.system(), state.store())) {
            int maxRounds = Integer.parseInt(args[4]);
            startProgress(rig.host(), Thread.currentThread().getId());
            while (rounds < maxRounds) {
                rounds++;
                List<FlowReport> reports = rig.engine().runAll();
                pushed += reports.stream().filter(r -> r.flow() == Flow.INVENTORY).mapToLong(FlowReport::pushed).sum();
                if (reports.stream().allMatch(r -> r.imported() + r.updated() + r.pushed() == 0)) {
                    break;
                }
            }
            long engineCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
            long wallNanos = System.nanoTime() - wall;
            heap.stop();
            System.out.printf(Locale.ROOT, "%s upserts=%d created=%d pushed=%d rounds=%d engineCpuMs=%d"
                            + " processCpuMs=%d peakHeapBytes=%d maxLiveHeapBytes=%d wallMs=%d%n", RESULT,
                    rig.host().upserts(), rig.host().creates(), pushed, rounds, engineCpu / 1_000_000,
                    processCpuNanos() / 1_000_000, heap.peak(), heap.maxLive(), wallNanos / 1_000_000);
        }
    }

    /** Prints {@value #PROGRESS} lines every 5 s: what the host received so far and the engine's CPU. */
    private static void startProgress(LeanHost host, long engineThread) {
        Thread progress = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf(Locale.ROOT, "%s upserts=%d created=%d engineCpuMs=%d%n", PROGRESS, host.upserts(),
                        host.creates(), ManagementFactory.getThreadMXBean().getThreadCpuTime(engineThread) / 1_000_000);
            }
        }, "progress");
        progress.setDaemon(true);
        progress.start();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Heap use: sampled every 10 ms, and before and after every collection. Thread-safe. */
    private static final class HeapWatch {
        private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong maxLive = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            this.sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                .equals(notification.getType())) {
                            return;
                        }
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long before = heapUsed(info.getGcInfo().getMemoryUsageBeforeGc());
                        long after = heapUsed(info.getGcInfo().getMemoryUsageAfterGc());
                        peak.accumulateAndGet(before, Math::max);
                        maxLive.accumulateAndGet(after, Math::max);
                    }, null, null);
                }
            }
        }

        private static long heapUsed(Map<String, MemoryUsage> pools) {
            return pools.entrySet().stream().filter(e -> HEAP_POOLS.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.sampler.start();
            return watch;
        }

        void stop() {
            running = false;
            sampler.interrupt();
        }

        long peak() {
            return peak.get();
        }

        long maxLive() {
            return maxLive.get();
        }
    }
}
