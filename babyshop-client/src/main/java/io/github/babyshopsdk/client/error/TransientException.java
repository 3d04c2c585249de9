package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;
import java.util.OptionalInt;

/**
 * A failure that may pass by itself: codes 9 and 309, an HTTP status other than 200, an I/O error, or a
 * body that is not the expected JSON. Reads and idempotent writes reach the caller with this only after
 * the retry budget is spent.
 */
public class TransientException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer, if one arrived. */
    private final Integer httpStatus;

    /**
     * Creates the exception.
     *
     * @param code the SellerPanel response code, or null when the failure has none
     * @param httpStatus the HTTP status when it was not 200, or null
     */
    public TransientException(Operation operation, Integer code, Integer httpStatus, String serverMessage,
                              String message, Throwable cause) {
        super(operation, code, serverMessage, message, cause);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status when the server answered with one other than 200. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
