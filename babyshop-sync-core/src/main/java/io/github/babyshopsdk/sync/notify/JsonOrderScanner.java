package io.github.babyshopsdk.sync.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.babyshopsdk.sync.notify.NotificationRejectedException.Reason;
import io.github.babyshopsdk.sync.notify.OrderFields.Kind;
import java.io.IOException;

/**
 * Finds the order numbers in a JSON document with Jackson's streaming parser: one pass over the tokens, no tree, an
 * explicit stack of at most {@code maxDepth} entries (never the Java stack per nesting level), and Jackson's
 * {@link StreamReadConstraints} on nesting depth, document length, token count, string, name and number length, so a
 * document costs O(its length) in time and memory.
 *
 * <p>What counts: a string or number (or an array of them, at any depth of arrays) under an order-number field
 * ({@link OrderFields}) of any object at any depth; nothing else. A string under {@code RequestBody} is itself a JSON
 * document and is read (strictly) when at most {@value #MAX_EMBEDDING} documents are already open; a string under an
 * order-number field that starts with {@code [} is read as a JSON array of order numbers when it is one, and as a plain
 * value when it is not. Immutable and thread-safe (Jackson's factory is).
 */
final class JsonOrderScanner {
    /** How many JSON documents may nest inside strings (form {@code RequestBody} -> JSON -> {@code RequestBody}). */
    static final int MAX_EMBEDDING = 2;
    /** Longest JSON number read, in characters (Jackson's default): longer ones make the body unreadable. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private final JsonFactory factory;
    private final int maxDepth;

    JsonOrderScanner(int maxBodyBytes, int maxDepth) {
        this.maxDepth = maxDepth;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxDocumentLength(maxBodyBytes)
                .maxTokenCount(maxBodyBytes)
                .maxStringLength(maxBodyBytes)
                .maxNameLength(maxBodyBytes)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
        this.factory = new JsonFactoryBuilder()
                .streamReadConstraints(constraints)
                // names are not interned in a table shared across requests: one body cannot slow the next
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                // error locations never carry a piece of the body
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * Scans {@code json} (one document, nothing after it) into {@code out}.
     *
     * @param rootKind what the root value is: {@link Kind#ORDER_NUMBER} for an embedded array of order numbers,
     *     {@link Kind#OTHER} otherwise
     * @param embedding how many documents enclose this one (0 for the body itself)
     * @throws NotificationRejectedException UNREADABLE when the document is malformed or breaks a limit;
     *     TOO_MANY_ORDER_NUMBERS from {@code out}
     */
    void scan(String json, Kind rootKind, OrderNumberCollector out, int embedding) {
        try (JsonParser parser = factory.createParser(json)) {
            walk(parser, rootKind, out, embedding);
        } catch (StreamConstraintsException e) {
            throw Rejections.unreadable(limitBroken(e));
        } catch (JsonProcessingException e) {
            throw Rejections.unreadable("malformed JSON" + where(e.getLocation()));
        } catch (IOException e) {
            throw Rejections.unreadable("malformed JSON");
        }
    }

    private void walk(JsonParser parser, Kind rootKind, OrderNumberCollector out, int embedding) throws IOException {
        // per open container (index = depth): an array whose scalars are order numbers?
        boolean[] isArray = new boolean[maxDepth + 2];
        boolean[] ofOrderNumbers = new boolean[maxDepth + 2];
        int depth = 0;
        Kind fieldKind = Kind.OTHER;
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw Rejections.unreadable("no JSON value");
        }
        do {
            Kind slot = depth == 0 ? rootKind
                    : isArray[depth] ? (ofOrderNumbers[depth] ? Kind.ORDER_NUMBER : Kind.OTHER)
                    : fieldKind;
            switch (token) {
                case FIELD_NAME -> fieldKind = OrderFields.kind(parser.currentName());
                case START_OBJECT, START_ARRAY -> {
                    depth++;
                    if (depth >= isArray.length) { // Jackson's nesting limit comes first; never trusted alone
                        throw Rejections.unreadable("nested deeper than " + maxDepth + " levels");
                    }
                    isArray[depth] = token == JsonToken.START_ARRAY;
                    ofOrderNumbers[depth] = isArray[depth] && slot == Kind.ORDER_NUMBER;
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> string(parser.getText(), slot, out, embedding);
                case VALUE_NUMBER_INT -> {
                    if (slot == Kind.ORDER_NUMBER) {
                        out.integer(parser.getText());
                    }
                }
                case VALUE_NUMBER_FLOAT -> {
                    if (slot == Kind.ORDER_NUMBER) {
                        out.decimal(parser.getText());
                    }
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    if (slot == Kind.ORDER_NUMBER) {
                        out.invalid();
                    }
                }
                case VALUE_NULL -> {
                    // no value
                }
                default -> throw Rejections.unreadable("unexpected JSON content");
            }
            token = depth == 0 ? null : parser.nextToken();
        } while (token != null);
        if (depth != 0) {
            throw Rejections.unreadable("truncated JSON");
        }
        if (parser.nextToken() != null) {
            throw Rejections.unreadable("content after the JSON document");
        }
    }

    private void string(String value, Kind slot, OrderNumberCollector out, int embedding) {
        if (slot == Kind.EMBEDDED_JSON) {
            if (embedding < MAX_EMBEDDING && !value.isBlank()) {
                scan(value, Kind.OTHER, out, embedding + 1);
            }
        } else if (slot == Kind.ORDER_NUMBER) {
            orderNumberText(value, out, embedding);
        }
    }

    /**
     * A text value of an order-number field: a JSON array of order numbers when it reads as one (within the
     * embedding limit), otherwise the order number itself.
     */
    void orderNumberText(String value, OrderNumberCollector out, int embedding) {
        if (embedding < MAX_EMBEDDING && startsWithBracket(value)) {
            long mark = out.mark();
            try {
                scan(value, Kind.ORDER_NUMBER, out, embedding + 1);
                return;
            } catch (NotificationRejectedException e) {
                if (e.reason() != Reason.UNREADABLE) {
                    throw e;
                }
                out.rollBack(mark);
            }
        }
        out.text(value);
    }

    private static boolean startsWithBracket(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c == '[';
            }
        }
        return false;
    }

    private String limitBroken(StreamConstraintsException e) {
        String text = String.valueOf(e.getOriginalMessage());
        // Jackson's messages name the limit, never the input; they are still not passed on verbatim
        if (text.contains("nesting depth")) {
            return "JSON nested deeper than " + maxDepth + " levels";
        }
        if (text.startsWith("Number value length")) {
            return "a JSON number longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        return "the JSON breaks a reading limit (length of a string, name or the document, or its token count)";
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
