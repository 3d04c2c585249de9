package io.github.babyshopsdk.client.internal;

import java.io.IOException;

/**
 * A response body went past its byte cap while it was being read. Internal: the call executor turns it
 * into a {@link io.github.babyshopsdk.client.error.MalformedResponseException} (reads) or an
 * {@link io.github.babyshopsdk.client.error.OutcomeUnknownException} (writes).
 */
final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(String what, long limit) {
        super(what + " is larger than the cap of " + limit + " bytes");
    }
}
