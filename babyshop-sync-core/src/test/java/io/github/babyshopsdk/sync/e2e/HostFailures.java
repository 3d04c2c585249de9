package io.github.babyshopsdk.sync.e2e;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random failures of the host's ports, for {@link ChaosRun}: while {@linkplain #rate(double) switched on},
 * each host call fails with the given probability, half of the time before the host acts (nothing
 * happened) and half of the time after it (the host committed, the engine sees an exception: the "did
 * it happen?" case the host ports' idempotency exists for). The failure is a plain
 * {@link IllegalStateException}, as a host's database or service would throw; the process stays alive.
 * Seeded; counts what it injected, by kind and method. Single-threaded use (one engine run at a time).
 */
final class HostFailures {
    static final String MESSAGE = "host unavailable (injected)";

    private final Random random;
    private final Map<String, Long> injected = new TreeMap<>();
    private double rate;

    HostFailures(long seed) {
        this.random = new Random(seed);
    }

    /** Sets the failure probability per host call (0 switches failures off). */
    void rate(double probability) {
        this.rate = probability;
    }

    /** Before a host call: may fail it before its effect. */
    void before(String method) {
        if (rate > 0 && random.nextDouble() < rate / 2) {
            injected.merge("hostFailBefore." + method, 1L, Long::sum);
            throw new IllegalStateException(MESSAGE + " before " + method);
        }
    }

    /** After a host call took effect: may fail it all the same. */
    void after(String method) {
        if (rate > 0 && random.nextDouble() < rate / 2) {
            injected.merge("hostFailAfter." + method, 1L, Long::sum);
            throw new IllegalStateException(MESSAGE + " after " + method);
        }
    }

    /** The failures injected, by {@code hostFailBefore.<method>} / {@code hostFailAfter.<method>}. */
    Map<String, Long> injected() {
        return injected;
    }
}
