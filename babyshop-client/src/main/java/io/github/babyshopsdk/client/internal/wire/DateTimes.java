package io.github.babyshopsdk.client.internal.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between {@link Instant}s and the API's date-times: {@code dd/MM/yyyy HH:mm:ss}, day first,
 * 24-hour clock, no fraction, no offset (reference §1.6). The wire carries local times of a zone the
 * reference does not name; Vinculum's guide says IST. The caller chooses the zone; this class only applies
 * it. Immutable and thread-safe.
 *
 * <p>Parsing is strict: two-digit day, month, hours, minutes and seconds, a four-digit year and a real
 * calendar date ({@code 31/02/2021 10:00:00} is rejected). In a zone with daylight saving time, a local
 * time that falls in the autumn overlap takes the earlier offset and one in the spring gap is moved
 * forward by the gap's length ({@link java.time.ZonedDateTime} rules); zones without DST (IST, Gulf)
 * are unaffected.
 */
public final class DateTimes {

    /** The wire pattern for {@link DateTimeFormatter}: {@code uuuu}, not {@code yyyy} or {@code YYYY}. */
    public static final String PATTERN = "dd/MM/uuuu HH:mm:ss";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern(PATTERN).withResolverStyle(ResolverStyle.STRICT);

    private final ZoneId zone;

    /**
     * @param zone the zone the deployment's local times are in, e.g. {@code Asia/Kolkata}
     * @throws NullPointerException if {@code zone} is {@code null}
     */
    public DateTimes(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The zone wire values are interpreted in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Parses a wire date-time.
     *
     * @param field the wire field name, for the error message
     * @param text the wire value; {@code null}, empty or blank mean "no value". Surrounding whitespace is
     *     ignored.
     * @return the instant, or empty for {@code null}/blank text
     * @throws WireFormatException naming {@code field} and the value if the text is not a valid
     *     {@code dd/MM/yyyy HH:mm:ss} date-time
     */
    public Optional<Instant> parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(LocalDateTime.parse(value, FORMAT).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            throw new WireFormatException(field,
                    "expected a date-time dd/MM/yyyy HH:mm:ss, was " + JsonValues.quote(text));
        }
    }

    /**
     * Formats an instant as a wire date-time in this zone. Fractions of a second are dropped (the wire
     * has none), i.e. the value is truncated towards the past, which widens an "updated since" filter
     * rather than narrowing it.
     *
     * @throws NullPointerException if {@code instant} is {@code null}
     * @throws IllegalArgumentException if the instant's year in this zone is outside 0000..9999
     */
    public String format(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime local;
        try {
            local = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("instant out of the wire range: " + instant, e);
        }
        if (local.getYear() < 0 || local.getYear() > 9999) {
            throw new IllegalArgumentException(
                    "instant out of the wire range (years 0000..9999): " + instant);
        }
        return FORMAT.format(local);
    }
}
