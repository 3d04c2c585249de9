package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * The server rejected the request as malformed or incomplete (codes 5, 102, 103, 804, 913, 10042, 10043): a bug or bad input on the caller's side; never retried.
 */
public class InvalidRequestException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a failure code the server sent. */
    public InvalidRequestException(Operation operation, Integer code, String serverMessage, String message) {
        super(operation, code, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
