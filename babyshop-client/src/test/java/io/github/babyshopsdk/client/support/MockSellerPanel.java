package io.github.babyshopsdk.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer standing in for SellerPanel V3, with helpers to answer in its envelope and to read
 * what the client sent. One per test.
 */
public final class MockSellerPanel implements AutoCloseable {
    public static final String USERNAME = "seller-one";
    public static final String PASSWORD = "pa55-w0rd!&secret";
    public static final String API_KEY = "NTfmU5MWY4MTI3Nzc3YzQ5YzYFmYjlmM2M0YTlhNGU3OGZmYzQwNDE1NmEzMGFi";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final ManualClock clock = ManualClock.startingAt("2026-11-27T06:30:00Z");

    public MockSellerPanel() {
        try {
            server.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MockWebServer server() {
        return server;
    }

    public ManualClock clock() {
        return clock;
    }

    public String baseUrl() {
        return server.url("/RestWS/api/sellerPanel/v3/").toString();
    }

    /** A builder on this server: manual clock and sleeper, plain HTTP allowed, quick retries. */
    public BabyshopClient.Builder clientBuilder() {
        return BabyshopClient.builder()
                .baseUrl(baseUrl())
                .allowInsecureHttp()
                .credentials(Credentials.of(USERNAME, PASSWORD))
                .clock(clock)
                .sleeper(clock.sleeper())
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().random(() -> 0.5).build());
    }

    public BabyshopClient client() {
        return clientBuilder().build();
    }

    public static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse code(int code, String message) {
        return json("{\"responseCode\":" + code + ",\"responseMessage\":\"" + message + "\"}");
    }

    public static MockResponse token(String apiKey) {
        return json("{\"status\":\"SUCCESS\",\"apiKey\":\"" + apiKey + "\",\"apiOwner\":\"50JUCH\"}");
    }

    public void enqueueToken() {
        server.enqueue(token(API_KEY));
    }

    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The decoded {@code RequestBody} form field of a recorded POST, parsed as JSON. */
    public static JsonNode requestBody(RecordedRequest request) {
        String form = request.getBody() == null ? "" : request.getBody().utf8();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("RequestBody")) {
                try {
                    return JSON.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new AssertionError("RequestBody is not JSON: " + pair, e);
                }
            }
        }
        throw new AssertionError("no RequestBody field in " + form);
    }

    public static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
