package io.github.babyshopsdk.client.auth;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@code authToken}: the API key sent as the {@code ApiKey} header of every other call,
 * and the owner code that comes with it.
 *
 * <p>Vinculum documents the key as static (valid for years, one per seller), so the client fetches it
 * once, shares it between threads and lets a {@link TokenStore} keep it across restarts. The key is a
 * secret: the generated {@code toString()} redacts it.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, optionalAcceptNullable = true, redactedMask = "██", visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface AuthToken {

    /** The API key. Secret: never log it. */
    @Value.Redacted
    String apiKey();

    /** The {@code apiOwner} code the server returned (kept for diagnostics; no operation sends it). */
    Optional<String> apiOwner();

    /** When the client obtained this key (from the injected clock). */
    Instant obtainedAt();

    /** Validates the key. */
    @Value.Check
    default void check() {
        if (apiKey().isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
    }

    /** Creates a token. */
    static AuthToken of(String apiKey, String apiOwner, Instant obtainedAt) {
        return ImmutableAuthToken.builder().apiKey(apiKey).apiOwner(Optional.ofNullable(apiOwner))
                .obtainedAt(obtainedAt).build();
    }
}
