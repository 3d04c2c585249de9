package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;
import java.time.Duration;

/**
 * The call budget is used up: either the local budget refused a request's permit and the client's
 * {@link io.github.babyshopsdk.client.quota.QuotaWaiter} gave up (nothing was sent; {@link #code()} is
 * empty), or the server answered code 13 ({@code API Hit Quota Exceeded}) and the client's retries or its
 * waiter gave up ({@link #code()} is 13).
 *
 * <p>Carries the typed rate-limit facts a scheduler needs: {@link #retryAfter()} and {@link #remaining()}.
 */
public class QuotaExceededException extends BabyshopException {
    private static final long serialVersionUID = 1L;

    /** How long until the quota window frees a call. */
    private final Duration retryAfter;
    /** Calls left in the window when the call was refused. */
    private final int remaining;

    /**
     * Creates the exception.
     *
     * @param code 13 when the server said so, null when the local budget refused the call
     * @param retryAfter how long until the budget frees a call
     * @param remaining calls left in the current window to the refused request's tier (normally 0)
     */
    public QuotaExceededException(Operation operation, Integer code, String serverMessage, String message,
                                  Duration retryAfter, int remaining) {
        super(operation, code, serverMessage, message, null);
        this.retryAfter = retryAfter;
        this.remaining = remaining;
    }

    /** How long until the budget frees a call. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * Calls the refused request's tier had left in the current window when it was refused
     * ({@link io.github.babyshopsdk.client.quota.QuotaSnapshot#remainingFor}); normally 0.
     */
    public int remaining() {
        return remaining;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
