package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.ApiException;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.InvalidRequestException;
import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.error.TransientException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import io.github.babyshopsdk.client.error.UnexpectedRedirectException;
import okhttp3.HttpUrl;

/**
 * Turns what the server answered into success or a classified {@link AttemptFailure}: the SellerPanel
 * envelope ({@code responseCode}, {@code responseMessage}, HTTP 200 for failures too), non-200 HTTP
 * statuses, and bodies of the wrong shape. Stateless and thread-safe.
 */
final class ResponseClassifier {
    /** Longest server message kept (characters); a longer one is cut. */
    private static final int MAX_SERVER_MESSAGE = 1000;
    private static final Pattern CODE_TEXT = Pattern.compile("[-+]?\\d{1,10}");
    private final Redactor redactor;

    ResponseClassifier(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * The envelope object of a JSON answer whose code is 0.
     *
     * <p>Some response schemas are declared as arrays of envelopes (Q3): an array answer is read as the
     * concatenation of its envelopes. {@code skuBackOrder} documents no envelope at all (Q38): a body without
     * {@code responseCode} is a success there when it carries {@code data}.
     */
    JsonNode successEnvelope(Operation operation, JsonNode body) throws AttemptFailure {
        if (body != null && body.isArray()) {
            return mergedEnvelopes(operation, body);
        }
        if (body == null || !body.isObject()) {
            throw malformed(operation, "the answer is not a JSON object");
        }
        JsonNode codeNode = body.get("responseCode");
        if (codeNode == null || codeNode.isNull() || codeNode.asText().isBlank()) {
            if (operation == Operation.SKU_BACK_ORDER && body.has("data")) {
                return body;
            }
            throw malformed(operation, "the answer has no responseCode");
        }
        int code = parseCode(operation, codeNode);
        if (code != 0) {
            throw failure(operation, code, message(body));
        }
        if (operation == Operation.SKU_BACK_ORDER && !body.has("data")) {
            throw malformed(operation, "code 0 without data (skuBackOrder answers its list in data)");
        }
        return body;
    }

    /**
     * Some response schemas are declared as arrays of envelopes (Q3): each element is checked like an
     * envelope, and their lists are concatenated into one envelope, so no element's records are lost.
     */
    private JsonNode mergedEnvelopes(Operation operation, JsonNode array) throws AttemptFailure {
        if (array.size() == 0) {
            throw malformed(operation, "the answer is an empty JSON array");
        }
        ObjectNode merged = null;
        for (JsonNode element : array) {
            JsonNode envelope = successEnvelope(operation, element);
            if (merged == null) {
                merged = envelope.deepCopy();
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = envelope.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode existing = merged.get(field.getKey());
                if (existing != null && existing.isArray() && field.getValue().isArray()) {
                    ((ArrayNode) existing).addAll((ArrayNode) field.getValue());
                } else if (existing == null || existing.isNull()) {
                    merged.set(field.getKey(), field.getValue());
                }
            }
        }
        return merged;
    }

    /** The classified failure for a non-zero {@code responseCode}. */
    AttemptFailure failure(Operation operation, int code, String serverMessage) {
        Optional<ResponseCode> known = ResponseCode.of(code);
        String text = known.map(c -> describe(c)).orElse("undocumented response code");
        if (known.isEmpty()) {
            return new AttemptFailure(new ApiException(operation, code, serverMessage, text), AttemptFailure.Retry.NEVER);
        }
        switch (known.get().kind()) {
            case TOKEN_EXPIRED:
                return new AttemptFailure(new AuthenticationException(operation, code, serverMessage,
                        "the API key was rejected again right after a fresh one was issued"),
                        AttemptFailure.Retry.REAUTHENTICATE);
            case QUOTA:
                return new AttemptFailure(new QuotaExceededException(operation, code, serverMessage,
                        "the server's call quota is exceeded", Duration.ZERO, 0), AttemptFailure.Retry.QUOTA);
            case TRANSIENT:
                return new AttemptFailure(new TransientException(operation, code, null, serverMessage, text, null),
                        AttemptFailure.Retry.OUTCOME_OPEN);
            case AUTHENTICATION:
                return new AttemptFailure(new AuthenticationException(operation, code, serverMessage, text),
                        AttemptFailure.Retry.NEVER);
            case INVALID_REQUEST:
                return new AttemptFailure(new InvalidRequestException(operation, code, serverMessage, text),
                        AttemptFailure.Retry.NEVER);
            case NOT_FOUND:
                return new AttemptFailure(new NotFoundException(operation, code, serverMessage, text),
                        AttemptFailure.Retry.NEVER);
            default:
                return new AttemptFailure(new ApiException(operation, code, serverMessage, text),
                        AttemptFailure.Retry.NEVER);
        }
    }

    /**
     * The classified failure for an answer whose HTTP status is not 2xx; a 3xx is an
     * {@link UnexpectedRedirectException} naming only the host of its {@code Location}.
     */
    AttemptFailure httpFailure(Operation operation, retrofit2.Response<?> response, String bodySnippet) {
        int status = response.code();
        if (status >= 300 && status < 400) {
            return new AttemptFailure(new UnexpectedRedirectException(operation, status,
                    locationHost(response.raw().request().url(), response.headers().get("Location"))),
                    AttemptFailure.Retry.NEVER);
        }
        return httpFailure(operation, status, bodySnippet);
    }

    private static String locationHost(HttpUrl requested, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        HttpUrl target = requested.resolve(location.trim());
        return target == null ? null : target.host();
    }

    /** The classified failure for an HTTP status other than 2xx; {@code bodySnippet} may be null. */
    AttemptFailure httpFailure(Operation operation, int status, String bodySnippet) {
        String text = "HTTP " + status + (bodySnippet == null ? "" : ": " + redactor.redact(bodySnippet));
        if (status == 429) {
            return new AttemptFailure(new QuotaExceededException(operation, null, null, text, Duration.ZERO, 0),
                    AttemptFailure.Retry.QUOTA);
        }
        if (status == 404 && operation == Operation.FETCH_DOCUMENTS) {
            return new AttemptFailure(new NotFoundException(operation, null, null, text), AttemptFailure.Retry.NEVER);
        }
        if (status == 401 || status == 403) {
            return new AttemptFailure(new AuthenticationException(operation, null, null, text),
                    AttemptFailure.Retry.NEVER);
        }
        return new AttemptFailure(new TransientException(operation, null, status, null, text, null),
                AttemptFailure.Retry.OUTCOME_OPEN);
    }

    /** The classified failure for a body that could not be read. */
    AttemptFailure malformed(Operation operation, String what) {
        return malformed(operation, what, null);
    }

    AttemptFailure malformed(Operation operation, String what, Throwable cause) {
        BabyshopException exception = new MalformedResponseException(operation, null,
                "unreadable answer: " + redactor.redact(what), cause);
        return new AttemptFailure(exception, AttemptFailure.Retry.OUTCOME_OPEN);
    }

    /**
     * The {@code responseCode} as an exact int. A JSON integer or a string of at most 10 digits (optional
     * sign, surrounding blanks ignored) whose value fits an int; anything else (a fraction, an exponent,
     * {@code 4294967296}, text) is malformed, never truncated: a wide code must not read as 0 (success).
     */
    int parseCode(Operation operation, JsonNode codeNode) throws AttemptFailure {
        if (codeNode.isIntegralNumber()) {
            if (codeNode.canConvertToInt()) {
                return codeNode.intValue();
            }
            throw malformed(operation, "responseCode is out of range: " + abbreviate(codeNode.asText()));
        }
        String text = codeNode.isTextual() ? codeNode.textValue().strip() : "";
        if (CODE_TEXT.matcher(text).matches()) {
            long value = Long.parseLong(text);
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        throw malformed(operation, "responseCode is not an integer code: " + abbreviate(codeNode.isTextual()
                || codeNode.isNumber() ? codeNode.asText() : codeNode.getNodeType().toString()));
    }

    private String message(JsonNode envelope) {
        JsonNode message = envelope.get("responseMessage");
        if (message == null || message.isNull()) {
            return null;
        }
        String text = message.isValueNode() ? message.asText() : message.getNodeType().toString();
        if (text.length() > MAX_SERVER_MESSAGE) {
            text = text.substring(0, MAX_SERVER_MESSAGE) + "...";
        }
        return LogText.escape(redactor.redact(text));
    }

    private static String describe(ResponseCode code) {
        return code.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.length() > 4096 ? text.substring(0, 4096) : text;
        flat = flat.replaceAll("\\s+", " ").trim();
        return LogText.escape(flat.length() <= 200 ? flat : flat.substring(0, 200) + "...");
    }
}
