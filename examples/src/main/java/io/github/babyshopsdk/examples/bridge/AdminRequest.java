package io.github.babyshopsdk.examples.bridge;

import java.util.Optional;

/**
 * A one-shot admin command, checked by {@link BridgeCommand}: it reads or changes the state database of one store
 * and runs no flow. Only {@link Action#EXPLAIN} may call Babyshop (one {@code orderFetch} for an order the engine
 * never saw), so only it carries the server and the password.
 *
 * @param action what to do
 * @param argument the dead letter key ({@code all} for {@code --redrive all}) or the order number; empty for a list
 * @param reason why a dead letter is discarded (for {@link Action#DISCARD})
 * @param username the seller username: the store id in the state database
 * @param stateUrl JDBC URL of the engine state
 * @param baseUrl SellerPanel V3 base URL (for {@link Action#EXPLAIN})
 * @param password seller password (for {@link Action#EXPLAIN}; from the environment; never printed)
 * @param allowInsecureHttp whether plain http is allowed
 * @param config the configuration file's content, when {@code --config} was given (zone, quota, status mapping)
 */
record AdminRequest(Action action, String argument, String reason, String username, String stateUrl,
                    Optional<String> baseUrl, Optional<String> password, boolean allowInsecureHttp,
                    Optional<BridgeConfig> config) implements BridgeRequest {

    /** The admin commands. */
    enum Action {
        /** {@code --dead-letters}: list them. */
        LIST_DEAD_LETTERS,
        /** {@code --redrive KEY|all}. */
        REDRIVE,
        /** {@code --discard KEY --reason TEXT}. */
        DISCARD,
        /** {@code --explain ORDERNO}. */
        EXPLAIN
    }

    /** The value {@code --redrive} takes to re-drive every dead letter. */
    static final String ALL = "all";

    @Override
    public String toString() {
        return "AdminRequest{" + action + " " + SafeText.of(argument) + ", " + SafeText.of(username) + ", state "
                + SafeText.of(StateDatabase.redact(stateUrl)) + baseUrl.map(u -> ", " + SafeText.url(u)).orElse("")
                + password.map(p -> ", password=██").orElse("") + "}";
    }
}
