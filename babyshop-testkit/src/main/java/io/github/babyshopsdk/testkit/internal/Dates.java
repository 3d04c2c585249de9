package io.github.babyshopsdk.testkit.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Formats and parses {@code dd/MM/yyyy HH:mm:ss} in the configured zone. Immutable. */
public final class Dates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    /**
     * Dates in a zone.
     *
     * @param zone the zone
     */
    public Dates(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Formats an instant.
     *
     * @param instant the instant, may be null
     * @return the text, or null
     */
    public String format(Instant instant) {
        return instant == null ? null : FORMAT.format(LocalDateTime.ofInstant(instant, zone));
    }

    /**
     * Parses a request date.
     *
     * @param text the text
     * @return the instant
     * @throws ApiError with code 9 when the text is not {@code dd/MM/yyyy HH:mm:ss}
     */
    public Instant parse(String text) {
        try {
            return LocalDateTime.parse(text.trim(), FORMAT).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(Codes.GENERIC_ERROR, "bad date " + text);
        }
    }
}
