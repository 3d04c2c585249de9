package io.github.babyshopsdk.client.quota.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.quota.QuotaBudget;
import io.github.babyshopsdk.client.quota.QuotaDecision;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link QuotaBudget} decorator for tests that records every decision (tier, instant, granted) and every
 * {@link #block block}, and checks the recorded grants against the shares of {@link QuotaLimits}: compare the grants
 * with what the server saw, and check that no tier ever exceeded its share in any rolling window.
 *
 * <p>Two modes: {@link #of} passes every call straight through, concurrent callers included, so a contended
 * delegate stays contended; {@link #inArrivalOrder} lets one call in at a time and hands the delegate (and the
 * record) instants that never go back, for callers that read the clock before calling. Thread-safe in both modes.
 * Shipped to other modules' tests in babyshop-client's {@code hostile-tests} test-jar; not API.
 */
public final class RecordingBudget implements QuotaBudget {

    /** One answer of the budget: the tier asked for, the instant the delegate was asked at, and the answer. */
    public record Decision(int tier, Instant at, boolean granted) {
    }

    private final QuotaBudget delegate;
    private final boolean inArrivalOrder;
    private final Object lock = new Object();
    private final List<Decision> decisions = new CopyOnWriteArrayList<>();
    private final List<Instant> blocks = new CopyOnWriteArrayList<>();
    /** The latest instant handed to the delegate, in arrival-order mode; guarded by {@link #lock}. */
    private Instant latest = Instant.MIN;

    private RecordingBudget(QuotaBudget delegate, boolean inArrivalOrder) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.inArrivalOrder = inArrivalOrder;
    }

    /**
     * Records the decisions of {@code delegate}, passing every call straight through (no lock of its own).
     *
     * @throws NullPointerException if {@code delegate} is null
     */
    public static RecordingBudget of(QuotaBudget delegate) {
        return new RecordingBudget(delegate, false);
    }

    /**
     * Records the decisions of {@code delegate}, one call at a time: each {@link #tryAcquire} is handed the latest
     * instant seen so far if its own is earlier (threads read the clock before calling, so recording in arrival
     * order keeps the instants monotonic), and {@link #block} is serialized with it.
     *
     * @throws NullPointerException if {@code delegate} is null
     */
    public static RecordingBudget inArrivalOrder(QuotaBudget delegate) {
        return new RecordingBudget(delegate, true);
    }

    @Override
    public QuotaDecision tryAcquire(int tier, Instant now) {
        if (!inArrivalOrder) {
            return record(tier, now);
        }
        synchronized (lock) {
            latest = now.isAfter(latest) ? now : latest;
            return record(tier, latest);
        }
    }

    private QuotaDecision record(int tier, Instant at) {
        QuotaDecision decision = delegate.tryAcquire(tier, at);
        decisions.add(new Decision(tier, at, decision.isGranted()));
        return decision;
    }

    @Override
    public void block(Instant blockedUntil) {
        if (!inArrivalOrder) {
            blocks.add(blockedUntil);
            delegate.block(blockedUntil);
            return;
        }
        synchronized (lock) {
            blocks.add(blockedUntil);
            delegate.block(blockedUntil);
        }
    }

    @Override
    public QuotaSnapshot snapshot(Instant now) {
        return delegate.snapshot(now);
    }

    @Override
    public QuotaLimits limits() {
        return delegate.limits();
    }

    /** Every decision so far, in the order recorded. */
    public List<Decision> decisions() {
        return new ArrayList<>(decisions);
    }

    /** The granted permits so far, in the order recorded. */
    public List<Decision> grants() {
        return decisions.stream().filter(Decision::granted).toList();
    }

    /** The number of permits granted to {@code tier}. */
    public long grants(int tier) {
        return decisions.stream().filter(d -> d.granted() && d.tier() == tier).count();
    }

    /** The tier of every granted permit, in the order recorded. */
    public List<Integer> grantedTiers() {
        return grants().stream().map(Decision::tier).toList();
    }

    /** The tier of every refused request, in the order recorded. */
    public List<Integer> refusedTiers() {
        return decisions.stream().filter(d -> !d.granted()).map(Decision::tier).toList();
    }

    /** The number of refused requests of {@code tier}. */
    public long refusals(int tier) {
        return decisions.stream().filter(d -> !d.granted() && d.tier() == tier).count();
    }

    /** The instant of every {@link #block} so far, in the order recorded. */
    public List<Instant> blocks() {
        return new ArrayList<>(blocks);
    }

    /**
     * Asserts that no tier ever exceeded its share: in every rolling window (ending at a grant), the grants of
     * tier {@code t} and every less urgent tier number at most {@code shareOf(t)}; for tier 0, the limit.
     *
     * @return the most grants seen in one window
     * @throws AssertionError if a tier exceeded its share
     */
    public int assertNoTierExceededItsShare(int tiers) {
        return assertNoTierExceededItsShare(grants(), limits(), tiers);
    }

    /**
     * {@link #assertNoTierExceededItsShare(int)} over any list of decisions (the grants among them count).
     *
     * @throws AssertionError if a tier exceeded its share
     */
    public static int assertNoTierExceededItsShare(List<Decision> decisions, QuotaLimits limits, int tiers) {
        List<Decision> grants = decisions.stream().filter(Decision::granted).toList();
        Duration window = limits.window();
        int peak = 0;
        for (Decision end : grants) {
            Instant windowStart = end.at().minus(window);
            for (int tier = 0; tier < tiers; tier++) {
                int t = tier;
                long inWindow = grants.stream().filter(g -> g.at().isAfter(windowStart) && !g.at().isAfter(end.at())
                        && g.tier() >= t).count();
                assertThat(inWindow).as("grants of tier %d and less urgent tiers in the %s window ending %s", t,
                        window, end.at()).isLessThanOrEqualTo(limits.shareOf(t));
                if (tier == 0) {
                    peak = Math.max(peak, (int) inWindow);
                }
            }
        }
        return peak;
    }

    /**
     * Asserts that every permit of a less urgent tier left the calls kept for more urgent ones: when tier {@code t}
     * was granted a permit at {@code x}, fewer than {@code shareOf(t)} permits had been granted in the window
     * before {@code x} (grants at the very instant {@code x} are left out: their order is not recorded).
     *
     * @throws AssertionError if a permit ate into the reserve of a more urgent tier
     */
    public static void assertEveryGrantLeftTheReserve(List<Decision> decisions, QuotaLimits limits) {
        List<Decision> grants = decisions.stream().filter(Decision::granted).toList();
        Duration window = limits.window();
        for (Decision grant : grants) {
            if (grant.tier() == TOP_TIER) {
                continue;
            }
            Instant windowStart = grant.at().minus(window);
            long before = grants.stream().filter(g -> g.at().isAfter(windowStart) && g.at().isBefore(grant.at()))
                    .count();
            assertThat(before).as("permits granted in the window before tier %d's permit at %s", grant.tier(),
                    grant.at()).isLessThan(limits.shareOf(grant.tier()));
        }
    }

    /**
     * Asserts that every refusal of the top tier found the whole budget in use: the top tier was refused only
     * when {@code limit} permits had been granted in the window ending then, never because a less urgent tier
     * held a call kept for it (a budget {@link #block blocked} by a code 13 would break this; the tests expect
     * none).
     *
     * @throws AssertionError if the top tier was refused with calls left in the window
     */
    public void assertTopTierRefusedOnlyWhenTheWindowWasFull() {
        assertTopTierRefusedOnlyWhenTheWindowWasFull(decisions(), limits());
    }

    /**
     * {@link #assertTopTierRefusedOnlyWhenTheWindowWasFull()} over any list of decisions.
     *
     * @throws AssertionError if the top tier was refused with calls left in the window
     */
    public static void assertTopTierRefusedOnlyWhenTheWindowWasFull(List<Decision> all, QuotaLimits limits) {
        List<Decision> grants = all.stream().filter(Decision::granted).toList();
        Duration window = limits.window();
        for (Decision refusal : all) {
            if (refusal.granted() || refusal.tier() != TOP_TIER) {
                continue;
            }
            Instant windowStart = refusal.at().minus(window);
            long inWindow = grants.stream().filter(g -> g.at().isAfter(windowStart) && !g.at().isAfter(refusal.at()))
                    .count();
            assertThat(inWindow).as("permits granted in the window ending at the top tier's refusal at %s",
                    refusal.at()).isGreaterThanOrEqualTo(limits.limit());
        }
    }

    /** The most of {@code times} in one rolling {@code window} ({@code (t - window, t]}). */
    public static int peak(List<Instant> times, Duration window) {
        List<Instant> sorted = times.stream().sorted().toList();
        int peak = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            Instant windowStart = sorted.get(end).minus(window);
            while (!sorted.get(start).isAfter(windowStart)) {
                start++;
            }
            peak = Math.max(peak, end - start + 1);
        }
        return peak;
    }

    @Override
    public String toString() {
        return "RecordingBudget{" + delegate + ", " + decisions.size() + " decisions}";
    }
}
