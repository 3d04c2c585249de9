package io.github.babyshopsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A raw HTTP client for the tests: no SDK code, just the wire. */
final class Http {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final SellerPanelSimulator sim;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Http(SellerPanelSimulator sim) {
        this.sim = sim;
    }

    record Reply(int status, HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int code() {
            return json().get("responseCode").asInt();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    Reply authToken(String username, String password) {
        StringBuilder q = new StringBuilder();
        if (username != null) {
            q.append("username=").append(enc(username));
        }
        if (password != null) {
            q.append(q.length() > 0 ? "&" : "").append("password=").append(enc(password));
        }
        return get("authToken" + (q.length() > 0 ? "?" + q : ""));
    }

    Reply authToken() {
        return authToken(SellerPanelSimulator.DEFAULT_USERNAME, SellerPanelSimulator.DEFAULT_PASSWORD);
    }

    Reply get(String relative) {
        return send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + relative)).GET());
    }

    /** POST with the simulator's current key. */
    Reply call(String operation, String json) {
        return post(operation, sim.apiKey(), json);
    }

    /** POST {@code RequestBody=<json>} form-encoded; apiKey null sends no header; json null sends no field. */
    Reply post(String operation, String apiKey, String json) {
        return postRaw(operation, apiKey, "application/x-www-form-urlencoded",
                json == null ? "" : "RequestBody=" + enc(json));
    }

    Reply postRaw(String operation, String apiKey, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + operation))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            b.header("ApiKey", apiKey);
        }
        return send(b);
    }

    Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
