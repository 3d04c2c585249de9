package io.github.babyshopsdk.client.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;

/**
 * Assertions on what the client put on the wire (reference §1.3, §1.4), shared by the wire tests.
 *
 * <p>Request JSON is parsed with a <em>plain</em> Jackson mapper and compared as a tree, so a JSON string
 * {@code "1"} and a JSON number {@code 1} are different values, while key order and whitespace do not
 * matter.
 */
final class WireAssertions {
    /** The base path the client is configured with in {@link MockSellerPanel}. */
    static final String BASE_PATH = "/RestWS/api/sellerPanel/v3/";
    static final String FORM = "application/x-www-form-urlencoded";

    private static final ObjectMapper PLAIN = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WireAssertions() {
    }

    /**
     * Asserts that {@code request} is the keyed form POST of {@code operation} (§1.4): POST to
     * {@code <base>/<operation>} without a query string, form content type, {@code ApiKey} header equal to
     * {@code apiKey}, and a body of exactly one form field {@code RequestBody}.
     *
     * @return the {@code RequestBody} value parsed as JSON
     */
    static JsonNode assertKeyedFormPost(RecordedRequest request, String operation, String apiKey) {
        assertThat(request.getMethod()).as("%s method", operation).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).as("%s path", operation).isEqualTo(BASE_PATH + operation);
        assertThat(request.getUrl().querySize()).as("%s query parameters", operation).isZero();
        String contentType = request.getHeaders().get("Content-Type");
        assertThat(contentType).as("%s Content-Type", operation).isNotNull();
        MediaType mediaType = MediaType.parse(contentType);
        assertThat(mediaType).as("%s Content-Type %s", operation, contentType).isNotNull();
        assertThat(mediaType.type() + "/" + mediaType.subtype()).as("%s Content-Type", operation).isEqualTo(FORM);
        if (mediaType.charset() != null) {
            assertThat(mediaType.charset()).as("%s charset", operation).isEqualTo(StandardCharsets.UTF_8);
        }
        assertThat(request.getHeaders().values("ApiKey")).as("%s ApiKey header", operation).containsExactly(apiKey);
        return requestBodyJson(request, operation);
    }

    /** {@link #assertKeyedFormPost} with the key {@link MockSellerPanel#enqueueToken()} issues. */
    static JsonNode assertKeyedFormPost(RecordedRequest request, String operation) {
        return assertKeyedFormPost(request, operation, MockSellerPanel.API_KEY);
    }

    /**
     * Asserts that {@code request} is the authToken call (§2.1): GET with exactly the query parameters
     * {@code username} and {@code password}, no {@code ApiKey} header, no body.
     */
    static void assertAuthTokenGet(RecordedRequest request, String username, String password) {
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo(BASE_PATH + "authToken");
        assertThat(request.getUrl().queryParameterNames()).containsExactlyInAnyOrder("username", "password");
        assertThat(request.getUrl().queryParameterValues("username")).containsExactly(username);
        assertThat(request.getUrl().queryParameterValues("password")).containsExactly(password);
        assertThat(request.getHeaders().names()).noneMatch(name -> name.equalsIgnoreCase("ApiKey"));
        assertThat(request.getBodySize()).isZero();
        assertThat(request.getBody() == null || request.getBody().size() == 0).as("no body").isTrue();
    }

    /** Asserts the tree sent equals the tree written by hand in {@code expectedJson}. */
    static void assertJson(JsonNode actual, String expectedJson) {
        assertThat(actual).isEqualTo(parse(expectedJson));
    }

    /** The {@code RequestBody} JSON of a keyed POST, after checking it is the only form field. */
    static JsonNode requestBodyJson(RecordedRequest request, String operation) {
        String form = request.getBody() == null ? "" : request.getBody().utf8();
        List<String> names = new ArrayList<>();
        String value = null;
        for (String pair : form.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            names.add(name);
            if (eq >= 0 && name.equals("RequestBody")) {
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        assertThat(names).as("%s form fields of %s", operation, form).containsExactly("RequestBody");
        assertThat(value).as("%s RequestBody", operation).isNotNull();
        return parse(value);
    }

    static JsonNode parse(String json) {
        try {
            return PLAIN.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a single JSON document: " + json, e);
        }
    }
}
