package io.github.babyshopsdk.client.internal;

/**
 * Makes remote text safe for one log line or exception message: control characters (CR, LF, TAB, ESC,
 * DEL, the C1 range, and the Unicode line/paragraph separators) are written as {@code \n}, {@code \r},
 * {@code \t} or {@code \}{@code uXXXX}, so a value from the server can neither start a forged log line nor
 * move the terminal cursor. Stateless; static functions only.
 */
public final class LogText {
    private LogText() {
    }

    /**
     * {@code text} with every control character escaped; {@code null} stays {@code null}.
     *
     * @param text remote text (an order number, a SKU code, a server message, a body excerpt)
     * @return the escaped text, never containing a raw control character
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                escaped.append(c);
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }

    /**
     * {@link #escape} of {@code text} cut to at most {@code max} characters (with {@code ...} when cut).
     *
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public static String escape(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (text == null) {
            return null;
        }
        String cut = text.length() > max ? text.substring(0, max) + "..." : text;
        return escape(cut);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
