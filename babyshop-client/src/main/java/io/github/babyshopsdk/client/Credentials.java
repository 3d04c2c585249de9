package io.github.babyshopsdk.client;

import java.util.Objects;

/**
 * The Vinculum seller username and password that {@code authToken} trades for an API key.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the password, and equality compares
 * both fields without exposing them.
 */
public final class Credentials {
    private final String username;
    private final String password;

    private Credentials(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /**
     * Creates credentials.
     *
     * @throws IllegalArgumentException if either value is null or blank
     */
    public static Credentials of(String username, String password) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must be set (the Vinculum seller username)");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("password must be set (the Vinculum seller password)");
        }
        return new Credentials(username, password);
    }

    /** The seller username; not secret. */
    public String username() {
        return username;
    }

    /** The password. Secret: never log it. */
    public String password() {
        return password;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials
                && ((Credentials) other).username.equals(username)
                && ((Credentials) other).password.equals(password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password);
    }

    @Override
    public String toString() {
        return "Credentials{username=" + username + ", password=██}";
    }
}
