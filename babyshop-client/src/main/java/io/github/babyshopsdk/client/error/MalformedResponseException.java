package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * The server answered, but the body could not be read: truncated or invalid JSON, an HTML error page, a
 * JSON value of the wrong shape. Treated as transient (a proxy or a cut-off transfer may cause it), so
 * reads are retried before this reaches the caller.
 */
public class MalformedResponseException extends TransientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code message} says what was wrong without quoting secrets. */
    public MalformedResponseException(Operation operation, Integer httpStatus, String message, Throwable cause) {
        super(operation, null, httpStatus, null, message, cause);
    }
}
