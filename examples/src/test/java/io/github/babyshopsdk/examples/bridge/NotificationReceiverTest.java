package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.HintReceipt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests against the real receiver ({@code HttpServer} on loopback) with a fake sink: each gets its status
 * code, the sink never sees a hint from a refused request, and a good request afterwards still gets 200.
 */
class NotificationReceiverTest {
    static final String TOKEN = "tK3n-0123456789abcdef0123456789abcdef";
    static final String GOOD = "{\"orderNo\":\"500000001\",\"status\":\"Pending\"}";

    private final FakeSink sink = new FakeSink();
    private NotificationReceiver receiver;
    private InetSocketAddress address;

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** Records every list it accepts; can fail or block on a latch. Thread-safe. */
    static final class FakeSink implements HintSink {
        final List<List<String>> accepted = Collections.synchronizedList(new ArrayList<>());
        volatile RuntimeException failure;
        volatile CountDownLatch arrived;
        volatile CountDownLatch release;

        @Override
        public HintReceipt accept(List<String> orderNos) {
            if (arrived != null) {
                arrived.countDown();
                try {
                    release.await(RawHttp.READ_GUARD_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            accepted.add(List.copyOf(orderNos));
            return HintReceipt.builder().added(orderNos.size()).renewed(0).invalid(0).refused(0).build();
        }

        List<String> orderNos() {
            synchronized (accepted) {
                return accepted.stream().flatMap(List::stream).toList();
            }
        }
    }

    private void start(ReceiverLimits limits) {
        receiver = NotificationReceiver.bind(new ListenAddress("127.0.0.1", 0), TokenCheck.of(TOKEN), sink, limits);
        receiver.start();
        address = receiver.address();
    }

    private RawHttp.Answer postGood(String orderNo) throws IOException {
        return RawHttp.post(address, NotificationReceiver.PATH + "/" + TOKEN,
                ("{\"orderNo\":\"" + orderNo + "\"}").getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
    }

    /** The receiver is still up and a good request is hinted. */
    private void stillServes() throws IOException {
        int before = sink.orderNos().size();
        assertThat(postGood("500000099").status()).isEqualTo(200);
        assertThat(sink.orderNos()).hasSize(before + 1).endsWith("500000099");
    }

    @Test
    void aGoodNotificationIsHintedAndAnswered200WithCountsOnlyAfterTheSink() throws IOException {
        start(ReceiverLimits.defaults());

        RawHttp.Answer inPath = RawHttp.post(address, NotificationReceiver.PATH + "/" + TOKEN,
                GOOD.getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
        RawHttp.Answer inHeader = RawHttp.post(address, NotificationReceiver.PATH,
                "orderNo=500000002&masterOrderNo=500000003".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-www-form-urlencoded", NotificationReceiver.TOKEN_HEADER + ": " + TOKEN);
        RawHttp.Answer ping = RawHttp.post(address, NotificationReceiver.PATH + "/" + TOKEN,
                "{\"event\":\"test\"}".getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");

        assertThat(inPath.status()).as(inPath.head()).isEqualTo(200);
        assertThat(inPath.body()).isEqualTo("{\"accepted\":1,\"added\":1,\"renewed\":0,\"invalid\":0,\"refused\":0}");
        assertThat(inPath.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(inHeader.status()).isEqualTo(200);
        assertThat(inHeader.body()).startsWith("{\"accepted\":2,");
        assertThat(ping.status()).as("a body naming no order").isEqualTo(200);
        assertThat(ping.body()).startsWith("{\"accepted\":0,");
        assertThat(sink.accepted).containsExactly(List.of("500000001"), List.of("500000002", "500000003"));
        assertThat(receiver.answers()).containsEntry(200, 3L);
    }

    @Test
    void aMissingOrWrongTokenIs401AndNothingIsHinted() throws IOException {
        start(ReceiverLimits.defaults());
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        String p = NotificationReceiver.PATH;
        String header = NotificationReceiver.TOKEN_HEADER + ": ";

        List<RawHttp.Answer> answers = List.of(
                RawHttp.post(address, p, body),
                RawHttp.post(address, p + "/", body),
                RawHttp.post(address, p + "/" + TOKEN.substring(1), body),
                RawHttp.post(address, p + "/" + TOKEN + "x", body),
                RawHttp.post(address, p + "/" + TOKEN.toUpperCase(java.util.Locale.ROOT), body),
                RawHttp.post(address, p + "/wrong", body, header + TOKEN.substring(0, TOKEN.length() - 1)),
                RawHttp.post(address, p, body, header),
                RawHttp.post(address, p, body, header + TOKEN + "x"),
                RawHttp.post(address, p, body, header + TOKEN.substring(0, 31)),
                RawHttp.post(address, p, body, header + "x".repeat(5000)),
                RawHttp.post(address, p + "/" + "%41".repeat(40), body));

        assertThat(answers).extracting(RawHttp.Answer::status).containsOnly(401);
        assertThat(answers).extracting(RawHttp.Answer::body).containsOnly("401 missing or wrong token\n");
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void otherPathsAre404AndOtherMethods405() throws IOException {
        start(ReceiverLimits.defaults());
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);

        assertThat(RawHttp.post(address, "/", body).status()).isEqualTo(404);
        assertThat(RawHttp.post(address, "/babyshop/notificationsX/" + TOKEN, body).status()).isEqualTo(404);
        assertThat(RawHttp.post(address, NotificationReceiver.PATH + "/" + TOKEN + "/more", body).status()).isEqualTo(404);
        RawHttp.Answer get = RawHttp.exchange(address, "127.0.0.1", "GET", NotificationReceiver.PATH + "/" + TOKEN,
                new byte[0]);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.head()).contains("Allow: POST");
        assertThat(RawHttp.exchange(address, "127.0.0.1", "PUT", NotificationReceiver.PATH + "/" + TOKEN, body)
                .status()).isEqualTo(405);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void anOversizedBodyIs413WithOrWithoutContentLength() throws IOException {
        start(ReceiverLimits.defaults().withBody(1024, 500));
        String path = NotificationReceiver.PATH + "/" + TOKEN;

        // a Content-Length over the limit: refused before a byte of the body is read (only the head is sent)
        RawHttp.Answer declared;
        try (Socket socket = RawHttp.connect(address, "127.0.0.1")) {
            socket.getOutputStream().write(RawHttp.head("POST", path, new String[0], "Content-Length: 1000000000")
                    .getBytes(StandardCharsets.ISO_8859_1));
            declared = RawHttp.read(socket);
        }
        // a body over the limit with an honest Content-Length
        RawHttp.Answer honest = RawHttp.post(address, path, padded(GOOD, 5000), "Content-Type: application/json");
        // chunked, without a Content-Length: counted while read
        RawHttp.Answer chunked;
        try (Socket socket = RawHttp.connect(address, "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.head("POST", path, new String[] {"Content-Type: application/json"},
                    "Transfer-Encoding: chunked").getBytes(StandardCharsets.ISO_8859_1));
            byte[] body = padded(GOOD, 5000);
            try {
                for (int i = 0; i < body.length; i += 500) {
                    int n = Math.min(500, body.length - i);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, i, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } catch (SocketException e) {
                // answered and closed before the end
            }
            chunked = RawHttp.read(socket);
        }

        assertThat(declared.status()).isEqualTo(413);
        assertThat(honest.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void aRefusalClosesTheConnectionWithoutWaitingForTheRestOfTheBody() throws IOException {
        // a deadline far away: only the refusal itself may end these exchanges (else the reads hit their guard)
        start(ReceiverLimits.defaults().withBody(1024, 500).withRequestDeadline(Duration.ofMinutes(10)));
        String path = NotificationReceiver.PATH + "/";

        List<RawHttp.Answer> answers = new ArrayList<>();
        for (String[] request : List.of(new String[] {path + "wrong-token", "Content-Length: 1000000000"},
                new String[] {path + TOKEN, "Content-Length: 1000000000"},
                new String[] {path + TOKEN, "Transfer-Encoding: chunked"})) {
            try (Socket socket = RawHttp.connect(address, "127.0.0.1")) {
                OutputStream out = socket.getOutputStream();
                out.write(RawHttp.head("POST", request[0], new String[0], request[1]).getBytes(StandardCharsets.ISO_8859_1));
                if (request[1].startsWith("Transfer")) {
                    out.write(("800\r\n" + " ".repeat(0x800) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush(); // and then the sender stalls, its body unfinished
                answers.add(RawHttp.read(socket));
            }
        }

        assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(401, 413, 413);
        assertThat(answers).extracting(RawHttp.Answer::head).allSatisfy(head ->
                assertThat(head).containsIgnoringCase("Connection: close"));
        assertThat(receiver.answers()).as("none ended by the deadline").doesNotContainKey(0);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void deepJsonBinaryGarbageAndNonsenseAre400() throws IOException {
        start(ReceiverLimits.defaults());
        String path = NotificationReceiver.PATH + "/" + TOKEN;
        byte[] deep = ("[".repeat(10_000) + "{\"orderNo\":\"500000001\"}" + "]".repeat(10_000))
                .getBytes(StandardCharsets.UTF_8);
        byte[] deepObjects = ("{\"a\":".repeat(5_000) + "{\"orderNo\":\"500000001\"}" + "}".repeat(5_000))
                .getBytes(StandardCharsets.UTF_8);
        byte[] garbage = new byte[4096];
        new Random(13).nextBytes(garbage);
        garbage[0] = '{'; // looks like JSON for a byte

        assertThat(RawHttp.post(address, path, deep, "Content-Type: application/json").status()).isEqualTo(400);
        assertThat(RawHttp.post(address, path, deepObjects).status()).isEqualTo(400);
        assertThat(RawHttp.post(address, path, garbage, "Content-Type: application/json").status()).isEqualTo(400);
        assertThat(RawHttp.post(address, path, garbage, "Content-Type: application/octet-stream").status()).isEqualTo(400);
        assertThat(RawHttp.post(address, path, "{\"orderNo\":".getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json").status()).as("truncated JSON").isEqualTo(400);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void tenThousandOrderNumbersAre413() throws IOException {
        start(ReceiverLimits.defaults().withBody(1024 * 1024, 500)); // room for the body: the count is what is refused
        StringBuilder json = new StringBuilder("{\"orders\":[");
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"orderNo\":\"").append(500_000_000 + i).append("\"}");
            form.append(i == 0 ? "" : "&").append("orderNo=").append(500_000_000 + i);
        }
        json.append("]}");
        String path = NotificationReceiver.PATH + "/" + TOKEN;

        assertThat(RawHttp.post(address, path, json.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/json").status()).isEqualTo(413);
        assertThat(RawHttp.post(address, path, form.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type: application/x-www-form-urlencoded").status()).isEqualTo(413);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void aSinkThatFailsIs503AndTheSameNotificationLaterIs200() throws IOException {
        start(ReceiverLimits.defaults());
        sink.failure = new IllegalStateException("state store down");

        assertThat(postGood("500000001").status()).isEqualTo(503);
        sink.failure = null;
        assertThat(postGood("500000001").status()).as("delivered again").isEqualTo(200);
        assertThat(sink.accepted).containsExactly(List.of("500000001"));
    }

    @Test
    void aSourceOverItsRateIs429AndOtherSourcesAreServed() throws IOException {
        start(ReceiverLimits.defaults().withRate(0.001, 3)); // a burst of 3, then one request per 1000 s

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(postGood("50000000" + i).status());
        }
        RawHttp.Answer limited = postGood("500000009");
        // the limit counts every request of the source, refused ones too (a wrong token spends its budget)
        RawHttp.Answer other = RawHttp.exchange(address, "127.0.0.2", "POST", NotificationReceiver.PATH + "/" + TOKEN,
                "{\"orderNo\":\"500000077\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.head()).containsIgnoringCase("Retry-After: 1");
        assertThat(other.status()).as("another source").isEqualTo(200);
        assertThat(sink.orderNos()).containsExactly("500000000", "500000001", "500000002", "500000077");
    }

    @Test
    void requestsBeyondTheConcurrencyCapAre503() throws Exception {
        start(ReceiverLimits.defaults().withConcurrency(2, 4));
        sink.arrived = new CountDownLatch(2);
        sink.release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<RawHttp.Answer> first = clients.submit(() -> postGood("500000001"));
            Future<RawHttp.Answer> second = clients.submit(() -> postGood("500000002"));
            assertThat(sink.arrived.await(RawHttp.READ_GUARD_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(receiver.inFlight()).isEqualTo(2);

            RawHttp.Answer third = postGood("500000003");

            sink.release.countDown();
            assertThat(third.status()).isEqualTo(503);
            assertThat(third.head()).containsIgnoringCase("Retry-After: 1");
            assertThat(first.get().status()).isEqualTo(200);
            assertThat(second.get().status()).isEqualTo(200);
        } finally {
            sink.release.countDown();
            clients.shutdownNow();
        }
        sink.arrived = null;
        assertThat(sink.orderNos()).containsExactlyInAnyOrder("500000001", "500000002");
        stillServes();
    }

    @Test
    void aClientThatStallsInItsBodyIsClosedAtTheDeadlineWithoutAHint() throws IOException {
        Duration deadline = Duration.ofMillis(300);
        start(ReceiverLimits.defaults().withRequestDeadline(deadline));
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        RawHttp.Answer stalled;
        try (Socket socket = RawHttp.connect(address, "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write(RawHttp.head("POST", NotificationReceiver.PATH + "/" + TOKEN, new String[0],
                    "Content-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length - 5); // and then nothing
            out.flush();
            stalled = RawHttp.read(socket);
        }
        long waited = System.nanoTime() - started;

        assertThat(stalled.status()).as("closed without an answer").isZero();
        assertThat(waited).as("not before the deadline").isGreaterThanOrEqualTo(deadline.toNanos());
        assertThat(receiver.answers()).containsEntry(0, 1L);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void aClientThatStallsInItsHeadersOrTricklesIsClosedAtTheDeadline() throws Exception {
        start(ReceiverLimits.defaults().withRequestDeadline(Duration.ofMillis(300)));

        RawHttp.Answer headers;
        try (Socket socket = RawHttp.connect(address, "127.0.0.1")) {
            socket.getOutputStream().write(("POST " + NotificationReceiver.PATH + "/" + TOKEN
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le").getBytes(StandardCharsets.ISO_8859_1));
            headers = RawHttp.read(socket);
        }
        // a trickle: a byte every 20 ms of a 2,000-byte body would take 40 s; the deadline is for the whole request
        RawHttp.Answer trickled;
        try (Socket socket = RawHttp.connect(address, "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            byte[] body = padded(GOOD, 2000);
            out.write(RawHttp.head("POST", NotificationReceiver.PATH + "/" + TOKEN, new String[0],
                    "Content-Length: " + body.length).getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (SocketException e) {
                // closed by the receiver: expected
            }
            trickled = RawHttp.read(socket);
        }

        assertThat(headers.status()).isZero();
        assertThat(trickled.status()).isZero();
        assertThat(receiver.answers()).containsEntry(0, 2L);
        assertThat(sink.accepted).isEmpty();
        stillServes();
    }

    @Test
    void aStalledClientDoesNotBlockOthers() throws IOException {
        start(ReceiverLimits.defaults().withConcurrency(2, 3).withRequestDeadline(Duration.ofMinutes(10)));
        byte[] body = GOOD.getBytes(StandardCharsets.UTF_8);
        try (Socket first = RawHttp.connect(address, "127.0.0.1");
             Socket second = RawHttp.connect(address, "127.0.0.1")) {
            for (Socket socket : List.of(first, second)) {
                // one stalls in its headers, one in its body: each holds a thread
                socket.getOutputStream().write((socket == first ? "POST / HTTP/1.1\r\nHost: x\r\n"
                        : RawHttp.head("POST", NotificationReceiver.PATH + "/" + TOKEN, new String[0],
                        "Content-Length: 100") + "{").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            }

            assertThat(postGood("500000001").status()).isEqualTo(200);
            assertThat(postGood("500000002").status()).isEqualTo(200);
        }
        assertThat(sink.orderNos()).containsExactly("500000001", "500000002");
    }

    @Test
    void theTokenIsInNoMessageOrToString() {
        start(ReceiverLimits.defaults());
        assertThat(receiver.toString()).doesNotContain(TOKEN).contains("127.0.0.1");
        assertThat(TokenCheck.of(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(receiver.url()).doesNotContain(TOKEN).endsWith(NotificationReceiver.PATH);
    }

    /** {@code json} as a JSON array padded with spaces to {@code size} bytes. */
    static byte[] padded(String json, int size) {
        return ("[" + json + " ".repeat(Math.max(0, size - json.length() - 2)) + "]").getBytes(StandardCharsets.UTF_8);
    }

}
