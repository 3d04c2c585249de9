package io.github.babyshopsdk.examples.bridge;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The executor of the receiver's {@code HttpServer}, with a watchdog per exchange.
 *
 * <p>The JDK 17 server reads a request's line, headers and body with blocking reads on the executor's thread
 * ({@code sun.net.httpserver.ServerImpl.Exchange}), so a client that stalls would hold a thread for ever. Here each
 * exchange runs on a bounded pool ({@link ReceiverLimits#threads()} threads, {@link ReceiverLimits#queue()} waiting;
 * beyond that {@link #execute} throws {@link java.util.concurrent.RejectedExecutionException} and the JDK's
 * dispatcher closes the connection) under a deadline ({@link ReceiverLimits#requestDeadline()}) that starts when its
 * first byte has arrived: if the request is still being received then (its headers or its body), the watchdog
 * interrupts the thread, which closes the socket channel (an interruptible channel) and ends the exchange with no
 * answer. Once the handler has the whole body ({@link #received()}), the deadline no longer applies: the durable
 * write of the hints is never interrupted. Thread-safe.
 */
final class ReceiverExecutor implements Executor, AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor watchdog;
    private final long deadlineNanos;
    private final ThreadLocal<Guard> current = new ThreadLocal<>();
    private final AtomicLong expired = new AtomicLong();

    /** An executor with {@code limits}' threads, queue and deadline; its threads are daemons. */
    ReceiverExecutor(ReceiverLimits limits) {
        AtomicInteger threadNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), task -> daemon(task,
                "babyshop-receiver-" + threadNumber.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "babyshop-receiver-watchdog"));
        this.watchdog.setRemoveOnCancelPolicy(true);
        Duration deadline = limits.requestDeadline();
        this.deadlineNanos = deadline.toNanos();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Runs {@code exchange} on the pool under the deadline.
     *
     * @throws java.util.concurrent.RejectedExecutionException when every thread is busy and the queue is full, or
     *     after {@link #close()} (the JDK's dispatcher then closes the connection)
     */
    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> guarded(exchange));
    }

    private void guarded(Runnable exchange) {
        Guard guard = new Guard(Thread.currentThread());
        current.set(guard);
        ScheduledFuture<?> alarm = watchdog.schedule(() -> guard.expire(expired::incrementAndGet), deadlineNanos,
                TimeUnit.NANOSECONDS);
        try {
            exchange.run();
        } finally {
            alarm.cancel(false);
            guard.finish();
            current.remove();
            Thread.interrupted(); // the watchdog's interrupt, if it came: never carried into the next exchange
        }
    }

    /**
     * Called by the handler on the exchange's thread once the request is wholly received: from then on the deadline
     * no longer applies. False when the deadline has passed already (the exchange is being closed: answer nothing).
     */
    boolean received() {
        Guard guard = current.get();
        return guard == null || guard.received();
    }

    /** Exchanges closed by the watchdog so far. */
    long expired() {
        return expired.get();
    }

    /** Exchanges running or waiting. */
    int busy() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    /** Stops the threads (interrupting the exchanges still running). */
    @Override
    public void close() {
        watchdog.shutdownNow();
        pool.shutdownNow();
    }

    /** One exchange's state: receiving, processing (past the deadline's reach), done, or expired. */
    private static final class Guard {
        private enum State { RECEIVING, PROCESSING, DONE, EXPIRED }

        private final Thread thread;
        private State state = State.RECEIVING;

        Guard(Thread thread) {
            this.thread = thread;
        }

        /** Ends the exchange if it is still receiving: counts it, then interrupts its thread. */
        synchronized void expire(Runnable count) {
            if (state == State.RECEIVING) {
                state = State.EXPIRED;
                count.run(); // before the interrupt: the client that sees its connection closed sees it counted
                thread.interrupt(); // under the lock: the thread cannot have moved on to processing
            }
        }

        synchronized boolean received() {
            if (state == State.RECEIVING) {
                state = State.PROCESSING;
                return true;
            }
            return false;
        }

        synchronized void finish() {
            state = State.DONE;
        }
    }
}
