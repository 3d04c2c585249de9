package io.github.babyshopsdk.testkit;

import io.github.babyshopsdk.testkit.NotificationRecord.Outcome;
import io.github.babyshopsdk.testkit.internal.Dates;
import io.github.babyshopsdk.testkit.internal.HttpNotificationSink;
import io.github.babyshopsdk.testkit.internal.NotificationPayloads;
import io.github.babyshopsdk.testkit.internal.State;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's order notifications (configured with
 * {@link SellerPanelSimulator.Builder#orderNotifications(OrderNotifications)}): the outbox of notifications emitted
 * as orders are created or change status, and their log. Nothing is pushed on its own: notifications fall due in
 * simulated time, and {@link #deliverDue()} pushes every one whose time has come. A driver moving a
 * {@link SimulatedClock} calls it after each move. On a real-time clock, with a URL destination,
 * {@link OrderNotifications.Builder#pushEvery(Duration)} has a daemon thread of the simulator call it while it runs.
 *
 * <p>Without a configuration the simulator emits nothing and the log stays empty. Thread-safe: emission happens on
 * the thread that changes an order; pushes happen on the thread calling {@link #deliverDue()}, outside every lock,
 * so a destination may call the simulator back (concurrent callers never push one notification twice).
 */
public final class OrderNotifier {

    private final Clock clock;
    private final OrderNotifications config;
    private final NotificationSink destination;
    private final NotificationPayloads payloads;
    private final Random random;
    private final List<NotificationShape> shapes;
    private final Object lock = new Object();
    private final List<Entry> entries = new ArrayList<>();
    private ScheduledExecutorService pusher;

    OrderNotifier(State state, Clock clock, Dates dates, OrderNotifications config) {
        this.clock = clock;
        this.config = config;
        this.payloads = new NotificationPayloads(dates, state.sellerId());
        if (config == null) {
            this.destination = null;
            this.random = null;
            this.shapes = List.of();
            return;
        }
        this.destination = config.sink().orElseGet(() -> new HttpNotificationSink(config.url().orElseThrow(),
                config.httpTimeout()));
        this.random = new Random(config.seed());
        this.shapes = List.copyOf(EnumSet.copyOf(config.shapes()));
        state.observe(this::stored);
    }

    /**
     * Whether the simulator emits notifications.
     *
     * @return true when it was built with a configuration
     */
    public boolean enabled() {
        return config != null;
    }

    /**
     * The configuration.
     *
     * @return it, or empty when notifications are off
     */
    public Optional<OrderNotifications> configuration() {
        return Optional.ofNullable(config);
    }

    /**
     * Pushes every notification due at the clock's current time (first pushes and pushes again), earliest due first,
     * one attempt each, and records each attempt. A destination that answers other than 200 or throws gets the
     * notification again {@link OrderNotifications#retryInterval()} later, until
     * {@link OrderNotifications#maxAttempts()} attempts were made.
     *
     * @return the count of pushes made
     */
    public int deliverDue() {
        List<Entry> due = new ArrayList<>();
        synchronized (lock) {
            Instant now = clock.instant();
            for (Entry e : entries) {
                if (e.outcome == Outcome.PENDING && !e.inFlight && !e.nextDue.isAfter(now)) {
                    e.inFlight = true;
                    due.add(e);
                }
            }
        }
        due.sort(Comparator.comparing((Entry e) -> e.nextDue).thenComparingLong(e -> e.id));
        for (Entry e : due) {
            push(e);
        }
        return due.size();
    }

    private void push(Entry e) {
        Instant at = clock.instant();
        DeliveryAttempt attempt = null;
        try {
            int status = destination.deliver(e.body.getBytes(StandardCharsets.UTF_8), e.shape.contentType());
            attempt = new DeliveryAttempt(at, OptionalInt.of(status), Optional.empty());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            attempt = failed(at, ex);
        } catch (Exception ex) {
            attempt = failed(at, ex);
        } finally {
            // an Error thrown by the destination leaves the notification due, unpushed, and propagates
            settle(e, attempt);
        }
    }

    private void settle(Entry e, DeliveryAttempt attempt) {
        synchronized (lock) {
            e.inFlight = false;
            if (attempt == null) {
                return;
            }
            e.attempts.add(attempt);
            if (attempt.accepted()) {
                e.outcome = Outcome.DELIVERED;
            } else if (e.attempts.size() >= config.maxAttempts()) {
                e.outcome = Outcome.GAVE_UP;
            } else {
                e.nextDue = attempt.at().plus(config.retryInterval());
            }
        }
    }

    private static DeliveryAttempt failed(Instant at, Throwable ex) {
        String message = ex.getMessage() == null ? "" : ": " + ex.getMessage();
        String failure = ex.getClass().getSimpleName() + message;
        return new DeliveryAttempt(at, OptionalInt.empty(),
                Optional.of(failure.length() > 200 ? failure.substring(0, 200) : failure));
    }

    /** Starts the real-time pushing thread, if configured and not running. Called by the simulator's start. */
    void startPushing(int port) {
        Optional<Duration> every = config == null ? Optional.empty() : config.pushEvery();
        synchronized (lock) {
            if (every.isEmpty() || pusher != null) {
                return;
            }
            pusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sellerpanel-sim-" + port + "-notifications");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, every.get().toMillis());
            pusher.scheduleWithFixedDelay(this::deliverQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the real-time pushing thread, if running. Called by the simulator's close. */
    void stopPushing() {
        ScheduledExecutorService running;
        synchronized (lock) {
            running = pusher;
            pusher = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // every failure of a push is recorded as its attempt; nothing else may stop the thread
        }
    }

    /**
     * When the next push falls due.
     *
     * @return the earliest due time of a pending notification, or empty when none is pending
     */
    public Optional<Instant> nextDue() {
        synchronized (lock) {
            return entries.stream().filter(e -> e.outcome == Outcome.PENDING).map(e -> e.nextDue)
                    .min(Comparator.naturalOrder());
        }
    }

    /**
     * Every notification emitted so far, with what became of it: the inspectable log latency figures are read from.
     *
     * @return snapshots in emission order
     */
    public List<NotificationRecord> log() {
        synchronized (lock) {
            return entries.stream().map(Entry::snapshot).toList();
        }
    }

    /**
     * The notifications that stand at {@code outcome}.
     *
     * @param outcome the outcome
     * @return snapshots in emission order
     */
    public List<NotificationRecord> log(Outcome outcome) {
        return log().stream().filter(r -> r.outcome() == outcome).toList();
    }

    /**
     * The notifications emitted for one order.
     *
     * @param orderNo the order number
     * @return snapshots in emission order
     */
    public List<NotificationRecord> forOrder(String orderNo) {
        return log().stream().filter(r -> r.orderNo().equals(orderNo)).toList();
    }

    /** Called by the state, under its lock, for every order stored. */
    private void stored(SimOrder before, SimOrder after) {
        if (after.jit()) {
            return;
        }
        NotificationEvent event;
        if (before == null) {
            event = NotificationEvent.CREATED;
        } else if (before.status() != after.status()) {
            event = NotificationEvent.STATUS_CHANGED;
        } else {
            return;
        }
        if (!config.notifies(event, after.status())) {
            return;
        }
        Instant at = clock.instant();
        synchronized (lock) {
            // three draws per notification, always in this order, so one seed gives one run
            boolean lost = random.nextDouble() < config.lossRate();
            long spanMillis = config.maxDelay().minus(config.minDelay()).toMillis();
            Duration delay = config.minDelay().plusMillis((long) Math.floor(random.nextDouble() * (spanMillis + 1)));
            NotificationShape shape = shapes.get(random.nextInt(shapes.size()));
            String body = payloads.body(shape, event, after, at);
            entries.add(new Entry(entries.size() + 1L, after, event, shape, body, at, at.plus(delay), lost));
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "OrderNotifier[" + (config == null ? "off" : entries.size() + " emitted") + "]";
        }
    }

    /** One notification's progress; guarded by {@link #lock}. */
    private static final class Entry {
        final long id;
        final String orderNo;
        final String masterOrderNo;
        final int status;
        final NotificationEvent event;
        final NotificationShape shape;
        final String body;
        final Instant emittedAt;
        final Instant firstDue;
        final List<DeliveryAttempt> attempts = new ArrayList<>();
        Instant nextDue;
        Outcome outcome;
        boolean inFlight;

        Entry(long id, SimOrder order, NotificationEvent event, NotificationShape shape, String body,
              Instant emittedAt, Instant due, boolean lost) {
            this.id = id;
            this.orderNo = order.orderNo();
            this.masterOrderNo = order.masterOrderNo();
            this.status = order.status();
            this.event = event;
            this.shape = shape;
            this.body = body;
            this.emittedAt = emittedAt;
            this.firstDue = due;
            this.nextDue = due;
            this.outcome = lost ? Outcome.LOST : Outcome.PENDING;
        }

        NotificationRecord snapshot() {
            return new NotificationRecord(id, orderNo, masterOrderNo, event, status, shape, body, emittedAt, firstDue,
                    outcome == Outcome.PENDING ? Optional.of(nextDue) : Optional.empty(), outcome, attempts);
        }
    }
}
