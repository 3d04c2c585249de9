package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge with {@code --listen}: it prints where it listens, an accepted notification's order numbers reach the
 * hint sink, and the scheduled loop's wait is cut short so the next cycle runs at once instead of a tick later.
 */
class BridgeListenTest {
    static final String TOKEN_ENV = "BS_LISTEN_TOKEN";
    static final String TOKEN = "wake-token-0123456789abcdef0123456789";

    @TempDir
    Path dir;
    private BridgeWorld world;

    @BeforeEach
    void setUp() {
        world = BridgeWorld.withMinimalInputs(dir);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void anAcceptedNotificationWakesTheScheduledLoop() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<String> firstWait = new AtomicReference<>();
        AtomicInteger waits = new AtomicInteger();
        // the loop's first wait (a tick: a minute) blocks for real until woken, or a minute at most (a hang guard:
        // without the wake-up it ends "slept to the end", and the test fails on that, not on time)
        Sleeper sleeper = duration -> {
            if (waits.getAndIncrement() > 0) {
                world.sim.simulatedClock().advance(duration);
                return;
            }
            waiting.countDown();
            try {
                boolean released = new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                firstWait.set(released ? "released" : "slept to the end");
            } catch (InterruptedException e) {
                firstWait.set("woken");
                throw e;
            }
        };
        NotificationReceiverTest.FakeSink sink = new NotificationReceiverTest.FakeSink();
        List<Object> configured = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(world.args());
        args.addAll(List.of("--cycles", "2", "--listen", "127.0.0.1:0", "--listen-token-env", TOKEN_ENV));
        BridgeEnvironment environment = new BridgeEnvironment(Map.of(BridgeWorld.PASSWORD_ENV, BridgeWorld.PASSWORD,
                TOKEN_ENV, TOKEN), world.sim.clock(), sleeper, dir);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread bridge = new Thread(() -> exit.set(BabyshopBridge.run(args.toArray(String[]::new),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                environment, runner -> {
                    runner.inspect(configured::add);
                    runner.hintSink(engine -> sink);
                })), "bridge");
        bridge.start();
        assertThat(waiting.await(60, TimeUnit.SECONDS)).as("the loop waits after cycle 1").isTrue();
        NotificationReceiver receiver;
        synchronized (configured) {
            receiver = configured.stream().filter(NotificationReceiver.class::isInstance)
                    .map(NotificationReceiver.class::cast).findFirst().orElseThrow();
        }
        String printed = stdout.toString(StandardCharsets.UTF_8);

        RawHttp.Answer answer = RawHttp.post(receiver.address(), NotificationReceiver.PATH + "/" + TOKEN,
                "{\"orderNo\":\"500000001\"}".getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        bridge.join(120_000);

        String out = stdout.toString(StandardCharsets.UTF_8);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(firstWait.get()).as("the wait was cut short").isEqualTo("woken");
        assertThat(exit.get()).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("listening      http://127.0.0.1:" + receiver.address().getPort()
                + "/babyshop/notifications/<token from $" + TOKEN_ENV + ">");
        assertThat(out).contains("[cycle 2]");
        assertThat(out).contains("receiver       answers by status {200=1}, 1 order numbers hinted, 1 wake-ups");
        assertThat(out + stderr.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
        assertThat(sink.accepted).containsExactly(List.of("500000001"));
        assertThat(receiver.answers()).containsEntry(200, 1L);
        // the receiver is closed with the run
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawHttp.post(receiver.address(),
                NotificationReceiver.PATH + "/" + TOKEN, new byte[0])).isInstanceOf(java.io.IOException.class);
    }
}
