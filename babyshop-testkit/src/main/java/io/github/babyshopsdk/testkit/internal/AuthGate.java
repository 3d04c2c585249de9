package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Authentication and quota. authToken: blank username or password answers 2001; a configured
 * username counts against its quota (13 beyond it) whatever the password; a wrong password or
 * unknown user answers 11. Other operations: a missing or unknown {@code ApiKey} answers 2000 and
 * counts nowhere; a known key counts against its credential's quota (13 beyond it); an expired key
 * then answers 2000.
 */
public final class AuthGate {

    /**
     * The result of the gate.
     *
     * @param credential the username the request is attributed to, or null
     * @param rejection the answer when the request stops here, or null to go on
     */
    public record Admission(String credential, SimResponse rejection) {
    }

    private final Tokens tokens;
    private final QuotaLimiter quota;
    private final State state;

    /**
     * A gate.
     *
     * @param tokens keys and credentials
     * @param quota the limiter
     * @param state for the time
     */
    public AuthGate(Tokens tokens, QuotaLimiter quota, State state) {
        this.tokens = tokens;
        this.quota = quota;
        this.state = state;
    }

    /**
     * Answers authToken.
     *
     * @param query decoded query parameters
     * @return the attribution and the answer (always a rejection-or-answer: never goes on)
     */
    public Admission authToken(Map<String, String> query) {
        String username = query.get("username");
        String password = query.get("password");
        if (RequestArgs.blank(username) || RequestArgs.blank(password)) {
            String who = username != null && tokens.knows(username) ? username : null;
            return new Admission(who, authError(Codes.CREDENTIALS_MANDATORY));
        }
        Instant now = state.now();
        String who = tokens.knows(username) ? username : null;
        if (who != null && !quota.tryAcquire(who, now)) {
            return new Admission(who, authError(Codes.QUOTA_EXCEEDED));
        }
        Optional<Credential> ok = tokens.check(username, password);
        if (ok.isEmpty()) {
            return new Admission(who, authError(Codes.INVALID_CREDENTIALS));
        }
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("status", "SUCCESS");
        n.put("apiKey", tokens.issue(username, now));
        n.put("apiOwner", ok.get().apiOwner());
        return new Admission(username, SimResponse.json(Codes.SUCCESS, n));
    }

    private static SimResponse authError(int code) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("status", "FAILURE");
        n.put("responseCode", code);
        n.put("responseMessage", Codes.message(code));
        return SimResponse.json(code, n);
    }

    /**
     * Admits a keyed call.
     *
     * @param apiKey the {@code ApiKey} header, may be null
     * @return the attribution, with a rejection when the call stops here
     */
    public Admission admit(String apiKey) {
        Instant now = state.now();
        Tokens.Resolution r = tokens.resolve(apiKey, now);
        if (r.status() == Tokens.Status.UNKNOWN) {
            return new Admission(null, SimResponse.error(Codes.TOKEN_INVALID));
        }
        if (!quota.tryAcquire(r.username(), now)) {
            return new Admission(r.username(), SimResponse.error(Codes.QUOTA_EXCEEDED));
        }
        if (r.status() == Tokens.Status.EXPIRED) {
            return new Admission(r.username(), SimResponse.error(Codes.TOKEN_INVALID));
        }
        return new Admission(r.username(), null);
    }
}
