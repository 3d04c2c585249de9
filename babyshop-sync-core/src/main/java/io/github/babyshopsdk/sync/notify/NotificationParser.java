package io.github.babyshopsdk.sync.notify;

import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the order numbers out of an order notification's body, trusting nothing else in it. STUB(issue 13): the
 * parser helper writes the implementation; the signatures are the contract.
 *
 * <p>Immutable and thread-safe.
 */
public final class NotificationParser {
    /** The default largest body read: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The default largest count of order numbers in one notification: 500. */
    public static final int DEFAULT_MAX_ORDER_NUMBERS = 500;
    /** The default deepest nesting of JSON arrays and objects: 16. */
    public static final int DEFAULT_MAX_DEPTH = 16;

    private final int maxBodyBytes;
    private final int maxOrderNumbers;
    private final int maxDepth;

    private NotificationParser(Builder builder) {
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxOrderNumbers = builder.maxOrderNumbers;
        this.maxDepth = builder.maxDepth;
    }

    /** A parser with the default limits. */
    public static NotificationParser standard() {
        return builder().build();
    }

    /** A builder, with the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads at most {@link Builder#maxBodyBytes} (+1, to tell a body that is too large) of {@code body} and returns
     * the order numbers it carries. Does not close {@code body}.
     *
     * @param contentType the request's {@code Content-Type} header, if any (JSON, form, or anything: the body is
     *     sniffed when the type is missing or unknown)
     * @throws NotificationRejectedException when the body is too large, carries too many order numbers, or cannot be
     *     read at all
     * @throws java.io.UncheckedIOException when reading {@code body} fails
     */
    public ParsedNotification parse(InputStream body, Optional<String> contentType) {
        throw new UnsupportedOperationException("STUB(issue 13)");
    }

    /** As {@link #parse(InputStream, Optional)}, for a body already in memory. */
    public ParsedNotification parse(byte[] body, Optional<String> contentType) {
        throw new UnsupportedOperationException("STUB(issue 13)");
    }

    /** Limits of a {@link NotificationParser}. Not thread-safe. */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxOrderNumbers = DEFAULT_MAX_ORDER_NUMBERS;
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
        }

        /** The largest body read, in bytes (default {@value #DEFAULT_MAX_BODY_BYTES}). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** The most distinct order numbers one notification may carry (default {@value #DEFAULT_MAX_ORDER_NUMBERS}). */
        public Builder maxOrderNumbers(int maxOrderNumbers) {
            this.maxOrderNumbers = maxOrderNumbers;
            return this;
        }

        /** The deepest nesting of JSON arrays and objects (default {@value #DEFAULT_MAX_DEPTH}). */
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
            return new NotificationParser(this);
        }
    }
}
