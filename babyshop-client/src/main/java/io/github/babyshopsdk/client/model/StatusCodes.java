package io.github.babyshopsdk.client.model;

import java.util.Locale;

/** Normalisation shared by the status enums; not API. */
final class StatusCodes {

    private StatusCodes() {}

    /**
     * The canonical form of a numeric status code: surrounding whitespace removed and, for an all-digit
     * code, leading zeros removed ({@code " 08"} becomes {@code "8"}). Returns {@code ""} for
     * {@code null} or blank input, and non-digit input trimmed but otherwise unchanged.
     */
    static String canonicalCode(String code) {
        if (code == null) {
            return "";
        }
        String trimmed = code.strip();
        if (trimmed.isEmpty() || !isDigits(trimmed)) {
            return trimmed;
        }
        int firstNonZero = 0;
        while (firstNonZero < trimmed.length() - 1 && trimmed.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        return trimmed.substring(firstNonZero);
    }

    /** The form labels are compared in: trimmed, lower-cased (ROOT), inner whitespace runs collapsed. */
    static String canonicalLabel(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** True when {@code s} is non-empty and made of ASCII digits only. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
