package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * The server refused the request for a business or configuration reason (codes 310, 324, 1012, 8060) or answered with a code the reference does not document.
 */
public class ApiException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a failure code the server sent. */
    public ApiException(Operation operation, Integer code, String serverMessage, String message) {
        super(operation, code, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
