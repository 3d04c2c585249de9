package io.github.babyshopsdk.client.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The wire date-time format, strict, in a configured zone. */
class DateTimesTest {

    private final DateTimes ist = new DateTimes(ZoneId.of("Asia/Kolkata"));
    private final DateTimes dubai = new DateTimes(ZoneId.of("Asia/Dubai"));

    @Test
    void parsesLocalTimeInTheConfiguredZone() {
        assertThat(ist.parse("f", "13/04/2016 14:32:05")).contains(Instant.parse("2016-04-13T09:02:05Z"));
    }

    @Test
    void anotherZoneShiftsTheInstantByTheOffsetDifference() {
        Instant inIst = ist.parse("f", "13/04/2016 14:32:05").orElseThrow();
        Instant inDubai = dubai.parse("f", "13/04/2016 14:32:05").orElseThrow();

        assertThat(inDubai).isEqualTo(Instant.parse("2016-04-13T10:32:05Z"));
        assertThat(java.time.Duration.between(inIst, inDubai)).hasMinutes(90);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01/01/2015 00:00:00", "20/04/2017 16:06:00", "09/06/2021 23:59:59",
            "29/02/2024 12:00:00", "31/12/9999 23:59:59", "01/01/0001 00:00:00"})
    void formatOfParseGivesTheSameText(String text) {
        assertThat(ist.format(ist.parse("f", text).orElseThrow())).isEqualTo(text);
        assertThat(dubai.format(dubai.parse("f", text).orElseThrow())).isEqualTo(text);
    }

    @Test
    void formatWritesTheInstantAsLocalTimeOfTheZone() {
        Instant instant = Instant.parse("2016-04-13T09:02:05Z");

        assertThat(ist.format(instant)).isEqualTo("13/04/2016 14:32:05");
        assertThat(dubai.format(instant)).isEqualTo("13/04/2016 13:02:05");
    }

    @Test
    void formatTruncatesFractionsOfASecond() {
        assertThat(ist.format(Instant.parse("2016-04-13T09:02:05.999Z"))).isEqualTo("13/04/2016 14:32:05");
    }

    @Test
    void formatRejectsInstantsOutsideFourDigitYears() {
        assertThatThrownBy(() -> ist.format(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ist.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0000..9999");
    }

    @Test
    void blankAndNullAreAbsent() {
        assertThat(ist.parse("f", null)).isEmpty();
        assertThat(ist.parse("f", "")).isEmpty();
        assertThat(ist.parse("f", "   ")).isEmpty();
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(ist.parse("f", " 13/04/2016 14:32:05 ")).contains(Instant.parse("2016-04-13T09:02:05Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2021 10:00:00", "29/02/2021 10:00:00", "2021-02-01", "2021-02-01T10:00:00",
            "01/02/2021", "1/2/2021 10:00:00", "01/02/21 10:00:00", "01/02/2021 24:00:00",
            "01/02/2021 10:00:00.000", "01/13/2021 10:00:00", "01/02/2021 10:00", "now"})
    void invalidTextIsATypedFailureNamingFieldAndValue(String text) {
        assertThatThrownBy(() -> ist.parse("orderDate", text))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("orderDate: expected a date-time dd/MM/yyyy HH:mm:ss, was \"" + text + "\"")
                .extracting(e -> ((WireFormatException) e).field()).isEqualTo("orderDate");
    }

    @Test
    void exposesTheZone() {
        assertThat(ist.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThatThrownBy(() -> new DateTimes(null)).isInstanceOf(NullPointerException.class);
    }
}
