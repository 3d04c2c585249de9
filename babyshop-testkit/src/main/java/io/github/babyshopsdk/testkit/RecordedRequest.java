package io.github.babyshopsdk.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the simulator received and what it answered. Immutable.
 *
 * <p>Secrets: the {@code password} query parameter is never stored (its value is replaced by
 * {@value #REDACTED}); the {@code ApiKey} header is stored as received so that tests can assert it
 * with {@link #apiKey()}, but {@link #toString()} redacts it.
 *
 * @param sequence 1-based arrival order
 * @param receivedAt simulated time of arrival
 * @param operation the operation, or null for a path that is not one
 * @param method HTTP method
 * @param path request path, without the query
 * @param query query parameters (password redacted)
 * @param headers request headers, names matched case-insensitively
 * @param requestBody the decoded {@code RequestBody} form field, or null when absent
 * @param httpStatus HTTP status sent, 0 when the connection was dropped
 * @param responseCode the {@code responseCode} answered (0 also for successes whose body has
 *     none, such as authToken and skuBackOrder), or null when no JSON answer was sent
 * @param fault the injected fault, or null
 * @param faultDetail what the fault touched (e.g. {@code "orderList[3].orderLastUpdateDate"}), or null
 * @param credential the username the request was attributed to, or null
 */
public record RecordedRequest(long sequence, Instant receivedAt, Operation operation, String method,
                              String path, Map<String, String> query, Map<String, List<String>> headers,
                              String requestBody, int httpStatus, Integer responseCode, FaultKind fault,
                              String faultDetail, String credential) {

    /** The text that replaces secrets. */
    public static final String REDACTED = "<redacted>";

    /** Copies the maps (headers become case-insensitive). */
    public RecordedRequest {
        query = Collections.unmodifiableMap(new TreeMap<>(query));
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(h);
    }

    /**
     * First value of a header.
     *
     * @param name header name, any case
     * @return the value, or empty
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The {@code ApiKey} header as received (a secret: do not log it).
     *
     * @return the key, or empty when the request had none
     */
    public Optional<String> apiKey() {
        return header("ApiKey");
    }

    /**
     * Whether a JSON answer with this code was sent.
     *
     * @param code a response code
     * @return true when {@link #responseCode()} equals {@code code}
     */
    public boolean answered(int code) {
        return responseCode != null && responseCode == code;
    }

    /** Describes the request with the ApiKey (and any Authorization / Cookie header) redacted. */
    @Override
    public String toString() {
        StringBuilder h = new StringBuilder("{");
        headers.forEach((k, v) -> {
            if (h.length() > 1) {
                h.append(", ");
            }
            boolean secret = k.equalsIgnoreCase("ApiKey") || k.equalsIgnoreCase("Authorization")
                    || k.equalsIgnoreCase("Cookie");
            h.append(k).append('=').append(secret ? REDACTED : String.join(",", v));
        });
        h.append('}');
        return "RecordedRequest[#" + sequence + " " + method + " " + path + " op=" + operation + " query=" + query
                + " headers=" + h + " requestBody=" + requestBody + " httpStatus=" + httpStatus + " responseCode="
                + responseCode + " fault=" + fault + (faultDetail == null ? "" : " (" + faultDetail + ")")
                + " credential=" + credential + " at=" + receivedAt + "]";
    }
}
