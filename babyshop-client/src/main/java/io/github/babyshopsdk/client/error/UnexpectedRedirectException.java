package io.github.babyshopsdk.client.error;

import io.github.babyshopsdk.client.Operation;
import java.util.Optional;

/**
 * The server answered with a redirect (HTTP 3xx). SellerPanel has no reason to redirect, and following
 * one would send the {@code ApiKey} header (and for {@code authToken} the password) to whatever host it
 * names, and repeat a write; so the client never follows a redirect: exactly one request reached the
 * server, none reached the target. Not retryable: the base URL or a proxy needs fixing.
 *
 * <p>Carries the HTTP status and the host the {@code Location} header named (never its user-info, path or
 * query). Whether a write took effect is not known for certain, but a server that redirects has normally
 * not processed the request.
 */
public class UnexpectedRedirectException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** The redirect's HTTP status (3xx). */
    private final int httpStatus;
    /** The host the redirect pointed to, or {@code null} without a usable {@code Location}. */
    private final String locationHost;

    /**
     * Creates the exception.
     *
     * @param httpStatus the 3xx status
     * @param locationHost the host of the {@code Location} header, or {@code null} when there was none
     */
    public UnexpectedRedirectException(Operation operation, int httpStatus, String locationHost) {
        super(operation, null, null, "HTTP " + httpStatus + " redirect"
                + (locationHost == null ? " without a Location" : " to host " + locationHost)
                + " was not followed (check the base URL; SellerPanel does not redirect)");
        this.httpStatus = httpStatus;
        this.locationHost = locationHost;
    }

    /** The HTTP status of the redirect (300..399). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The host the redirect pointed to, or empty when the answer had no usable {@code Location}. */
    public Optional<String> locationHost() {
        return Optional.ofNullable(locationHost);
    }
}
