package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.error.BabyshopException;

/**
 * One failed attempt, as the response handlers classify it: the exception the caller would get, and what
 * the retry loop may do about it. Internal control flow only; never reaches the caller.
 */
final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the retry loop may do after this attempt. */
    enum Retry {
        /** Final: throw {@link #exception()}. */
        NEVER,
        /** The API key was rejected (2000): re-authenticate once, then repeat. */
        REAUTHENTICATE,
        /** The server's quota answer (13): back off, then repeat. */
        QUOTA,
        /** The request provably had no effect (never sent): repeat with backoff. */
        NOT_APPLIED,
        /** The request may have had an effect: repeat only operations that are safe to repeat. */
        OUTCOME_OPEN
    }

    private final transient BabyshopException exception;
    private final Retry retry;

    AttemptFailure(BabyshopException exception, Retry retry) {
        super(exception.getMessage(), null, false, false);
        this.exception = exception;
        this.retry = retry;
    }

    BabyshopException exception() {
        return exception;
    }

    Retry retry() {
        return retry;
    }
}
