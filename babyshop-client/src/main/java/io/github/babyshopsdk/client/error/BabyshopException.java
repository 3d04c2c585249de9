package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every failure the client reports. Unchecked; each subclass is one kind of failure, so callers
 * catch what they can act on.
 *
 * <p>Carries the {@linkplain #operation() operation}, the SellerPanel {@linkplain #code() response code}
 * when the server sent one, and the server's message. Messages never contain the password or the API key.
 */
public abstract class BabyshopException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Operation operation;
    /** The server's response code, if the answer carried one. */
    private final Integer code;
    /** The server's {@code responseMessage}, cut and escaped, or {@code null}. */
    private final String serverMessage;

    /**
     * For subclasses.
     *
     * @param operation the operation that failed
     * @param code the server's response code, or {@code null}
     * @param serverMessage the server's message (cut and escaped), or {@code null}
     * @param message this exception's message (never holding a secret)
     * @param cause the cause, or {@code null}
     */
    protected BabyshopException(Operation operation, Integer code, String serverMessage, String message,
                                Throwable cause) {
        super(describe(operation, code, message), cause);
        this.operation = operation;
        this.code = code;
        this.serverMessage = serverMessage;
    }

    private static String describe(Operation operation, Integer code, String message) {
        StringBuilder text = new StringBuilder();
        if (operation != null) {
            text.append(operation.path()).append(": ");
        }
        text.append(message);
        if (code != null) {
            text.append(" (responseCode ").append(code).append(')');
        }
        return text.toString();
    }

    /** The operation that failed, or empty for a failure outside any call. */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /** The {@code responseCode} the server sent, or empty when the failure has none (I/O, HTTP status). */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** The documented meaning of {@link #code()}, or empty for no code or an undocumented one. */
    public Optional<ResponseCode> responseCode() {
        return code == null ? Optional.empty() : ResponseCode.of(code);
    }

    /**
     * The server's {@code responseMessage} as sent (cut to 1,000 characters, control characters escaped so
     * it is safe in a log line), or empty. Never branch on it: it has typos and may change.
     */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /** Whether repeating the same call later may succeed without anyone changing anything. */
    public abstract boolean isRetryable();
}
