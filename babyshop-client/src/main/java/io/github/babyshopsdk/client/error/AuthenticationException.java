package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * The credential was refused (codes 11, 14, 15, 2001, 2002, or 2000 again right after a fresh token): someone must fix configuration; retrying will not help.
 */
public class AuthenticationException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a failure code the server sent. */
    public AuthenticationException(Operation operation, Integer code, String serverMessage, String message) {
        super(operation, code, serverMessage, message, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
