package io.github.babyshopsdk.client.internal.wire;

/**
 * A response value that does not have the shape its field needs: text where a number is expected, an
 * invalid date-time, a missing key, an object where text is expected. Unchecked and internal; the
 * codec turns it into a per-record failure where it can; a failure of a whole list reaches the call executor,
 * which reports it as a typed malformed-answer failure (never this type). Package-private: not even the rest of
 * {@code client.internal} names it.
 *
 * <p>The message is {@code "<field>: <problem>"}; it may quote the offending value (shortened), which
 * comes from a response body and never holds credentials.
 */
final class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * @param field the wire field, with its path inside the record when nested
     *     (e.g. {@code orderItems[1].orderQty}); not {@code null}
     * @param problem what is wrong, e.g. {@code expected a number, was "abc"}
     */
    WireFormatException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /**
     * This failure with {@code path} put before its field ({@code orderItems[1].} + {@code orderQty}): nested
     * readers name their fields bare and prefix the path only when something fails, so the happy path builds
     * no names.
     */
    WireFormatException under(String path) {
        return path.isEmpty() ? this : new WireFormatException(path + field, problem);
    }

    /** The wire field (with its path when nested) whose value was rejected. */
    public String field() {
        return field;
    }
}
