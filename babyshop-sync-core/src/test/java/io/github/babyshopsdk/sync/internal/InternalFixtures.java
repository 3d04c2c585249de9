package io.github.babyshopsdk.sync.internal;

/** Public types in an {@code internal} package, for the self-check of {@code PublicSignatureTest}. */
public final class InternalFixtures {
    private InternalFixtures() {
    }

    /** A public internal class that a public type could (wrongly) extend or name. */
    public static class Base {
    }

    /** A public internal exception that a public method could (wrongly) declare. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
