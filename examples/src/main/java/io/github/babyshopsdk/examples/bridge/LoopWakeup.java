package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.Sleeper;
import java.time.Duration;

/**
 * The wait of the bridge's scheduled loop, cut short when a notification's hints were accepted: the loop then runs
 * what is due at once and waits again until the next flow or hint is due ({@code engine.nextDue}), instead of
 * sleeping to the end of its tick.
 *
 * <p>The wait itself is the environment's {@link Sleeper} (real sleeping, or the tests' simulated time), on the loop's
 * thread; {@link #wake()} interrupts that thread only while it is inside this wait, and the interrupt is taken back
 * here, so it never reaches anything else. A wake while the loop is busy is remembered: the next wait returns at
 * once. An interrupt that is not a wake-up (the shutdown hook) still ends the wait with
 * {@link InterruptedException}. Thread-safe.
 */
final class LoopWakeup {
    private final Sleeper sleeper;
    private final Object lock = new Object();
    private Thread sleeping;
    private boolean pending;
    private boolean woken;
    private long wakeups;

    /** A wait that sleeps with {@code sleeper}. */
    LoopWakeup(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /**
     * Waits {@code duration}, or less when woken.
     *
     * @return whether the wait was cut short by {@link #wake()}
     * @throws InterruptedException when the thread is interrupted for another reason (the shutdown hook)
     */
    boolean sleep(Duration duration) throws InterruptedException {
        synchronized (lock) {
            if (pending) {
                pending = false;
                return true;
            }
            sleeping = Thread.currentThread();
        }
        try {
            sleeper.sleep(duration);
            return false;
        } catch (InterruptedException e) {
            synchronized (lock) {
                if (woken) {
                    woken = false;
                    return true;
                }
            }
            throw e;
        } finally {
            synchronized (lock) {
                sleeping = null;
                if (woken) {
                    // woken just as the wait ended: take the interrupt back (a shutdown also sets the bridge's flag)
                    woken = false;
                    Thread.interrupted();
                }
            }
        }
    }

    /** Ends the current wait now, or the next one at once when the loop is not waiting. */
    void wake() {
        synchronized (lock) {
            wakeups++;
            if (sleeping != null && !woken) {
                woken = true;
                sleeping.interrupt();
            } else if (sleeping == null) {
                pending = true;
            }
        }
    }

    /** How often {@link #wake()} was called. */
    long wakeups() {
        synchronized (lock) {
            return wakeups;
        }
    }
}
