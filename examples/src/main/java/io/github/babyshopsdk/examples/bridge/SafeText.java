package io.github.babyshopsdk.examples.bridge;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Makes outside text (order numbers and other values from Babyshop, CSV and YAML values, URLs) safe to put in
 * one line of a message, a log or the report: control characters, line and paragraph separators and bidi
 * controls are escaped ({@code \n}, {@code \r}, {@code \t}, {@code \\uXXXX}), so a value can never start a
 * new (forged) line, and over-long values are cut. URLs are shown without user info, query or fragment.
 * Stateless and thread-safe.
 */
final class SafeText {
    /** Characters of a value kept in a message; the rest is replaced by a count. */
    static final int MAX_CHARS = 200;

    private SafeText() {
    }

    /**
     * {@code value} with every control, line separator and bidi control character escaped, cut to
     * {@value #MAX_CHARS} characters; {@code "null"} for null.
     */
    static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 16);
        int n = Math.min(value.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (unsafe(c)) {
                        text.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        if (value.length() > n) {
            text.append("…(").append(value.length()).append(" chars)");
        }
        return text.toString();
    }

    /** Whether {@code value} holds a character {@link #of} would escape. */
    static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t' || unsafe((char) c));
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /**
     * A URL for messages: scheme, host, port and path only (never user info, query or fragment, which may
     * hold secrets), escaped; {@code <not a URL>} when it cannot be parsed.
     */
    static String url(String url) {
        if (url == null) {
            return "null";
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return uri.getScheme() == null ? "<not a URL>" : uri.getScheme() + ":<opaque>";
            }
            String host = uri.getHost() == null ? "<no host>" : uri.getHost();
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return of(uri.getScheme() + "://" + host + port + path);
        } catch (URISyntaxException e) {
            return "<not a URL>";
        }
    }
}
