package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 4: every JSON body is capped while it streams, on the bytes received and on the bytes
 * after gzip inflation; the parser has limits; a list far longer than a page is malformed and builds no
 * per-record failures.
 */
class BodiesAreCappedWhileStreamingTest {
    private static final int KIB = 1024;
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    /** {@code {"responseCode":0,"orderList":[0,0,0,...]}} of about {@code bytes} bytes, gzipped. */
    static Buffer gzipZeroList(long bytes) {
        Buffer out = new Buffer();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out.outputStream())) {
            gzip.write("{\"responseCode\":0,\"orderList\":[0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ",0".repeat(32 * KIB).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < bytes; written += chunk.length) {
                gzip.write(chunk);
            }
            gzip.write("]}".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static MockResponse gzipped(Buffer body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip").body(body).build();
    }

    private static String padded(String json, int bytes) {
        return json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(bytes) + "\"}";
    }

    @Test
    void aPlainBodyOverTheCapIsAMalformedRead() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(padded("{\"responseCode\":0,\"orderList\":[]}", 64 * KIB)));
        }

        assertThatThrownBy(() -> panel.clientBuilder().maxResponseBytes(16 * KIB).build().orders()
                .listPage(Queries.ORDERS))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("larger than the cap of " + 16 * KIB);
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }

    @Test
    void aBodyWithinTheCapStillReads() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(padded("{\"responseCode\":0,\"orderList\":[]}", 8 * KIB)));

        assertThat(panel.clientBuilder().maxResponseBytes(16 * KIB).build().orders().listPage(Queries.ORDERS)
                .records()).isEmpty();
    }

    @Test
    void aSmallGzipThatInflatesPastTheCapFailsWhileInflating() {
        Buffer bomb = gzipZeroList(8L * KIB * KIB);
        assertThat(bomb.size()).as("compressed, the body is far under the cap").isLessThan(64 * KIB);
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(gzipped(bomb.clone()));
        }

        assertThatThrownBy(() -> panel.clientBuilder().maxResponseBytes(KIB * KIB).build().orders()
                .listPage(Queries.ORDERS))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("larger than the cap of " + KIB * KIB);
    }

    @Test
    void aWriteWhoseAnswerIsOverTheCapIsAnUnknownOutcome() {
        panel.enqueueToken();
        panel.server().enqueue(gzipped(gzipZeroList(4L * KIB * KIB)));

        assertThatThrownBy(() -> panel.clientBuilder().maxResponseBytes(KIB * KIB).build().fulfilment()
                .cancelOrder("AB1883884"))
                .isExactlyInstanceOf(OutcomeUnknownException.class)
                .hasCauseExactlyInstanceOf(MalformedResponseException.class)
                .cause().hasMessageContaining("larger than the cap");
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aListFarLongerThanAPageIsMalformedNotAMillionFailures() {
        panel.enqueueToken();
        String list = "{\"responseCode\":0,\"orderList\":[0" + ",0".repeat(50_000) + "]}";
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(list));
        }

        assertThatThrownBy(() -> panel.client().orders().listPage(Queries.ORDERS))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("more than the 1000");
    }

    @Test
    void tooManyUnreadableRecordsInTheUnpagedBackOrderBookAreMalformed() {
        panel.enqueueToken();
        String book = "{\"data\":[0" + ",0".repeat(1_500) + "]}";
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(book));
        }

        assertThatThrownBy(() -> panel.client().catalog().backOrders())
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("unreadable records");
    }

    @Test
    void deepNestingIsMalformed() {
        panel.enqueueToken();
        String deep = "{\"responseCode\":0,\"orderList\":[],\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(deep));
        }

        assertThatThrownBy(() -> panel.client().orders().listPage(Queries.ORDERS))
                .isExactlyInstanceOf(MalformedResponseException.class);
    }

    @Test
    void anAbsurdlyLongNumberIsMalformed() {
        panel.enqueueToken();
        String number = "{\"responseCode\":0,\"orderList\":[],\"x\":" + "9".repeat(500) + "}";
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(number));
        }

        assertThatThrownBy(() -> panel.client().orders().listPage(Queries.ORDERS))
                .isExactlyInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aHugeErrorPageIsReadOnlyAsAnExcerpt() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/plain")
                    .body("Bad gateway " + "y".repeat(512 * KIB)).build());
        }

        assertThatThrownBy(() -> panel.client().orders().listPage(Queries.ORDERS))
                .isInstanceOf(io.github.babyshopsdk.client.error.TransientException.class)
                .hasMessageContaining("HTTP 502")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
    }
}
