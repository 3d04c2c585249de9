package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * A referenced order, line, SKU or document does not exist (codes 101, 304, 404).
 */
public class NotFoundException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a failure code the server sent. */
    public NotFoundException(Operation operation, Integer code, String serverMessage, String message) {
        super(operation, code, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
