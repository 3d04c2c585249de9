package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Response;

/**
 * Reads the answer of {@code fetchDocuments}, which is a file on success but the JSON envelope on
 * failure (Q52). The safe reading, decided by the bytes and never by the declared content type:
 * <ol>
 *   <li>the body is read while streaming, and refused as soon as it passes {@link #MAX_DOCUMENT_BYTES};
 *   <li>a body whose first byte after an optional UTF-8 byte order mark and blanks is <code>{</code> or
 *       <code>[</code> is the JSON envelope, read for its code (a success code without a file is malformed);
 *   <li>otherwise the body must be a PDF (it starts with {@code %PDF-}): shipping labels and invoices are
 *       PDF files, so anything else (an HTML page from a proxy, text, an empty body) is a
 *       {@link io.github.babyshopsdk.client.error.MalformedResponseException} and is never handed out as
 *       a document.
 * </ol>
 * A 404 is "not found" whether it comes as HTTP status or as code 404.
 */
final class DocumentReader {
    /** Documents larger than this are refused rather than held in memory (64 MiB). */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
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

    Document read(Response<ResponseBody> response, DocumentType type) throws AttemptFailure {
        if (!response.isSuccessful()) {
            try (ResponseBody error = response.errorBody()) {
                throw classifier.httpFailure(Operation.FETCH_DOCUMENTS, response, null);
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
            MediaType mediaType = body.contentType();
            String contentType = mediaType == null ? "application/octet-stream" : mediaType.toString();
            int start = contentStart(bytes);
            if (start < bytes.length && (bytes[start] == '{' || bytes[start] == '[')) {
                JsonNode envelope = parse(bytes, start);
                classifier.successEnvelope(Operation.FETCH_DOCUMENTS, envelope);
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "code 0 but no document in the answer");
            }
            if (bytes.length == 0) {
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the document is empty");
            }
            if (!startsWithPdfMagic(bytes)) {
                throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the " + type.wireValue()
                        + " answer is neither the JSON envelope nor a PDF file (declared "
                        + ResponseClassifier.abbreviate(contentType) + ")");
            }
            return Document.of(bytes, contentType, fileName(response.headers().get("Content-Disposition")));
        }
    }

    private byte[] readBytes(ResponseBody body) throws AttemptFailure {
        try {
            BufferedSource source = body.source();
            Buffer buffer = new Buffer();
            while (source.read(buffer, 64 * 1024) != -1) {
                if (buffer.size() > MAX_DOCUMENT_BYTES) {
                    buffer.clear();
                    throw classifier.malformed(Operation.FETCH_DOCUMENTS, "the document is larger than "
                            + MAX_DOCUMENT_BYTES + " bytes");
                }
            }
            return buffer.readByteArray();
        } catch (ResponseTooLargeException e) {
            throw classifier.malformed(Operation.FETCH_DOCUMENTS, e.getMessage());
        } catch (IOException e) {
            throw new AttemptFailure(new io.github.babyshopsdk.client.error.TransientException(
                    Operation.FETCH_DOCUMENTS, null, null, null,
                    "I/O failure while reading the document: " + e.getClass().getSimpleName(), null),
                    AttemptFailure.Retry.OUTCOME_OPEN);
        }
    }

    private JsonNode parse(byte[] bytes, int start) throws AttemptFailure {
        try {
            return mapper.readTree(bytes, start, bytes.length - start);
        } catch (IOException | RuntimeException e) {
            throw classifier.malformed(Operation.FETCH_DOCUMENTS, "a JSON answer that does not parse");
        }
    }

    /** The index of the first byte after an optional UTF-8 byte order mark and ASCII blanks. */
    private static int contentStart(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean startsWithPdfMagic(byte[] bytes) {
        if (bytes.length < PDF_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PDF_MAGIC.length; i++) {
            if (bytes[i] != PDF_MAGIC[i]) {
                return false;
            }
        }
        return true;
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
