package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.sync.memory.InMemoryHost;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every host port of an {@link InMemoryHost}, each call a crash point of a {@link CrashSwitch} (before or
 * after the host's own commit: a crash after {@code createOrder} is the case its idempotency exists for).
 * Counts the {@code createOrder} calls that reached the host, per order number. Optionally also fails host
 * calls at random ({@link HostFailures}) while the process lives on.
 */
final class CrashingHost extends ForwardingHost {
    private final CrashSwitch crash;
    private final Map<String, Integer> createCalls;
    private final HostFailures failures;
    private long point;

    /**
     * @param createCalls shared across restarts: createOrder calls that reached the host, by order number
     */
    CrashingHost(InMemoryHost delegate, CrashSwitch crash, Map<String, Integer> createCalls) {
        this(delegate, crash, createCalls, null);
    }

    /**
     * @param createCalls shared across restarts: createOrder calls that reached the host, by order number
     * @param failures random host failures (before or after the host's effect), or null for none
     */
    CrashingHost(InMemoryHost delegate, CrashSwitch crash, Map<String, Integer> createCalls, HostFailures failures) {
        super(delegate);
        this.crash = crash;
        this.createCalls = createCalls;
        this.failures = failures;
    }

    static Map<String, Integer> newCallCounter() {
        return new ConcurrentHashMap<>();
    }

    @Override
    protected void before(String method, String key) {
        point = crash.before(method + " " + key);
        if (failures != null) {
            failures.before(method);
        }
        if (method.equals("createOrder")) {
            createCalls.merge(key, 1, Integer::sum);
        }
    }

    @Override
    protected void after(String method, String key) {
        crash.after(point, method + " " + key);
        if (failures != null) {
            failures.after(method);
        }
    }
}
