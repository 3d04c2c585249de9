package io.github.babyshopsdk.examples.bridge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --wire-log}: makes the client's wire logger ({@value #LOGGER}) log at DEBUG when the logging binding is
 * logback (the bridge's); with another binding its own configuration decides. The client redacts the API key
 * and the password in what it logs.
 */
final class WireLog {
    /** The client's wire logger. */
    static final String LOGGER = "io.github.babyshopsdk.client.wire";

    private WireLog() {
    }

    /** Sets the wire logger to DEBUG unless it already logs DEBUG. */
    static void enable() {
        Logger wire = LoggerFactory.getLogger(LOGGER);
        if (!wire.isDebugEnabled() && wire instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
    }
}
