package io.github.babyshopsdk.client.hostile;

import mockwebserver3.MockResponse;

/**
 * One hostile answer for one operation, with what the harness demands of the client on top of the
 * general contract (a result or a {@code BabyshopException}).
 *
 * @param operation the operation called
 * @param kind the kind of hostility
 * @param description what was sent, short enough to print (the reproducer)
 * @param response the answer the server gives the operation's path (every attempt)
 * @param mustFail the call must throw (the answer cannot be a success)
 * @param writeMayBeTyped for a non-idempotent write: a failure may be any typed exception (the server
 *     refused or redirected); when false a failed write must be {@code OutcomeUnknownException}
 * @param redirect a 3xx: exactly one request, none to the other server
 * @param deadline the call must end by its call timeout (the exception's cause says timeout)
 */
record HostileCase(HostileOperation operation, Kind kind, String description, MockResponse response,
                   boolean mustFail, boolean writeMayBeTyped, boolean redirect, boolean deadline) {

    /** A case with the default demands: may succeed, a failed write is OutcomeUnknownException. */
    static HostileCase of(HostileOperation operation, Kind kind, String description, MockResponse response) {
        return new HostileCase(operation, kind, description, response, false, false, false, false);
    }

    HostileCase failing() {
        return new HostileCase(operation, kind, description, response, true, writeMayBeTyped, redirect, deadline);
    }

    HostileCase anyTypedWriteFailure() {
        return new HostileCase(operation, kind, description, response, mustFail, true, redirect, deadline);
    }

    HostileCase asRedirect() {
        return new HostileCase(operation, kind, description, response, true, true, true, deadline);
    }

    HostileCase withDeadline() {
        return new HostileCase(operation, kind, description, response, true, writeMayBeTyped, redirect, true);
    }

    @Override
    public String toString() {
        return operation + " " + kind + ": " + description;
    }
}
