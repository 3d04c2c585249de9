package io.github.babyshopsdk.sync.hostile;

import io.github.babyshopsdk.sync.hostile.LiveMutations.Hostile;
import io.github.babyshopsdk.sync.hostile.LiveMutations.Live;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * A hostile proxy between the engine's client and the SellerPanel simulator: every request is passed
 * through to the simulator, except that, while armed, calls of one operation get a hostile answer (made
 * from the simulator's live answer). In {@link Mode#PROCESS_THEN_REPLACE} the simulator still processes
 * the call (a write happens, its answer is lost: the "did my write happen?" case); in
 * {@link Mode#REPLACE} it never sees it. A second server stands for the host a redirect names; it must
 * never be reached. Thread-safe.
 */
final class HostileProxy implements AutoCloseable {
    /** Whether the simulator sees an armed call. */
    enum Mode {
        REPLACE, PROCESS_THEN_REPLACE
    }

    private final String simBase;
    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private final OkHttpClient upstream = new OkHttpClient.Builder().followRedirects(false)
            .retryOnConnectionFailure(false).readTimeout(Duration.ofSeconds(30)).build();
    private final AtomicInteger elsewhereRequests = new AtomicInteger();
    private final List<String> served = Collections.synchronizedList(new ArrayList<>());
    private volatile Arming arming;

    /** What to do to which calls. */
    private record Arming(String path, Kind kind, Mode mode, int remaining, Random random, LiveMutations mutations) {
    }

    HostileProxy(String simBaseUrl) {
        okhttp3.HttpUrl sim = okhttp3.HttpUrl.get(simBaseUrl);
        // the simulator's origin: the request target carries the whole path
        this.simBase = sim.scheme() + "://" + sim.host() + ":" + sim.port();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        elsewhere.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                elsewhereRequests.incrementAndGet();
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body("{\"responseCode\":0,\"responseMessage\":\"Success\"}").build();
            }
        });
        try {
            server.start(0);
            elsewhere.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL the engine's client uses. */
    String baseUrl() {
        return server.url("/RestWS/api/sellerPanel/v3/").toString();
    }

    String elsewhereUrl() {
        return elsewhere.url("/RestWS/api/sellerPanel/v3/").toString();
    }

    /** From now on the next {@code calls} calls of {@code path} (all, if negative) get a hostile answer of {@code kind}. */
    void arm(String path, Kind kind, Mode mode, int calls, Random random, LiveMutations mutations) {
        arming = new Arming(path, kind, mode, calls, random, mutations);
    }

    void disarm() {
        arming = null;
    }

    int elsewhereRequests() {
        return elsewhereRequests.get();
    }

    /** The hostile answers given so far, described. */
    List<String> served() {
        synchronized (served) {
            return List.copyOf(served);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String operation = path.substring(path.lastIndexOf('/') + 1);
        Arming armed = take(operation);
        if (armed == null) {
            return forward(request).response();
        }
        Live live;
        if (armed.mode() == Mode.PROCESS_THEN_REPLACE) {
            live = forward(request).live();
        } else {
            live = new Live(200, "application/json", LiveMutations.utf8("{\"responseCode\":0,\"responseMessage\":"
                    + "\"Success\"}"));
        }
        Hostile hostile;
        synchronized (armed.random()) {
            hostile = armed.mutations().mutate(armed.kind(), armed.random(), live);
        }
        served.add(operation + ": " + hostile.description());
        return hostile.response();
    }

    private synchronized Arming take(String operation) {
        Arming armed = arming;
        if (armed == null || !armed.path().equals(operation) || armed.remaining() == 0) {
            return null;
        }
        if (armed.remaining() > 0) {
            arming = new Arming(armed.path(), armed.kind(), armed.mode(), armed.remaining() - 1, armed.random(),
                    armed.mutations());
        }
        return armed;
    }

    /** The simulator's answer, both as bytes and as a response to pass on. */
    private record Forwarded(Live live, MockResponse response) {
    }

    private Forwarded forward(RecordedRequest request) {
        String target = simBase + request.getTarget();
        Request.Builder builder = new Request.Builder().url(target);
        Headers headers = request.getHeaders();
        for (String name : headers.names()) {
            if (!List.of("host", "content-length", "connection", "accept-encoding").contains(name.toLowerCase())) {
                for (String value : headers.values(name)) {
                    builder.addHeader(name, value);
                }
            }
        }
        if ("POST".equals(request.getMethod())) {
            String type = headers.get("Content-Type");
            builder.post(RequestBody.create(request.getBody() == null ? new byte[0] : request.getBody().toByteArray(),
                    type == null ? null : MediaType.parse(type)));
        }
        try (Response response = upstream.newCall(builder.build()).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            String contentType = response.header("Content-Type", "application/octet-stream");
            MockResponse.Builder out = new MockResponse.Builder().code(response.code())
                    .setHeader("Content-Type", contentType).body(new Buffer().write(bytes));
            String disposition = response.header("Content-Disposition");
            if (disposition != null) {
                out.setHeader("Content-Disposition", disposition);
            }
            return new Forwarded(new Live(response.code(), contentType, bytes), out.build());
        } catch (IOException e) {
            // the simulator dropped the connection (one of its own faults): drop ours too
            return new Forwarded(new Live(599, "text/plain", new byte[0]), new MockResponse.Builder()
                    .onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            elsewhere.close();
            upstream.dispatcher().executorService().shutdown();
            upstream.connectionPool().evictAll();
        }
    }
}
