package io.github.babyshopsdk.sync.e2e;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The life of one simulated engine process. The crashable points (every state-store transaction and every
 * host call, counted from when the switch was armed) are numbered; at the armed point the process dies:
 * {@code RuntimeException("crash")} is thrown either before the point's effect (the transaction or host
 * call never happens) or after it (it happened, the caller never learns). From then on every call into
 * the store, the host or the channel throws the same, so a dead process commits and sends nothing more;
 * the test builds a new engine over the same store and host, as a restarted process would.
 * Single-threaded use (one engine run at a time).
 */
final class CrashSwitch {
    static final String MESSAGE = "crash";

    private final AtomicLong points = new AtomicLong();
    private long crashAt;
    private boolean afterEffect;
    private volatile boolean dead;
    private volatile String where;

    /** Arms the switch: the {@code at}-th crashable point from now dies (0 = never). */
    void arm(long at, boolean afterTheEffect) {
        points.set(0);
        this.crashAt = at;
        this.afterEffect = afterTheEffect;
    }

    void disarm() {
        arm(0, false);
    }

    /** A crashable point is reached; returns its number, or dies. */
    long before(String what) {
        alive();
        long n = points.incrementAndGet();
        if (n == crashAt && !afterEffect) {
            die("before " + what);
        }
        return n;
    }

    /** The effect of point {@code n} happened; dies if that was the armed point and the crash comes after it. */
    void after(long n, String what) {
        if (n == crashAt && afterEffect && !dead) {
            die("after " + what);
        }
    }

    /** Throws if the process is dead. */
    void alive() {
        if (dead) {
            throw crash();
        }
    }

    /** The crash: a plain {@code RuntimeException("crash")}, without a stack trace (the engine logs it). */
    static RuntimeException crash() {
        return new RuntimeException(MESSAGE) {
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        };
    }

    boolean dead() {
        return dead;
    }

    /** Where the process died, e.g. {@code "after createOrder 500000012"}. */
    String where() {
        return where;
    }

    long points() {
        return points.get();
    }

    private void die(String what) {
        dead = true;
        where = what;
        throw crash();
    }
}
