package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.schedule.ExecutorSyncRunner;
import io.github.babyshopsdk.sync.spi.SyncScheduler;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ExecutorSyncRunner#wake()}: a host that hands the engine order hints wakes its runner, which then fetches the
 * hinted order at once instead of at the end of its wait (here half an hour of real time: the next poll). Not a timed
 * test: without the wake-up the order would not arrive before the poll, so the bounded wait below would run out.
 */
class RunnerWakeEndToEndTest {
    private static final long GIVE_UP_SECONDS = 60;

    @Test
    void aWokenRunnerFetchesAHintedOrderWithoutWaitingForThePoll() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SyncScheduler counting = new SyncScheduler() {
            @Override
            public boolean isDue(Flow flow, Optional<Instant> lastRun, Instant now) {
                if (flow == Flow.ORDERS) {
                    calls.incrementAndGet();
                }
                return OrderHintsEndToEndTest.ORDERS_ONLY.isDue(flow, lastRun, now);
            }

            @Override
            public Optional<Instant> nextDue(Flow flow, Optional<Instant> lastRun, Instant now) {
                return OrderHintsEndToEndTest.ORDERS_ONLY.nextDue(flow, lastRun, now);
            }
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (SimWorld world = SimWorld.with(Fixture.of(77, 5, 10)).scheduler(counting).start()) {
            assertThat(world.engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            try (ExecutorSyncRunner runner = ExecutorSyncRunner.start(world.engine, executor, Duration.ofHours(1),
                    world.clock)) {
                awaitUntil(() -> calls.get() >= 1); // its first call: nothing due, the next poll is 30 minutes away
                SimOrder order = world.sim.store().generateOrder();
                world.engine.hint(List.of(order.orderNo()));
                world.advance(Duration.ofSeconds(1)); // the hint delay

                runner.wake();

                awaitUntil(() -> world.host.order(order.orderNo()).isPresent());
                assertThat(world.host.order(order.orderNo())).isPresent();
            }
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(GIVE_UP_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (!condition.getAsBoolean() && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
    }
}
