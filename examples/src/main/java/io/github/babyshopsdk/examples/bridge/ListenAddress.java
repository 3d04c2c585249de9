package io.github.babyshopsdk.examples.bridge;

import java.util.Locale;

/**
 * Where the notification receiver listens: {@code --listen [HOST:]PORT}. The host defaults to {@value #DEFAULT_HOST}
 * (loopback: put a TLS reverse proxy in front); an IPv6 literal goes in brackets ({@code [::1]:8080}); port 0 takes
 * a free port (printed at start).
 *
 * @param host the host name or address literal (brackets removed)
 * @param port 0..65535
 */
record ListenAddress(String host, int port) {
    /** The host when none is given. */
    static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * Parses {@code [HOST:]PORT}.
     *
     * @throws IllegalArgumentException with a message naming what is wrong (the value is escaped)
     */
    static ListenAddress parse(String value) {
        String text = value == null ? "" : value.trim();
        String host = DEFAULT_HOST;
        String port = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
                host = host.substring(1, host.length() - 1);
            } else if (host.isEmpty() || host.contains(":") || host.contains("[") || host.contains("]")) {
                throw new IllegalArgumentException("--listen must be [HOST:]PORT (an IPv6 address in brackets), was '"
                        + SafeText.of(text) + "'");
            }
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("--listen needs a port 0..65535 ([HOST:]PORT), was '"
                    + SafeText.of(text) + "'");
        }
        if (SafeText.hasControl(host) || host.length() > 253 || host.contains("/") || host.contains("@")) {
            throw new IllegalArgumentException("--listen has an unusable host: '" + SafeText.of(host) + "'");
        }
        return new ListenAddress(host.toLowerCase(Locale.ROOT), Integer.parseInt(port));
    }
}
