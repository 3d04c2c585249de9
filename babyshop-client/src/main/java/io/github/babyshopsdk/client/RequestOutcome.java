package io.github.babyshopsdk.client;

/**
 * How one HTTP request of a {@link BabyshopClient} ended, as {@link ClientMetrics#requestOutcomes()} counts it:
 * every request (the {@code authToken} call, each retry and the re-sent request after re-authentication
 * included) ends with exactly one outcome, whatever the client then does about it (retry, re-authenticate, give
 * up). A success that carries per-record failures (e.g. SKUs refused by {@code inventoryPriceUpdate}) is a
 * {@link #SUCCESS}: the request itself was answered.
 */
public enum RequestOutcome {
    /** Answered with success ({@code responseCode} 0). */
    SUCCESS,
    /**
     * Refused by the API for this request: an invalid request, something not found, another documented or
     * undocumented failure code, an unexpected redirect.
     */
    API_ERROR,
    /** The credentials or the API key were refused (e.g. code 2000, which the client answers by re-authenticating). */
    AUTH_ERROR,
    /** Babyshop answered that the call quota is exceeded (code 13, or HTTP 429). */
    QUOTA_EXCEEDED,
    /**
     * No usable answer: an I/O failure or timeout, a server error, a body that cannot be read, or the calling
     * thread was interrupted while the request was in flight.
     */
    TRANSIENT_ERROR
}
