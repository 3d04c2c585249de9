package io.github.babyshopsdk.examples.bridge;

/**
 * Why the bridge stops before (or instead of) running: bad input (exit code {@value #BAD_INPUT}) or a server
 * that cannot be reached or refuses the credentials (exit code {@value #UNREACHABLE}). The message is the one
 * line the user sees: it names the file and line, or the cause.
 */
public final class BridgeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for bad input: arguments, config, CSV files, the state database URL. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an authentication failure or a server that cannot be reached. */
    public static final int UNREACHABLE = 3;

    private final int exitCode;

    private BridgeFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input: exit code 2. */
    public static BridgeFailure badInput(String message) {
        return new BridgeFailure(BAD_INPUT, message, null);
    }

    /** Bad input caused by {@code cause}: exit code 2. */
    public static BridgeFailure badInput(String message, Throwable cause) {
        return new BridgeFailure(BAD_INPUT, message, cause);
    }

    /** Authentication failed or the server cannot be reached: exit code 3. */
    public static BridgeFailure unreachable(String message, Throwable cause) {
        return new BridgeFailure(UNREACHABLE, message, cause);
    }

    /** The process exit code this failure ends with. */
    public int exitCode() {
        return exitCode;
    }
}
