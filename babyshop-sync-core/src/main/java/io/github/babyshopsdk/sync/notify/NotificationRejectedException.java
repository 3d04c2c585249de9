package io.github.babyshopsdk.sync.notify;

import java.util.Objects;

/**
 * A notification body the parser refused. Its message says why in words and never repeats the body or a value from it;
 * it carries no cause (a parser's own message could quote the input).
 */
public final class NotificationRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a body was refused. */
    public enum Reason {
        /** Longer than the parser's {@code maxBodyBytes} (a receiver answers 413). */
        TOO_LARGE,
        /** More distinct order numbers than the parser's {@code maxOrderNumbers} (a receiver answers 413). */
        TOO_MANY_ORDER_NUMBERS,
        /** Not JSON or a form, malformed, nested deeper than {@code maxDepth}, or not text (a receiver answers 400). */
        UNREADABLE
    }

    /** Why the body was refused (serialized). */
    private final Reason reason;

    /**
     * A refusal for {@code reason}.
     *
     * @param message why, in words; must not contain the body
     */
    public NotificationRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the body was refused. */
    public Reason reason() {
        return reason;
    }
}
