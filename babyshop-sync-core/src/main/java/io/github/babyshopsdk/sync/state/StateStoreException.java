package io.github.babyshopsdk.sync.state;

/** The state store failed (a database error, say); the transaction was rolled back. */
public class StateStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates one. */
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
