package io.github.babyshopsdk.testkit.internal;

/**
 * A configured seller login. {@link #toString()} hides the password.
 *
 * @param username username
 * @param password password (secret)
 * @param apiOwner owner code answered by authToken
 */
public record Credential(String username, String password, String apiOwner) {

    @Override
    public String toString() {
        return "Credential[" + username + ", apiOwner=" + apiOwner + "]";
    }
}
