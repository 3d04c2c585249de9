package io.github.babyshopsdk.testkit.internal;

import java.util.Locale;
import java.util.Map;

/** Stable transporter codes by name (the {@code transCode} / {@code lineTransporterCode} field). */
final class Transporters {

    private static final Map<String, String> CODES = Map.of("ARAMEX", "11", "DHL EXPRESS", "12",
            "EMIRATES POST", "13", "QUIQUP", "14", "SMSA EXPRESS", "21", "NAQEL EXPRESS", "22", "SPL", "23");

    private Transporters() {
    }

    /**
     * The code of a transporter name.
     *
     * @param name free-text name, may be null
     * @return a known code, "99" for other names, null for a null name
     */
    static String codeOf(String name) {
        if (name == null) {
            return null;
        }
        return CODES.getOrDefault(name.trim().toUpperCase(Locale.ROOT), "99");
    }
}
