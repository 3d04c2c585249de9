package io.github.babyshopsdk.client.hostile;

import io.github.babyshopsdk.client.hostile.support.Bodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for SellerPanel V3 that answers the case under test on its operation's
 * path (every attempt gets the same answer) and a valid API key on {@code authToken} (unless authToken is
 * the operation under test), plus a second server that redirects point to and that must never be
 * reached. Counts the requests of the current case. One case at a time.
 *
 * <p>Each case's client tags its requests with {@link #CASE_HEADER}: a request of an earlier case that the
 * server thread only reads now (a loaded machine can hold one for seconds after its client gave up) is
 * counted as stale, never as a request of the current case.
 */
final class HostileServer implements AutoCloseable {
    /** The API key the server issues. */
    /** The header naming the case a request belongs to (see {@link #caseTag()}). */
    static final String CASE_HEADER = "X-Hostile-Case";
    /** The API key the server issues. */
    static final String API_KEY = "NTfmU5MWY4MTI3Nzc3YzQ5YzYFmYjlmM2M0YTlhNGU3OGZmYzQwNDE1NmEzMGFi";
    private static final MockResponse TOKEN = Mutations.json(200, Bodies.utf8(
            "{\"status\":\"SUCCESS\",\"apiKey\":\"" + API_KEY + "\",\"apiOwner\":\"50JUCH\"}"));
    private static final MockResponse NOT_HERE = new MockResponse.Builder().code(599).body("unexpected path").build();

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private final AtomicReference<HostileCase> current = new AtomicReference<>();
    private final AtomicInteger targetRequests = new AtomicInteger();
    private final AtomicInteger elsewhereRequests = new AtomicInteger();
    private final AtomicInteger strayRequests = new AtomicInteger();
    private final AtomicInteger staleRequests = new AtomicInteger();
    private final AtomicLong caseNumber = new AtomicLong();

    HostileServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }

            @Override
            public MockResponse peek() {
                // effects that act before the request is read take the case's answer from here
                HostileCase c = current.get();
                return c == null ? TOKEN : c.response();
            }
        });
        elsewhere.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (isStale(request)) {
                    return NOT_HERE;
                }
                elsewhereRequests.incrementAndGet();
                return Mutations.json(200, Bodies.utf8("{\"responseCode\":0,\"responseMessage\":\"Success\"}"));
            }
        });
        try {
            server.start(0);
            elsewhere.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isStale(RecordedRequest request) {
        String tag = request.getHeaders().get(CASE_HEADER);
        if (tag != null && !tag.equals(caseTag())) {
            staleRequests.incrementAndGet();
            return true;
        }
        return false;
    }

    private MockResponse answer(RecordedRequest request) {
        if (isStale(request)) {
            return NOT_HERE;
        }
        HostileCase c = current.get();
        String path = request.getUrl().encodedPath();
        String operation = path.substring(path.lastIndexOf('/') + 1);
        if (c != null && operation.equals(c.operation().path())) {
            targetRequests.incrementAndGet();
            return c.response();
        }
        if (operation.equals("authToken")) {
            return TOKEN;
        }
        strayRequests.incrementAndGet();
        return NOT_HERE;
    }

    /** The base URL of the SellerPanel stand-in. */
    String baseUrl() {
        return server.url("/RestWS/api/sellerPanel/v3/").toString();
    }

    /** The base URL of the server redirects point to. */
    String elsewhereUrl() {
        return elsewhere.url("/RestWS/api/sellerPanel/v3/").toString();
    }

    /** Serves {@code c} from now on and resets the counters. */
    void serve(HostileCase c) {
        targetRequests.set(0);
        elsewhereRequests.set(0);
        strayRequests.set(0);
        caseNumber.incrementAndGet();
        current.set(c);
    }

    /** The tag of the current case, for {@link #CASE_HEADER}. */
    String caseTag() {
        return Long.toString(caseNumber.get());
    }

    /** Requests of earlier cases read during the whole run (not counted for any case). */
    int staleRequests() {
        return staleRequests.get();
    }

    /** Requests of the current case that reached its operation's path. */
    int targetRequests() {
        return targetRequests.get();
    }

    /** Requests the redirect target received during the current case. */
    int elsewhereRequests() {
        return elsewhereRequests.get();
    }

    /** Requests to paths other than authToken and the case's own. */
    int strayRequests() {
        return strayRequests.get();
    }

    /**
     * Stops both servers. A connection the harness stalled on purpose may keep MockWebServer from
     * shutting its threads down in time; that is the stand-in's business, not the client's, so it is
     * tolerated.
     */
    @Override
    public void close() {
        try {
            server.close();
        } catch (AssertionError stalledConnection) {
            // "Gave up waiting for queue to shut down": a deliberately stalled answer is still parked
        } finally {
            elsewhere.close();
        }
    }
}
