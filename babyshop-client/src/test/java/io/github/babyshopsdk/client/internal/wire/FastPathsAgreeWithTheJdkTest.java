package io.github.babyshopsdk.client.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decode fast paths (issue 16) read exactly what the general JDK parsers read: wire date-times against
 * {@code LocalDateTime.parse} with the strict formatter and {@code ZonedDateTime} zone rules, plain decimals
 * against {@code new BigDecimal(text)}: same value and scale, same rejections, same messages.
 */
class FastPathsAgreeWithTheJdkTest {

    private static final DateTimeFormatter STRICT =
            DateTimeFormatter.ofPattern(DateTimes.PATTERN).withResolverStyle(ResolverStyle.STRICT);

    /** The reference reading: what {@link DateTimes#parse} did before the fast path. */
    private static Optional<Instant> reference(ZoneId zone, String text) {
        return Optional.of(LocalDateTime.parse(text.strip(), STRICT).atZone(zone).toInstant());
    }

    private static void assertSameAsReference(DateTimes dates, String text) {
        Optional<Instant> expected;
        try {
            expected = reference(dates.zone(), text);
        } catch (DateTimeException e) {
            expected = null;
        }
        Optional<Instant> actual;
        try {
            actual = dates.parse("f", text);
        } catch (WireFormatException e) {
            assertThat(e.getMessage()).isEqualTo("f: expected a date-time dd/MM/yyyy HH:mm:ss, was "
                    + JsonValues.quote(text));
            actual = null;
        }
        assertThat(actual).as("parse of \"%s\" in %s", text, dates.zone()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Asia/Kolkata", "Asia/Dubai", "UTC", "Europe/Berlin", "America/New_York",
            "Australia/Lord_Howe", "Asia/Kathmandu", "+05:30"})
    void dateTimesAgreeWithTheStrictFormatterAndZoneRules(String zoneName) {
        DateTimes dates = new DateTimes(ZoneId.of(zoneName));
        Random random = new Random(zoneName.hashCode());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // mostly real values around now and across historical offset changes, some out of range
            int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1900 + random.nextInt(200);
            texts.add(String.format(Locale.ROOT, "%02d/%02d/%04d %02d:%02d:%02d", random.nextInt(33),
                    random.nextInt(14), year, random.nextInt(26), random.nextInt(62), random.nextInt(62)));
        }
        // around the zone's offset changes: gaps and overlaps, minute by minute
        dates.zone().getRules().getTransitions().stream().skip(Math.max(0,
                dates.zone().getRules().getTransitions().size() - 6)).forEach(t -> {
                    for (int minute = -90; minute <= 90; minute += 15) {
                        LocalDateTime local = t.getDateTimeBefore().plusMinutes(minute);
                        texts.add(local.format(STRICT));
                    }
                });
        for (int year = 2024; year <= 2027; year++) {
            for (int month = 1; month <= 12; month++) {
                for (int hour = 0; hour < 24; hour++) {
                    texts.add(String.format(Locale.ROOT, "%02d/%02d/%04d %02d:30:00", month * 2, month, year, hour));
                }
            }
        }
        texts.addAll(List.of("31/12/9999 23:59:59", "01/01/0000 00:00:00", "00/01/2021 10:00:00",
                "29/02/2023 10:00:00", "29/02/2024 10:00:00", "31/04/2024 10:00:00", "01/02/2021 23:60:00",
                " 13/04/2016 14:32:05 ", "13/04/2016\t14:32:05", "13-04-2016 14:32:05", "13/04/2016T14:32:05",
                "+1/04/2016 14:32:05", "-1/04/2016 14:32:05", "13/04/+016 14:32:05", "13/04/-016 14:32:05",
                "1a/04/2016 14:32:05", "13/04/2016 14:32:0a", "\u0661\u0663/04/2016 14:32:05",
                "13/04/12016 14:32:05", "13/04/+12016 14:32:05", "13/04/-2016 14:32:05", "13/04/2016 14:32:05Z"));
        texts.forEach(text -> assertSameAsReference(dates, text));
    }

    @Test
    void aZoneWithoutOffsetChangesUsesItsOffset() {
        DateTimes dates = new DateTimes(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(dates.parse("f", "13/04/2016 14:32:05")).contains(Instant.parse("2016-04-13T09:02:05Z"));
        assertThat(dates.parse("f", "01/01/0000 05:30:00")).contains(Instant.parse("0000-01-01T00:00:00Z"));
    }

    @Test
    void historicalLocalTimesUseTheOffsetOfTheirTime() {
        // IST was +06:30 (war time) from 1942-09-01 to 1945-10-15
        DateTimes ist = new DateTimes(ZoneId.of("Asia/Kolkata"));
        assertThat(ist.parse("f", "01/01/1943 12:00:00")).contains(Instant.parse("1943-01-01T05:30:00Z"));
        assertThat(ist.parse("f", "01/01/1946 12:00:00")).contains(Instant.parse("1946-01-01T06:30:00Z"));
    }

    @Test
    void plainDecimalsAgreeWithBigDecimal() {
        List<String> texts = new ArrayList<>(List.of("0", "-0", "0.00", "-0.00", "007.50", "1299.00", "350.000",
                "1", "-1.5", "999999999999999999", "-999999999999999999", "0.000000000000000001",
                "1000000000000000000", "9999999999999999999", "12345678901234567.89", "123456789012345678.9",
                "1.", ".5", "-", "+", "+5", "--5", "1..2", "1.2.3", "1e3", "1E+3", "0x10", "1,5", "1 5", "",
                "\u0661\u0662", "١٢.٥", "99999999999999999999999", "1.0000000000000000000"));
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() % (random.nextBoolean() ? 100_000L : 1_000_000_000_000_000_000L);
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(8));
            texts.add(value.toPlainString());
        }
        for (String text : texts) {
            BigDecimal fast = JsonValues.simpleDecimal(text);
            BigDecimal expected;
            try {
                expected = new BigDecimal(text);
            } catch (NumberFormatException e) {
                expected = null;
            }
            if (fast != null) {
                assertThat(expected).as(text).isNotNull();
                assertThat(fast.unscaledValue()).as(text).isEqualTo(expected.unscaledValue());
                assertThat(fast.scale()).as(text).isEqualTo(expected.scale());
                assertThat(fast.precision()).as(text).isEqualTo(expected.precision());
            }
        }
        assertThat(JsonValues.simpleDecimal("1299.00")).isEqualTo(new BigDecimal("1299.00"));
        assertThat(JsonValues.simpleDecimal("-0.50")).isEqualTo(new BigDecimal("-0.50"));
        assertThat(JsonValues.simpleDecimal("1e3")).isNull();
        assertThat(JsonValues.simpleDecimal("1000000000000000000")).isNull();
    }

    @Test
    void decimalFieldsStillRejectWhatTheyRejected() {
        for (String bad : List.of("1.", ".5", "+5", "1e3", "1.2.3", "abc", "1,5")) {
            Optional<BigDecimal> viaField;
            try {
                viaField = JsonValues.decimal("f", com.fasterxml.jackson.databind.node.TextNode.valueOf(bad));
            } catch (WireFormatException e) {
                viaField = null;
            }
            Optional<BigDecimal> expected;
            try {
                expected = Optional.of(new BigDecimal(bad));
            } catch (NumberFormatException e) {
                expected = null;
            }
            assertThat(viaField).as(bad).isEqualTo(expected);
        }
    }
}
