package io.github.babyshopsdk.client.hostile;

import io.github.babyshopsdk.client.hostile.support.Bodies.Segment;
import io.github.babyshopsdk.client.hostile.support.Bodies;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * Gzip bombs: small {@code Content-Encoding: gzip} answers that inflate to a gigabyte. The fixed ones are
 * compressed once when this is created (about a megabyte each) and served as often as asked.
 */
final class GzipBombs {
    private static final long GIB = 1024L * 1024 * 1024;
    private final List<Segment> zeros = Bodies.gzip(List.of(new Segment(new byte[1024 * 1024], GIB / (1024 * 1024))));
    private final List<Segment> hugeMessage = Bodies.gzip(List.of(
            Bodies.once("{\"responseCode\":0,\"responseMessage\":\""), Bodies.repeatBlock("a", GIB),
            Bodies.once("\"}")));
    private final List<Segment> envelopes = Bodies.gzip(List.of(Bodies.once("["),
            Bodies.repeatBlock("{\"responseCode\":0,\"responseMessage\":\"Success\"},", GIB),
            Bodies.once("{\"responseCode\":0}]")));

    /** 1 GiB of zero bytes, declared as JSON. */
    MockResponse zeros() {
        return zerosWithStatus(200);
    }

    /** 1 GiB of zero bytes with the given status. */
    MockResponse zerosWithStatus(int code) {
        return compressed(code, zeros);
    }

    /** A code-0 envelope whose responseMessage is 1 GiB long. */
    MockResponse hugeMessage() {
        return compressed(200, hugeMessage);
    }

    /** A top-level array of 1 GiB of code-0 envelopes. */
    MockResponse envelopes() {
        return compressed(200, envelopes);
    }

    /** The gzip of the given inflated segments (compressed now, for this case only). */
    MockResponse response(int code, List<Segment> inflated) {
        return compressed(code, Bodies.gzip(inflated));
    }

    private static MockResponse compressed(int code, List<Segment> gzip) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(Bodies.streamed(gzip, false)).setHeader("Content-Encoding", "gzip").build();
    }
}
