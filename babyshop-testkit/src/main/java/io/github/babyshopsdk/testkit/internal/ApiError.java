package io.github.babyshopsdk.testkit.internal;

/** Thrown by handlers to answer a non-zero {@code responseCode} in the JSON envelope. */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * An error answer.
     *
     * @param code the response code
     * @param reason why (for the debug log, never sent)
     */
    public ApiError(int code, String reason) {
        super(code + ": " + reason, null, false, false);
        this.code = code;
    }

    /**
     * The response code.
     *
     * @return the code
     */
    public int code() {
        return code;
    }
}
