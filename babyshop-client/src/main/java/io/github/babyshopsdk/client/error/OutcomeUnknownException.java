package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * A write that cannot be safely repeated ({@code generateInvoice}, {@code orderShipping},
 * {@code orderCancellation}) failed after the request may have reached the server: a timeout after
 * sending, a dropped connection, an HTTP error from a proxy, an unreadable answer, or codes 9/309.
 *
 * <p>The API has no idempotency key, so the client never repeats such a write by itself. The caller must
 * read the state back ({@code orderFetch}, {@code fetchInvoice}) to learn whether the write took effect
 * before deciding to send it again.
 */
public class OutcomeUnknownException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code cause} is the underlying failure. */
    public OutcomeUnknownException(Operation operation, Integer code, String serverMessage, String message,
                                   Throwable cause) {
        super(operation, code, serverMessage, message, cause);
    }

    /** False: the write must be read back, not repeated. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
