package io.github.babyshopsdk.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the simulator emits order notifications, as Vinculum's "Seller Order Notification" does: a notification per
 * order created or moved to another status (the events and statuses chosen), pushed to a destination after a delay,
 * pushed again while the destination answers other than HTTP 200 or fails (up to {@link #maxAttempts()} attempts,
 * {@link #retryInterval()} apart), some lost on the way ({@link #lossRate()}), in bodies of varied shapes. Every draw
 * comes from one {@code java.util.Random} seeded with {@link #seed()}, three per notification in emission order (lost
 * when {@code nextDouble() < lossRate}; delay {@code minDelay + floor(nextDouble() * (span in ms + 1))} ms; shape
 * {@code nextInt(count)} among the chosen shapes in declaration order), so a run is repeatable.
 * Times are the simulator clock's: a delay of 2 s is 2 simulated seconds.
 *
 * <pre>{@code
 * SellerPanelSimulator sim = SellerPanelSimulator.builder()
 *         .orderNotifications(OrderNotifications.builder()
 *                 .sink((body, type) -> receiver.handle(body, type))
 *                 .lossRate(0.3).delay(Duration.ZERO, Duration.ofMillis(500)).seed(7).build())
 *         .build().start();
 * ...
 * sim.notifications().deliverDue();   // after moving the clock: push what is due
 * }</pre>
 *
 * <p>JIT orders (orderListJIT's family) are not notified. Immutable and thread-safe; build with {@link #builder()}.
 */
public final class OrderNotifications {

    /** Vinculum's attempts per notification: the first push and four more. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Vinculum's time between pushes of one notification: 15 minutes. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMinutes(15);
    /** How long an HTTP push may take before it counts as failed: 10 seconds (real time). */
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final Set<NotificationEvent> events;
    private final Set<Integer> statuses;
    private final NotificationSink sink;
    private final URI url;
    private final double lossRate;
    private final Duration minDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final Duration retryInterval;
    private final Set<NotificationShape> shapes;
    private final long seed;
    private final Duration httpTimeout;
    private final Duration pushEvery;

    private OrderNotifications(Builder b) {
        if (b.sink == null && b.url == null) {
            throw new IllegalArgumentException("order notifications need a destination: a sink or a URL");
        }
        if (b.pushEvery != null && b.url == null) {
            throw new IllegalArgumentException("pushing on a thread of the simulator is for a URL destination only");
        }
        if (b.events.isEmpty() || b.shapes.isEmpty()) {
            throw new IllegalArgumentException("order notifications need at least one event and one shape");
        }
        this.events = Set.copyOf(b.events);
        this.statuses = Set.copyOf(b.statuses);
        this.sink = b.sink;
        this.url = b.url;
        this.lossRate = b.lossRate;
        this.minDelay = b.minDelay;
        this.maxDelay = b.maxDelay;
        this.maxAttempts = b.maxAttempts;
        this.retryInterval = b.retryInterval;
        this.shapes = Set.copyOf(b.shapes);
        this.seed = b.seed;
        this.httpTimeout = b.httpTimeout;
        this.pushEvery = b.pushEvery;
    }

    /**
     * A builder: both events, every status, no loss, no delay, Vinculum's redelivery (5 attempts, 15 minutes apart),
     * every shape, seed 1; a destination ({@link Builder#sink} or {@link Builder#url}) is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The events that emit a notification.
     *
     * @return not empty
     */
    public Set<NotificationEvent> events() {
        return events;
    }

    /**
     * The status filter, as Vinculum's event choice (Pending, Confirmed, Cancelled, ...): only an order whose status
     * after the change is in it is notified.
     *
     * @return status codes, empty for every status
     */
    public Set<Integer> statuses() {
        return statuses;
    }

    /**
     * The in-JVM destination.
     *
     * @return the sink, or empty when notifications are POSTed to {@link #url()}
     */
    public Optional<NotificationSink> sink() {
        return Optional.ofNullable(sink);
    }

    /**
     * The HTTP destination (tests post to loopback only).
     *
     * @return the URL, or empty when notifications go to {@link #sink()}
     */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /**
     * The share of notifications lost: drawn at emission, a lost notification is never pushed.
     *
     * @return between 0 and 1
     */
    public double lossRate() {
        return lossRate;
    }

    /**
     * The shortest delay from an order's change to the notification's first push.
     *
     * @return not negative
     */
    public Duration minDelay() {
        return minDelay;
    }

    /**
     * The longest delay: each notification's delay is drawn uniformly between {@link #minDelay()} and this
     * (millisecond steps).
     *
     * @return at least {@link #minDelay()}
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Pushes per notification while the destination answers other than 200 or fails.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Simulated time between two pushes of one notification.
     *
     * @return positive
     */
    public Duration retryInterval() {
        return retryInterval;
    }

    /**
     * The body shapes drawn from.
     *
     * @return not empty
     */
    public Set<NotificationShape> shapes() {
        return shapes;
    }

    /**
     * The seed of the loss, delay and shape draws.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * How long one HTTP push may take (real time) before it counts as failed.
     *
     * @return positive
     */
    public Duration httpTimeout() {
        return httpTimeout;
    }

    /**
     * The real-time HTTP mode: how often a thread of the simulator pushes what is due.
     *
     * @return the period, or empty when the driver calls {@link OrderNotifier#deliverDue()} itself
     */
    public Optional<Duration> pushEvery() {
        return Optional.ofNullable(pushEvery);
    }

    /**
     * Whether a change is notified.
     *
     * @param event the change
     * @param status the order's status after it
     * @return whether the event is chosen and the status passes the filter
     */
    public boolean notifies(NotificationEvent event, int status) {
        return events.contains(event) && (statuses.isEmpty() || statuses.contains(status));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OrderNotifications[events=%s, statuses=%s, to=%s, loss=%s, delay=%s..%s, "
                        + "attempts=%d every %s, shapes=%s, seed=%d]", new TreeSet<>(events), new TreeSet<>(statuses),
                url != null ? "url" : "sink", lossRate, minDelay, maxDelay, maxAttempts, retryInterval,
                new TreeSet<>(shapes), seed);
    }

    /** Configures {@link OrderNotifications}. Not thread-safe. */
    public static final class Builder {
        private final Set<NotificationEvent> events = EnumSet.allOf(NotificationEvent.class);
        private final Set<Integer> statuses = new TreeSet<>();
        private NotificationSink sink;
        private URI url;
        private double lossRate;
        private Duration minDelay = Duration.ZERO;
        private Duration maxDelay = Duration.ZERO;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
        private final Set<NotificationShape> shapes = EnumSet.allOf(NotificationShape.class);
        private long seed = 1;
        private Duration httpTimeout = DEFAULT_HTTP_TIMEOUT;
        private Duration pushEvery;

        private Builder() {
        }

        /**
         * The events that emit a notification (default both).
         *
         * @param chosen at least one
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder events(NotificationEvent... chosen) {
            if (chosen.length == 0) {
                throw new IllegalArgumentException("choose at least one event");
            }
            events.clear();
            events.addAll(Arrays.asList(chosen));
            return this;
        }

        /**
         * Notifies only orders whose status after the change is one of these (default: every status), as the
         * events chosen on Vinculum's "Web Hook Register" screen.
         *
         * @param chosen statuses; none for every status
         * @return this builder
         */
        public Builder statuses(OrderStatus... chosen) {
            statuses.clear();
            Arrays.stream(chosen).map(OrderStatus::code).forEach(statuses::add);
            return this;
        }

        /**
         * As {@link #statuses(OrderStatus...)}, by status code (codes outside table 4.1 allowed).
         *
         * @param codes status codes; empty for every status
         * @return this builder
         */
        public Builder statusCodes(Collection<Integer> codes) {
            statuses.clear();
            statuses.addAll(codes);
            return this;
        }

        /**
         * Delivers to a sink in the JVM (replaces a {@link #url}).
         *
         * @param destination the sink
         * @return this builder
         */
        public Builder sink(NotificationSink destination) {
            this.sink = Objects.requireNonNull(destination, "sink");
            this.url = null;
            return this;
        }

        /**
         * POSTs each notification to a URL with the JDK's HTTP client (replaces a {@link #sink}). Tests post to
         * loopback only.
         *
         * @param destination an absolute {@code http} or {@code https} URL
         * @return this builder
         * @throws IllegalArgumentException for another scheme or a URL without a host
         */
        public Builder url(URI destination) {
            Objects.requireNonNull(destination, "url");
            String scheme = destination.getScheme() == null ? "" : destination.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || destination.getHost() == null) {
                throw new IllegalArgumentException("a notification URL is an absolute http(s) URL");
            }
            this.url = destination;
            this.sink = null;
            return this;
        }

        /**
         * The share of notifications lost (default 0): each is lost with this probability, drawn at emission.
         *
         * @param rate between 0 and 1
         * @return this builder
         * @throws IllegalArgumentException outside [0, 1]
         */
        public Builder lossRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("a loss rate is between 0 and 1: " + rate);
            }
            this.lossRate = rate;
            return this;
        }

        /**
         * A fixed delay from the change to the first push (default none).
         *
         * @param delay not negative
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder delay(Duration delay) {
            return delay(delay, delay);
        }

        /**
         * A delay drawn (seeded) uniformly between {@code min} and {@code max} for each notification.
         *
         * @param min not negative
         * @param max at least {@code min}
         * @return this builder
         * @throws IllegalArgumentException if {@code min} is negative or above {@code max}
         */
        public Builder delay(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("a delay range needs 0 <= min <= max");
            }
            this.minDelay = min;
            this.maxDelay = max;
            return this;
        }

        /**
         * Redelivery: pushes per notification and the simulated time between them (default Vinculum's: 5 attempts,
         * 15 minutes apart).
         *
         * @param attempts at least 1 (1: never pushed again)
         * @param interval positive
         * @return this builder
         * @throws IllegalArgumentException for fewer than 1 attempt or an interval not positive
         */
        public Builder redelivery(int attempts, Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (attempts < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("redelivery needs at least 1 attempt and a positive interval");
            }
            this.maxAttempts = attempts;
            this.retryInterval = interval;
            return this;
        }

        /**
         * The body shapes drawn from (default all).
         *
         * @param chosen at least one
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder shapes(NotificationShape... chosen) {
            if (chosen.length == 0) {
                throw new IllegalArgumentException("choose at least one shape");
            }
            shapes.clear();
            shapes.addAll(Arrays.asList(chosen));
            return this;
        }

        /**
         * The seed of the loss, delay and shape draws (default 1).
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * How long one HTTP push may take, in real time, before it counts as a failed attempt (default 10 s).
         *
         * @param timeout positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder httpTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the HTTP timeout must be positive");
            }
            this.httpTimeout = timeout;
            return this;
        }

        /**
         * The real-time HTTP mode, for a simulator on a real-time (or accelerated) clock posting to a {@link #url}:
         * from {@link SellerPanelSimulator#start()} to {@link SellerPanelSimulator#close()}, a daemon thread of the
         * simulator calls {@link OrderNotifier#deliverDue()} every {@code period} of real time (default: no thread;
         * on a {@link SimulatedClock} the driver calls it after moving time).
         *
         * @param period positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder pushEvery(Duration period) {
            Objects.requireNonNull(period, "period");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("the push period must be positive");
            }
            this.pushEvery = period;
            return this;
        }

        /**
         * The configuration.
         *
         * @return it
         * @throws IllegalArgumentException without a destination, or with {@link #pushEvery} and a sink
         */
        public OrderNotifications build() {
            return new OrderNotifications(this);
        }
    }
}
