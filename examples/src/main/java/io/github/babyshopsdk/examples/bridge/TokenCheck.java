package io.github.babyshopsdk.examples.bridge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The receiver's shared secret, kept only as its SHA-256 digest: a presented token is digested and compared with
 * {@link MessageDigest#isEqual} on the two fixed-length digests, so the comparison takes the same time whatever
 * the presented value and the secret itself is not held. {@link #toString()} shows nothing of it, and no message of
 * this class ever repeats a token. Immutable and thread-safe.
 */
final class TokenCheck {
    /** The shortest token accepted. */
    static final int MIN_LENGTH = 32;
    /** The longest token accepted. */
    static final int MAX_LENGTH = 256;
    /** The longest presented value that is digested at all (longer ones never match). */
    private static final int MAX_PRESENTED = 1024;

    private final byte[] digest;

    private TokenCheck(byte[] digest) {
        this.digest = digest;
    }

    /**
     * The check for {@code token}.
     *
     * @throws IllegalArgumentException when the token is unfit ({@link #problem}); the message never repeats it
     */
    static TokenCheck of(String token) {
        Optional<String> problem = problem(token);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("the token " + problem.get());
        }
        return new TokenCheck(sha256(token));
    }

    /**
     * Why {@code token} is unfit, in words that never repeat it: missing, shorter than {@value #MIN_LENGTH} or longer
     * than {@value #MAX_LENGTH} characters, or holding a character other than {@code A-Z a-z 0-9 - _ . ~} (the
     * characters a URL path carries unencoded).
     */
    static Optional<String> problem(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.of("is empty");
        }
        if (token.length() < MIN_LENGTH) {
            return Optional.of("is shorter than " + MIN_LENGTH + " characters (it has " + token.length() + ")");
        }
        if (token.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (!unreserved) {
                return Optional.of("holds a character other than A-Z a-z 0-9 - _ . ~ (at position " + (i + 1) + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code presented} is the token; false for null. Constant time in the secret. */
    boolean matches(String presented) {
        if (presented == null || presented.length() > MAX_PRESENTED) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Shows nothing of the token. */
    @Override
    public String toString() {
        return "TokenCheck{██}";
    }
}
