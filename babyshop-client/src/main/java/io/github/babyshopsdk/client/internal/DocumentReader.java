package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.model.Document;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Reads the answer of {@code fetchDocuments}, which is a file on success but the JSON envelope on
 * failure (Q52): a JSON content type, or a body that starts with <code>{</code>, is read as the envelope;
 * anything else is the document. A 404 is "not found" whether it comes as HTTP status or as code 404.
 */
final class DocumentReader {
    /** Documents larger than this are refused rather than held in memory. */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    private final ObjectMapper mapper;
    private final ResponseClassifier classifier;

    DocumentReader(ObjectMapper mapper, ResponseClassifier classifier) {
        this.mapper = mapper;
        this.classifier = classifier;
    }

    Document read(Response<ResponseBody> response) throws AttemptFailure {
        if (!response.isSuccessful()) {
            try (ResponseBody error = response.errorBody()) {
                throw classifier.httpFailure(Operation.FETCH_DOCUMENTS, response.code(), null);
            }
        }
        try (ResponseBody body = response.body()) {
            if (body == null) {
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the answer has no body");
            }
            long declared = body.contentLength();
            if (declared > MAX_DOCUMENT_BYTES) {
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the document is larger than "
                        + MAX_DOCUMENT_BYTES + " bytes");
            }
            byte[] bytes = readBytes(body);
            MediaType type = body.contentType();
            String contentType = type == null ? "application/octet-stream" : type.toString();
            if (looksLikeJson(contentType, bytes)) {
                JsonNode envelope = parse(bytes);
                classifier.successEnvelope(Operation.FETCH_DOCUMENTS, envelope);
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "code 0 but no document in the answer");
            }
            if (bytes.length == 0) {
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the document is empty");
            }
            return Document.of(bytes, contentType, fileName(response.headers().get("Content-Disposition")));
        }
    }

    private byte[] readBytes(ResponseBody body) throws AttemptFailure {
        try {
            byte[] bytes = body.bytes();
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the document is larger than "
                        + MAX_DOCUMENT_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new AttemptFailure(new io.github.babyshopsdk.client.error.TransientException(
                    Operation.FETCH_DOCUMENTS, null, null, null,
                    "I/O failure while reading the document: " + e.getClass().getSimpleName(), null),
                    AttemptFailure.Retry.OUTCOME_OPEN);
        }
    }

    private JsonNode parse(byte[] bytes) throws AttemptFailure {
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            throw classifier.malformed(Operation.FETCH_DOCUMENTS, "a JSON answer that does not parse");
        }
    }

    private static boolean looksLikeJson(String contentType, byte[] bytes) {
        if (contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return true;
        }
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher matcher = FILE_NAME.matcher(disposition);
        return matcher.find() ? matcher.group(1).trim() : null;
    }
}
