package io.github.babyshopsdk.testkit;

import java.util.Objects;

/**
 * A shipping (and billing) address of a simulated order. Immutable.
 *
 * @param line1 first address line (may contain a line break, as Vinculum's do)
 * @param line2 second line (area / district), may be null
 * @param city city, e.g. {@code "Dubai"} or {@code "Riyadh"}
 * @param state emirate or province name
 * @param countryCode three-letter country code, {@code "ARE"} or {@code "SAU"} in fixtures
 * @param pinCode postal code as text ({@code "00000"} in the UAE, which has none)
 * @param phone phone number as text, e.g. {@code "+971501234567"}
 */
public record SimAddress(String line1, String line2, String city, String state, String countryCode,
                         String pinCode, String phone) {

    /** Checks the mandatory parts. */
    public SimAddress {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(countryCode, "countryCode");
    }
}
