package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaWait;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link QuotaWaiter} for one flow run: every wait of the run's calls for the quota window goes
 * through it, so the engine sees it, keeps the run's lease and reports it.
 *
 * <ul>
 *   <li>A call charged to a tier above {@link QuotaBudget#TOP_TIER} never waits: the waiter answers false,
 *       the client sends nothing and throws {@code QuotaExceededException}, and the flow stops with
 *       {@code WAITING_ON_QUOTA}; the rest waits for the flow's next run (not a failed attempt).</li>
 *   <li>A call of the top tier waits while its total wait stays within {@code maxWait}: the listener is told
 *       {@link SyncListener#waitingForQuota waitingForQuota(flow, until)}, then the waiter sleeps (through
 *       {@link QuotaWait#sleep}, the client's sleeper) in slices no longer than {@code slice} (the lease
 *       renewal interval), renewing and checking the run's lease after each. A lost lease ends the wait with
 *       {@link LeaseLostException}; a longer wait than {@code maxWait} is refused (false).</li>
 * </ul>
 *
 * <p>It remembers when the budget said the tier's next permit comes for the last call it did not wait for
 * ({@link #refusedUntil()}): the engine's continuation time of a run that stopped for quota.
 *
 * Thread-safe; beyond its wiring it holds only that last refusal.
 */
final class FlowQuotaWaiter implements QuotaWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(FlowQuotaWaiter.class);

    private final Flow flow;
    private final LeaseKeeper keeper;
    private final SyncListener listener;
    private final Duration slice;
    private final Duration maxWait;
    private final AtomicReference<Instant> refusedUntil = new AtomicReference<>();

    /**
     * A waiter for one run of {@code flow} holding {@code keeper}'s lease.
     *
     * @param slice the longest single sleep: the lease renewal interval (positive)
     * @param maxWait the longest total wait of one call (not negative)
     * @throws IllegalArgumentException if {@code slice} is not positive or {@code maxWait} negative
     */
    FlowQuotaWaiter(Flow flow, LeaseKeeper keeper, SyncListener listener, Duration slice, Duration maxWait) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (slice.isNegative() || slice.isZero() || maxWait.isNegative()) {
            throw new IllegalArgumentException("slice must be positive and maxWait not negative");
        }
        this.slice = slice;
        this.maxWait = maxWait;
    }

    /**
     * {@inheritDoc}
     *
     * @throws LeaseLostException when the run's lease is lost before or during the wait
     */
    @Override
    public boolean await(QuotaWait wait) throws InterruptedException {
        if (wait.tier() > QuotaBudget.TOP_TIER) {
            refusedUntil.set(wait.until());
            LOG.debug("{}: {} refused for quota (tier {}); the flow goes on at its next run", flow,
                    wait.operation(), wait.tier());
            return false;
        }
        if (wait.waited().plus(wait.waitFor()).compareTo(maxWait) > 0) {
            refusedUntil.set(wait.until());
            LOG.info("{}: {} would wait {} for quota beyond maxQuotaWait {}; the flow goes on at its next run",
                    flow, wait.operation(), wait.waitFor(), maxWait);
            return false;
        }
        keeper.check();
        LOG.info("{}: waiting {} for quota (until {})", flow, wait.waitFor(), wait.until());
        listener.waitingForQuota(flow, wait.until());
        Duration left = wait.waitFor();
        while (left.compareTo(Duration.ZERO) > 0) {
            Duration step = left.compareTo(slice) < 0 ? left : slice;
            wait.sleep(step);
            left = left.minus(step);
            keeper.renew();
            keeper.check();
        }
        return true;
    }

    /**
     * When the budget said the run's tier gets its next permit, as of the last call this waiter did not wait for;
     * empty when it waited for every call (or none was refused).
     */
    Optional<Instant> refusedUntil() {
        return Optional.ofNullable(refusedUntil.get());
    }

    @Override
    public String toString() {
        return "FlowQuotaWaiter{" + flow + ", slices of " + slice + ", at most " + maxWait + "}";
    }
}
