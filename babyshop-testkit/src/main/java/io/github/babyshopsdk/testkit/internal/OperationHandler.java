package io.github.babyshopsdk.testkit.internal;

/** Answers one operation. Implementations throw {@link ApiError} for error codes. */
@FunctionalInterface
public interface OperationHandler {

    /**
     * Handles a call.
     *
     * @param call the call
     * @return the answer
     */
    SimResponse handle(Call call);
}
