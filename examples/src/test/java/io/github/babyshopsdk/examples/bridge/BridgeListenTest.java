package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimOrder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The bridge with {@code --listen}: it prints where it listens, an accepted notification's order numbers reach the
 * hints, and the scheduled loop's wait is cut short, so the hinted order is fetched at once instead of at the next
 * poll (30 minutes by default).
 */
class BridgeListenTest extends MinimalBridgeWorldTest {
    static final String TOKEN_ENV = "BS_LISTEN_TOKEN";
    static final String TOKEN = "wake-token-0123456789abcdef0123456789";

    /** What a {@code --listen} run did. */
    private record Outcome(int exit, String stdout, String stderr, String firstWait, NotificationReceiver receiver,
                           RawHttp.Answer answer) {
    }

    /**
     * Runs the bridge with {@code --listen} on a free port and {@code extra}; at the loop's first wait, which blocks
     * for real (at most a minute: a hang guard, never an assertion), {@code notify} posts to the receiver. Later
     * waits move the simulated clock.
     */
    private Outcome run(Function<SyncEngine, HintSink> sinks, Function<NotificationReceiver, RawHttp.Answer> notify,
                        String... extra) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<String> firstWait = new AtomicReference<>();
        AtomicInteger waits = new AtomicInteger();
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
        List<Object> configured = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(world.args());
        args.addAll(List.of("--listen", "127.0.0.1:0", "--listen-token-env", TOKEN_ENV));
        args.addAll(List.of(extra));
        BridgeEnvironment environment = new BridgeEnvironment(Map.of(BridgeWorld.PASSWORD_ENV, BridgeWorld.PASSWORD,
                TOKEN_ENV, TOKEN), world.sim.clock(), sleeper, dir);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread bridge = new Thread(() -> exit.set(BabyshopBridge.run(args.toArray(String[]::new),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8),
                environment, runner -> {
                    runner.inspect(configured::add);
                    if (sinks != null) {
                        runner.hintSink(sinks);
                    }
                })), "bridge");
        bridge.start();
        assertThat(waiting.await(60, TimeUnit.SECONDS)).as("the loop waits after cycle 1").isTrue();
        NotificationReceiver receiver;
        synchronized (configured) {
            receiver = configured.stream().filter(NotificationReceiver.class::isInstance)
                    .map(NotificationReceiver.class::cast).findFirst().orElseThrow();
        }
        RawHttp.Answer answer = notify.apply(receiver);
        bridge.join(120_000);
        return new Outcome(exit.get(), stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8),
                firstWait.get(), receiver, answer);
    }

    private static RawHttp.Answer post(NotificationReceiver receiver, String orderNo) {
        try {
            return RawHttp.post(receiver.address(), NotificationReceiver.PATH + "/" + TOKEN,
                    ("{\"orderNo\":\"" + orderNo + "\"}").getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAcceptedNotificationWakesTheScheduledLoop() throws Exception {
        NotificationReceiverTest.FakeSink sink = new NotificationReceiverTest.FakeSink();

        Outcome outcome = run(engine -> sink, receiver -> post(receiver, "500000001"), "--cycles", "2");

        assertThat(outcome.answer().status()).isEqualTo(200);
        assertThat(outcome.firstWait()).as("the wait was cut short").isEqualTo("woken");
        assertThat(outcome.exit()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).contains("listening      http://127.0.0.1:" + outcome.receiver().address().getPort()
                + "/babyshop/notifications/<token from $" + TOKEN_ENV + ">");
        assertThat(outcome.stdout()).contains("[cycle 2]");
        assertThat(outcome.stdout()).contains("receiver       answers by status {200=1}, 1 order numbers hinted, "
                + "1 wake-ups");
        assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(TOKEN);
        assertThat(sink.accepted).containsExactly(List.of("500000001"));
        // the receiver is closed with the run
        assertThatThrownBy(() -> RawHttp.post(outcome.receiver().address(), NotificationReceiver.PATH + "/" + TOKEN,
                new byte[0])).isInstanceOf(IOException.class);
    }

    @Test
    void aNotifiedOrderIsFetchedByTheEngineAtOnceWithoutWaitingForThePoll() throws Exception {
        AtomicReference<SimOrder> created = new AtomicReference<>();
        AtomicInteger listedBefore = new AtomicInteger();
        AtomicReference<Instant> notifiedAt = new AtomicReference<>();

        Outcome outcome = run(null, receiver -> {
            listedBefore.set(world.sim.requests().count(Operation.ORDER_LIST));
            created.set(world.sim.store().generateOrder());
            notifiedAt.set(world.sim.clock().instant());
            return post(receiver, created.get().orderNo());
        }, "--cycles", "3");

        Duration simulated = Duration.between(notifiedAt.get(), world.sim.clock().instant());
        System.out.printf("notified order %s imported by a hint-only run after %s simulated (poll interval 30m)%n",
                created.get().orderNo(), simulated);
        assertThat(outcome.exit()).as(outcome.stderr()).isZero();
        assertThat(outcome.answer().status()).as(outcome.answer().head()).isEqualTo(200);
        assertThat(outcome.answer().body()).isEqualTo("{\"accepted\":1,\"added\":1,\"renewed\":0,\"invalid\":0,"
                + "\"refused\":0}");
        assertThat(outcome.firstWait()).isEqualTo("woken");
        assertThat(Files.exists(world.out.resolve("orders").resolve(created.get().orderNo() + ".json")))
                .as("the hinted order reached the host").isTrue();
        assertThat(world.sim.requests().count(Operation.ORDER_LIST)).as("no poll: fetched by its number")
                .isEqualTo(listedBefore.get());
        assertThat(simulated).as("well before the next poll").isLessThan(Duration.ofMinutes(30));
    }
}
