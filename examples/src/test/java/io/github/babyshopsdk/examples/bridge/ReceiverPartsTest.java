package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The receiver's small parts: the token check, the rate limiter, the listen address, the loop's wake-up. */
class ReceiverPartsTest {
    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void theTokenMatchesOnlyItselfAndNoMessageRepeatsIt() {
        TokenCheck check = TokenCheck.of(TOKEN);

        assertThat(check.matches(TOKEN)).isTrue();
        assertThat(check.matches(TOKEN + "0")).isFalse();
        assertThat(check.matches(TOKEN.substring(1))).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches(null)).isFalse();
        assertThat(check.matches("x".repeat(100_000))).isFalse();
        assertThat(check.toString()).doesNotContain(TOKEN).doesNotContain("abcdef");
        for (String unfit : List.of("short-" + "k".repeat(20), TOKEN + "/", TOKEN + " ", TOKEN + "é", "k".repeat(300),
                TOKEN + "\n")) {
            assertThat(TokenCheck.problem(unfit)).as(unfit).isPresent();
            assertThatThrownBy(() -> TokenCheck.of(unfit)).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain(unfit).doesNotContain("kkkkk").doesNotContain("abcdef");
        }
        assertThat(TokenCheck.problem("k".repeat(31))).hasValueSatisfying(p -> assertThat(p).contains("32"));
        assertThat(TokenCheck.problem("k".repeat(32))).isEmpty();
    }

    @Test
    void eachSourceHasItsBucketRefilledAtItsRate() {
        AtomicLong nanos = new AtomicLong();
        SourceRateLimiter limiter = new SourceRateLimiter(2, 3, 100, nanos::get);

        List<Boolean> a = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(limiter.tryAcquire("10.0.0.1"));
        }
        boolean b = limiter.tryAcquire("10.0.0.2");
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        boolean early = limiter.tryAcquire("10.0.0.1");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        boolean refilled = limiter.tryAcquire("10.0.0.1");
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        int afterAnHour = 0;
        while (limiter.tryAcquire("10.0.0.1")) {
            afterAnHour++;
        }

        assertThat(a).containsExactly(true, true, true, false, false);
        assertThat(b).as("another source").isTrue();
        assertThat(early).isFalse();
        assertThat(refilled).as("half a second at 2/s").isTrue();
        assertThat(afterAnHour).as("never more than the burst").isEqualTo(3);
    }

    @Test
    void theLimiterRemembersABoundedNumberOfSources() {
        SourceRateLimiter limiter = new SourceRateLimiter(1, 1, 1000, () -> 0L);
        for (int i = 0; i < 100_000; i++) {
            limiter.tryAcquire("source-" + i);
        }
        assertThat(limiter.sources()).isEqualTo(1000);
        assertThatThrownBy(() -> new SourceRateLimiter(0, 1, 1, () -> 0L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listenAddressesParse() {
        assertThat(ListenAddress.parse("8080")).isEqualTo(new ListenAddress("127.0.0.1", 8080));
        assertThat(ListenAddress.parse("0")).isEqualTo(new ListenAddress("127.0.0.1", 0));
        assertThat(ListenAddress.parse("0.0.0.0:9000")).isEqualTo(new ListenAddress("0.0.0.0", 9000));
        assertThat(ListenAddress.parse("[::1]:9000")).isEqualTo(new ListenAddress("::1", 9000));
        assertThat(ListenAddress.parse("LocalHost:1")).isEqualTo(new ListenAddress("localhost", 1));
        for (String bad : List.of("", "x", "65536", "-1", ":80", "::1:80", "host:", "a/b:80", "a@b:80", "1.2.3.4:80x",
                "999999")) {
            assertThatThrownBy(() -> ListenAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--listen");
        }
    }

    @Test
    void aWakeEndsTheWaitAndIsTakenBack() throws Exception {
        CountDownLatch sleeping = new CountDownLatch(1);
        AtomicReference<String> how = new AtomicReference<>();
        LoopWakeup wakeup = new LoopWakeup(duration -> {
            sleeping.countDown();
            try {
                boolean released = new CountDownLatch(1).await(RawHttp.READ_GUARD_MILLIS, TimeUnit.MILLISECONDS);
                how.set(released ? "released" : "slept to the end");
            } catch (InterruptedException e) {
                how.set("interrupted");
                throw e;
            }
        });
        AtomicReference<Boolean> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                result.set(wakeup.sleep(Duration.ofMinutes(1)));
            } catch (InterruptedException e) {
                result.set(null);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        loop.start();
        assertThat(sleeping.await(RawHttp.READ_GUARD_MILLIS, TimeUnit.MILLISECONDS)).isTrue();

        wakeup.wake();
        loop.join(RawHttp.READ_GUARD_MILLIS);

        assertThat(how.get()).isEqualTo("interrupted");
        assertThat(result.get()).as("woken").isTrue();
        assertThat(interruptedAfter.get()).as("the interrupt does not leak").isFalse();
        assertThat(wakeup.wakeups()).isEqualTo(1);
    }

    @Test
    void aWakeWhileBusyEndsTheNextWaitAtOnceAndOtherInterruptsStillStop() throws Exception {
        List<Duration> slept = new ArrayList<>();
        LoopWakeup wakeup = new LoopWakeup(slept::add);

        wakeup.wake();
        boolean first = wakeup.sleep(Duration.ofMinutes(1));
        boolean second = wakeup.sleep(Duration.ofMinutes(1));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(slept).containsExactly(Duration.ofMinutes(1));

        LoopWakeup stopped = new LoopWakeup(duration -> {
            throw new InterruptedException("shutdown");
        });
        assertThatThrownBy(() -> stopped.sleep(Duration.ofMinutes(1))).isInstanceOf(InterruptedException.class);
    }
}
