package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.model.Document;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Reads the answer of {@code fetchDocuments}, which is a file on success but the JSON envelope on
 * failure (Q52): a body that starts with <code>{</code> or <code>[</code> is read as the envelope, whatever
 * its declared content type; anything else is the document. A 404 is "not found" whether it comes as HTTP status or as code 404.
 */
final class DocumentReader {
    /** Documents larger than this are refused rather than held in memory. */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
    private static final Pattern EXTENDED_FILE_NAME = Pattern.compile(
            "filename\\*\\s*=\\s*([^']*)'[^']*'([^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?",
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
            if (looksLikeJson(bytes)) {
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

    /**
     * Whether the body is the JSON envelope rather than a file: decided by its first non-blank byte
     * (<code>{</code> or <code>[</code>), not by the declared content type, because the operation declares
     * {@code application/json} for its files too (Q52).
     */
    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /**
     * The file name of a {@code Content-Disposition}: the RFC 5987 {@code filename*=charset'lang'value}
     * form (percent-decoded in its charset) wins over the plain {@code filename="..."}.
     */
    static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher extended = EXTENDED_FILE_NAME.matcher(disposition);
        if (extended.find()) {
            try {
                Charset charset = extended.group(1).isBlank() ? StandardCharsets.UTF_8
                        : Charset.forName(extended.group(1).trim());
                return URLDecoder.decode(extended.group(2).replace("+", "%2B"), charset).trim();
            } catch (IllegalArgumentException e) {
                // an unknown charset or bad escape: fall back to the plain form
            }
        }
        Matcher plain = FILE_NAME.matcher(disposition);
        return plain.find() ? plain.group(1).trim() : null;
    }
}
