package io.github.babyshopsdk.sync.internal;

/**
 * Bounds free text the engine stores (error texts, reasons, details): they may carry a remote value or a
 * host exception's message of any size. A text over {@value #MAX_LENGTH} characters is cut (never inside a
 * surrogate pair) with a note of how much was left out; NUL characters (refused by PostgreSQL text columns)
 * and unpaired surrogates (not encodable as UTF-8) are written as {@code \\uXXXX}. Other characters, line
 * breaks included, are kept. Stateless and thread-safe; not instantiable.
 */
final class StoredText {
    /** The longest text stored in full. */
    static final int MAX_LENGTH = 2000;

    private StoredText() {
    }

    /** The text, bounded and encodable; {@code null} stays {@code null}. */
    static String of(String text) {
        if (text == null) {
            return null;
        }
        int end = Math.min(text.length(), MAX_LENGTH);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\u0000' || (Character.isSurrogate(c) && !pair
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && out == null) {
                out = new StringBuilder(end + 32).append(text, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        String kept = out != null ? out.toString() : text.substring(0, end);
        return end < text.length() ? kept + "...(" + (text.length() - end) + " more characters)" : kept;
    }

    /** The text, bounded and encodable, kept optional. */
    static java.util.Optional<String> of(java.util.Optional<String> text) {
        return text.map(StoredText::of);
    }
}
