package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;

/**
 * The calling thread was interrupted while the client waited for quota, backed off or talked to the
 * server. The client stops at once and re-asserts the thread's interrupt flag before throwing this.
 *
 * <p>For a write, the request may already have been sent: treat its outcome as unknown.
 */
public class OperationInterruptedException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public OperationInterruptedException(Operation operation, Throwable cause) {
        super(operation, null, null, "interrupted", cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
