package io.github.babyshopsdk.client.internal.wire;

import static io.github.babyshopsdk.client.internal.wire.Wire.jsonQ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-record field reader: keys, dates, nested lists and field paths in messages. */
class WireRecordTest {

    private static final DateTimes IST = new DateTimes(ZoneId.of("Asia/Kolkata"));

    private static WireRecord record(String singleQuotedJson) {
        return WireRecord.of(jsonQ(singleQuotedJson), "", "record", IST);
    }

    @Test
    void keyIsNonBlankTextKeptRaw() {
        assertThat(record("{'orderNo':' 007 '}").key("orderNo")).isEqualTo(" 007 ");
        assertThat(record("{'orderNo':7}").key("orderNo")).isEqualTo("7");
        assertThatThrownBy(() -> record("{'orderNo':''}").key("orderNo"))
                .isInstanceOf(WireFormatException.class).hasMessage("orderNo: is missing or blank");
    }

    @Test
    void instantReadsTheWireFormatAndRejectsNonText() {
        assertThat(record("{'d':'13/04/2016 14:32:05'}").instant("d"))
                .contains(Instant.parse("2016-04-13T09:02:05Z"));
        assertThat(record("{'d':null}").instant("d")).isEmpty();
        assertThat(record("{}").instant("d")).isEmpty();
        assertThatThrownBy(() -> record("{'d':['x']}").instant("d"))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("d: expected a date-time dd/MM/yyyy HH:mm:ss, was an array");
    }

    @Test
    void nestedFailuresCarryTheFullPath() {
        WireRecord order = record("{'orderItems':[{'q':'1'},{'q':'x'}]}");

        assertThatThrownBy(() -> order.objects("orderItems", line -> line.decimal("q")))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("orderItems[1].q: expected a number, was \"x\"")
                .extracting(e -> ((WireFormatException) e).field()).isEqualTo("orderItems[1].q");
    }

    @Test
    void nestedListsAcceptAbsenceAndSingleObjects() {
        assertThat(record("{}").objects("items", r -> r.key("k"))).isEmpty();
        assertThat(record("{'items':{'k':'a'}}").objects("items", r -> r.key("k"))).isEqualTo(List.of("a"));
    }

    @Test
    void nonObjectIsRejectedUnderItsName() {
        assertThatThrownBy(() -> WireRecord.of(jsonQ("'x'"), "", "orders[4]", IST))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("orders[4]: expected an object, was a string \"x\"");
    }
}
