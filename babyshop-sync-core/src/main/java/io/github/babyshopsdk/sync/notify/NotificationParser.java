package io.github.babyshopsdk.sync.notify;

import io.github.babyshopsdk.sync.notify.OrderFields.Kind;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the order numbers out of an order notification's body (Vinculum's "Seller Order Notification" webhooks),
 * trusting nothing else in it. Vinculum does not publish the payload format, so the parser reads any shape and takes
 * only what can name an order; the receiver hands the numbers to the engine as hints, and the state of each order
 * always comes from orderFetch, never from the body (a status in the body is ignored).
 *
 * <h2>Safe reading</h2>
 * <ul>
 *   <li><b>Size.</b> At most {@code maxBodyBytes} + 1 bytes are read from the stream, never more; a longer body is
 *       refused ({@link NotificationRejectedException.Reason#TOO_LARGE}). Everything after that costs O(body) time and
 *       memory: one strict UTF-8 decode, one pass over the text, no tree, no recursion per nesting level.</li>
 *   <li><b>Text.</b> The body must be UTF-8 (a leading byte order mark is skipped; a declared charset is ignored) with
 *       no control character other than tab, CR and LF; otherwise it is
 *       {@link NotificationRejectedException.Reason#UNREADABLE}.</li>
 *   <li><b>Format.</b> The body decides, not the {@code Content-Type} (a sender's header is as untrusted as its body):
 *       a body whose first non-blank character is {@code {} or {@code [} is JSON (any shape, one document, nothing
 *       after it, nested at most {@code maxDepth} deep; Jackson's streaming parser with limits on nesting, document
 *       length, token count, string, name and number length); anything else is read as an
 *       {@code application/x-www-form-urlencoded} form ({@code name=value} pairs, strict {@code %XX} escapes, UTF-8),
 *       in which a {@code RequestBody} field (Vinculum's own style) holds a JSON document. A body that is neither, or
 *       malformed, is UNREADABLE. A blank body is readable and names no order.</li>
 *   <li><b>Fields.</b> Order numbers are taken from the fields {@code orderNo}, {@code orderNumber},
 *       {@code masterOrderNo}, {@code masterOrderNumber} and their plurals ({@code orderNos}...), compared ignoring
 *       case, {@code _} and {@code -} ({@code order_no}, {@code ORDER-NO}, {@code master_order_no}), in any object at
 *       any depth ({@code {"orders":[{"orderNo":"A"}]}}, {@code {"data":{"orderList":[...]}}}). Both the order and the
 *       master order number are taken because SellerPanel's reference does not say which of them orderFetch takes
 *       (its Q42): the fetch decides, and the engine drops a hinted number orderFetch does not know. A value may be a
 *       string, a JSON number (kept as its plain decimal text: {@code 100000019}, {@code 1.0E8} is
 *       {@code 100000000}), an array of those, or a string holding a JSON array of those. Every other field and value
 *       is ignored. {@code null} and {@code ""} mean "no value"; other values that are not a valid
 *       {@link io.github.babyshopsdk.sync.RemoteKey} (too long, control characters, a fraction, a boolean) are
 *       counted in {@link ParsedNotification#invalidValues()} and dropped.</li>
 *   <li><b>Count.</b> The numbers are de-duplicated in first-found order; the body is refused
 *       ({@link NotificationRejectedException.Reason#TOO_MANY_ORDER_NUMBERS}) as soon as it names one more than
 *       {@code maxOrderNumbers} distinct numbers, without reading on.</li>
 *   <li><b>Messages.</b> A refusal's message says why in words (and, for malformed JSON, where: line and column); it
 *       never holds the body or a value from it, and carries no cause that could.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: one parser may serve every request of a receiver.
 */
public final class NotificationParser {
    /** The default largest body read: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The default largest count of order numbers in one notification: 500. */
    public static final int DEFAULT_MAX_ORDER_NUMBERS = 500;
    /** The default deepest nesting of JSON arrays and objects: 16. */
    public static final int DEFAULT_MAX_DEPTH = 16;
    /** The hard ceiling of {@link Builder#maxBodyBytes}: 16 MiB. */
    public static final int MAX_BODY_BYTES_CEILING = 16 * 1024 * 1024;
    /** The hard ceiling of {@link Builder#maxOrderNumbers}: 10,000 (the engine's default pending-hint bound). */
    public static final int MAX_ORDER_NUMBERS_CEILING = 10_000;
    /** The hard ceiling of {@link Builder#maxDepth}: 64. */
    public static final int MAX_DEPTH_CEILING = 64;

    private final int maxBodyBytes;
    private final int maxOrderNumbers;
    private final int maxDepth;
    private final JsonOrderScanner json;
    private final FormOrderScanner form;

    private NotificationParser(Builder builder) {
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxOrderNumbers = builder.maxOrderNumbers;
        this.maxDepth = builder.maxDepth;
        this.json = new JsonOrderScanner(maxBodyBytes, maxDepth);
        this.form = new FormOrderScanner(json);
    }

    /** A parser with the default limits. */
    public static NotificationParser standard() {
        return builder().build();
    }

    /** A builder, with the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest body this parser reads, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The most distinct order numbers this parser accepts in one body. */
    public int maxOrderNumbers() {
        return maxOrderNumbers;
    }

    /** The deepest nesting of JSON arrays and objects this parser accepts. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Reads at most {@link Builder#maxBodyBytes} (+1, to tell a body that is too large) of {@code body} and returns
     * the order numbers it carries (see the class comment for the rules). Does not close {@code body}, and leaves
     * whatever lies beyond the limit unread.
     *
     * @param contentType the request's {@code Content-Type} header, if any; informative only: the body is sniffed in
     *     every case, so a missing, unknown or lying type changes nothing
     * @throws NotificationRejectedException when the body is too large, carries too many order numbers, or cannot be
     *     read at all
     * @throws java.io.UncheckedIOException when reading {@code body} fails
     * @throws NullPointerException when an argument is null
     */
    public ParsedNotification parse(InputStream body, Optional<String> contentType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        return parseBytes(BoundedBody.read(body, maxBodyBytes));
    }

    /**
     * As {@link #parse(InputStream, Optional)}, for a body already in memory (refused as TOO_LARGE, without looking at
     * it, when longer than {@code maxBodyBytes}). Does not modify {@code body}.
     *
     * @throws NotificationRejectedException when the body is too large, carries too many order numbers, or cannot be
     *     read at all
     * @throws NullPointerException when an argument is null
     */
    public ParsedNotification parse(byte[] body, Optional<String> contentType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        if (body.length > maxBodyBytes) {
            throw Rejections.tooLarge(maxBodyBytes);
        }
        return parseBytes(body);
    }

    private ParsedNotification parseBytes(byte[] body) {
        String text = text(body);
        OrderNumberCollector out = new OrderNumberCollector(maxOrderNumbers);
        int first = 0;
        int last = text.length() - 1;
        while (first <= last && isBlank(text.charAt(first))) {
            first++;
        }
        while (last >= first && isBlank(text.charAt(last))) {
            last--;
        }
        if (first > last) {
            return out.result();
        }
        char c = text.charAt(first);
        if (c == '{' || c == '[') {
            json.scan(text, Kind.OTHER, out, 0);
        } else {
            form.scan(text.substring(first, last + 1), out);
        }
        return out.result();
    }

    /** The body as text: strict UTF-8, a leading BOM skipped, no control character but tab, CR and LF. */
    private static String text(byte[] body) {
        int offset = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, offset, body.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw Rejections.unreadable("not UTF-8 text");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw Rejections.unreadable("a control character in the body (binary data?)");
            }
        }
        return text;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Limits of a {@link NotificationParser}. Not thread-safe. */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxOrderNumbers = DEFAULT_MAX_ORDER_NUMBERS;
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
        }

        /**
         * The largest body read, in bytes (default {@value #DEFAULT_MAX_BODY_BYTES}, at most
         * {@value #MAX_BODY_BYTES_CEILING}); checked by {@link #build()}.
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * The most distinct order numbers one notification may carry (default {@value #DEFAULT_MAX_ORDER_NUMBERS}, at
         * most {@value #MAX_ORDER_NUMBERS_CEILING}); checked by {@link #build()}.
         */
        public Builder maxOrderNumbers(int maxOrderNumbers) {
            this.maxOrderNumbers = maxOrderNumbers;
            return this;
        }

        /**
         * The deepest nesting of JSON arrays and objects (default {@value #DEFAULT_MAX_DEPTH}, at most
         * {@value #MAX_DEPTH_CEILING}); a JSON document held in a string ({@code RequestBody}) has the same limit of
         * its own. Checked by {@link #build()}.
         */
        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        /**
         * The parser.
         *
         * @throws IllegalArgumentException when a limit is not positive (or above its hard ceiling)
         */
        public NotificationParser build() {
            check("maxBodyBytes", maxBodyBytes, MAX_BODY_BYTES_CEILING);
            check("maxOrderNumbers", maxOrderNumbers, MAX_ORDER_NUMBERS_CEILING);
            check("maxDepth", maxDepth, MAX_DEPTH_CEILING);
            return new NotificationParser(this);
        }

        private static void check(String name, int value, int ceiling) {
            if (value < 1 || value > ceiling) {
                throw new IllegalArgumentException(name + " must be between 1 and " + ceiling + ", was " + value);
            }
        }
    }
}
