package io.github.babyshopsdk.sync.internal;

/**
 * Makes a value from outside the engine (an order number, a SKU, a host value, an error text carrying
 * either) safe for one log line: control characters (CR, LF, TAB, NUL, ...), the Unicode line and
 * paragraph separators, bidirectional-text controls and unpaired surrogates are written as
 * {@code \\uXXXX} (and a backslash as {@code \\\\}), so a value can neither start a forged log line nor
 * hide text; a value longer than {@value #MAX_LENGTH} characters is cut, saying how many characters were
 * left out. Use it on every remote value an engine log statement prints.
 *
 * <p>Stateless and thread-safe; not instantiable.
 */
public final class LogSafe {
    /** The longest value printed in full. */
    static final int MAX_LENGTH = 200;

    private LogSafe() {
    }

    /**
     * The value, escaped and bounded for a log line.
     *
     * @param value any value; {@code null} prints as {@code null}; other objects through {@code toString()}
     * @return the printable form
     */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(shown + 16);
        int i = 0;
        for (; i < shown; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (needsEscape(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("...(").append(text.length() - i).append(" more characters)");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || Character.isSurrogate(c) || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
