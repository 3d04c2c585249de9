package io.github.babyshopsdk.client.internal.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
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
 *
 * <p>Speed (issue 16): a value of the exact wire shape (19 characters, ASCII digits where digits belong) is
 * read by hand and checked by {@link LocalDateTime#of(int, int, int, int, int, int)}, which rejects what the
 * strict formatter rejects (month 13, 31 February, hour 24); any other text goes through the formatter, so
 * what is accepted, and every error message, is unchanged. Local times after the zone's last offset change
 * (when it has no daylight-saving rules, e.g. IST since 1945) are converted with that constant offset;
 * others through {@link java.time.ZonedDateTime}.
 */
final class DateTimes {

    /** The wire pattern for {@link DateTimeFormatter}: {@code uuuu}, not {@code yyyy} or {@code YYYY}. */
    public static final String PATTERN = "dd/MM/uuuu HH:mm:ss";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern(PATTERN).withResolverStyle(ResolverStyle.STRICT);

    /** The length of a wire date-time, {@code dd/MM/yyyy HH:mm:ss}. */
    private static final int WIRE_LENGTH = 19;

    private final ZoneId zone;
    /** The zone's offset after its last change, or {@code null} when it has DST rules. */
    private final ZoneOffset finalOffset;
    /** Local times after this one are in {@link #finalOffset} (no gap or overlap follows). */
    private final LocalDateTime finalOffsetAfter;

    /**
     * @param zone the zone the deployment's local times are in, e.g. {@code Asia/Kolkata}
     * @throws NullPointerException if {@code zone} is {@code null}
     */
    DateTimes(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        ZoneRules rules = zone.getRules();
        if (rules.getTransitionRules().isEmpty()) {
            List<ZoneOffsetTransition> transitions = rules.getTransitions();
            if (transitions.isEmpty()) {
                this.finalOffset = rules.getOffset(Instant.EPOCH);
                this.finalOffsetAfter = LocalDateTime.MIN;
            } else {
                ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
                this.finalOffset = last.getOffsetAfter();
                this.finalOffsetAfter = last.isGap() ? last.getDateTimeAfter() : last.getDateTimeBefore();
            }
        } else {
            this.finalOffset = null;
            this.finalOffsetAfter = null;
        }
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
            LocalDateTime local = value.length() == WIRE_LENGTH ? wireShaped(value) : null;
            if (local == null) {
                local = LocalDateTime.parse(value, FORMAT);
            }
            return Optional.of(toInstant(local));
        } catch (DateTimeException e) {
            throw new WireFormatException(field,
                    "expected a date-time dd/MM/yyyy HH:mm:ss, was " + JsonValues.quote(text));
        }
    }

    /**
     * The local date-time of a 19-character value of the exact wire shape, or {@code null} when the value
     * has another shape (the formatter then decides).
     *
     * @throws DateTimeException if a field is out of range or the date does not exist
     */
    private static LocalDateTime wireShaped(String v) {
        if (v.charAt(2) != '/' || v.charAt(5) != '/' || v.charAt(10) != ' ' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        int day = twoDigits(v, 0);
        int month = twoDigits(v, 3);
        int century = twoDigits(v, 6);
        int yearOfCentury = twoDigits(v, 8);
        int hour = twoDigits(v, 11);
        int minute = twoDigits(v, 14);
        int second = twoDigits(v, 17);
        if ((day | month | century | yearOfCentury | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(century * 100 + yearOfCentury, month, day, hour, minute, second);
    }

    /** The value of two ASCII digits at {@code i}, or -1 if either is not one. */
    private static int twoDigits(String v, int i) {
        int tens = v.charAt(i) - '0';
        int ones = v.charAt(i + 1) - '0';
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
            return -1;
        }
        return tens * 10 + ones;
    }

    private Instant toInstant(LocalDateTime local) {
        if (finalOffset != null && local.isAfter(finalOffsetAfter)) {
            return Instant.ofEpochSecond(local.toEpochSecond(finalOffset));
        }
        return local.atZone(zone).toInstant();
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
