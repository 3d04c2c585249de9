package io.github.babyshopsdk.sync.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.notify.NotificationRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shapes a notification may take, and what the parser takes from each: order numbers, nothing else. */
class NotificationParserTest {
    private static final Optional<String> JSON = Optional.of("application/json");
    private static final Optional<String> FORM = Optional.of("application/x-www-form-urlencoded");
    private final NotificationParser parser = NotificationParser.standard();

    private ParsedNotification parse(String body, Optional<String> contentType) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private List<String> numbers(String body) {
        return parse(body, JSON).orderNumbers();
    }

    private static String form(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void flatObjectWithOrderNo() {
        assertThat(numbers("{\"orderNo\":\"100000019\",\"status\":\"Shipped\"}")).containsExactly("100000019");
    }

    @Test
    void orderAndMasterOrderNumberAreBothTaken() {
        ParsedNotification parsed = parse("{\"orderNo\":\"501242014-33\",\"masterOrderNo\":\"NYKL00002637\"}", JSON);
        assertThat(parsed.orderNumbers()).containsExactly("501242014-33", "NYKL00002637");
        assertThat(parsed.invalidValues()).isZero();
    }

    @Test
    void fieldNamesIgnoreCaseUnderscoresAndHyphens() {
        assertThat(numbers("{\"ORDERNO\":\"A\",\"order_no\":\"B\",\"Order-No\":\"C\",\"master_order_no\":\"D\","
                + "\"orderNumber\":\"E\",\"MasterOrderNumber\":\"F\",\"orderNos\":[\"G\"],\"order_numbers\":[\"H\"]}"))
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
    }

    @Test
    void otherFieldsAreIgnoredEvenWhenTheyLookLikeOrderNumbers() {
        assertThat(numbers("{\"orderId\":\"X1\",\"id\":\"X2\",\"extOrderNo\":\"X3\",\"invoiceNo\":\"X4\","
                + "\"status\":\"Cancelled\",\"orders\":[\"X5\"],\"orderNoX\":\"X6\",\"note\":\"orderNo\"}"))
                .isEmpty();
    }

    @Test
    void numbersAreKeptAsPlainDecimalText() {
        ParsedNotification parsed = parse(
                "{\"orderNo\":100000019,\"masterOrderNo\":1.0E8,\"orderNos\":[12.50,-0.0,1.5,1e300,true]}", JSON);
        assertThat(parsed.orderNumbers()).containsExactly("100000019", "100000000", "0");
        // 12.50 is not whole; 1.5 neither; 1e300 has 301 digits; true is no number
        assertThat(parsed.invalidValues()).isEqualTo(4);
    }

    @Test
    void arraysOfNumbersUnderAnOrderField() {
        assertThat(numbers("{\"orderNo\":[\"A\",\"B\",[\"C\",[7]]]}")).containsExactly("A", "B", "C", "7");
    }

    @Test
    void nestedOrderArraysAndObjectsAtAnyDepth() {
        assertThat(numbers("{\"orders\":[{\"orderNo\":\"A\"},{\"orderNo\":\"B\"}]}")).containsExactly("A", "B");
        assertThat(numbers("{\"data\":{\"orderList\":[{\"masterOrderNo\":\"M1\",\"items\":[{\"orderNo\":\"C\"}]}]}}"))
                .containsExactly("M1", "C");
        assertThat(numbers("[{\"orderNo\":\"A\"},[{\"x\":{\"orderNo\":\"B\"}}]]")).containsExactly("A", "B");
    }

    @Test
    void anObjectUnderAnOrderFieldIsSearchedNotTaken() {
        assertThat(numbers("{\"orderNo\":{\"value\":\"X\",\"orderNo\":\"A\"}}")).containsExactly("A");
        assertThat(numbers("{\"orderNo\":[{\"value\":\"X\"}]}")).isEmpty();
    }

    @Test
    void duplicatesAreRemovedInFirstFoundOrder() {
        assertThat(numbers("{\"orderNo\":\"B\",\"masterOrderNo\":\"A\",\"orders\":[{\"orderNo\":\"B\"},"
                + "{\"orderNo\":\"C\"},{\"orderNo\":\"A\"}]}")).containsExactly("B", "A", "C");
    }

    @Test
    void duplicateKeysAreAllRead() {
        assertThat(numbers("{\"orderNo\":\"A\",\"orderNo\":\"B\",\"orderNo\":\"A\"}")).containsExactly("A", "B");
    }

    @Test
    void nullAndEmptyMeanNoValueOtherInvalidValuesAreCounted() {
        ParsedNotification parsed = parse("{\"orderNo\":null,\"masterOrderNo\":\"\",\"orderNos\":[\"   \","
                + "\"A\\u0000\",\"" + "x".repeat(129) + "\",\"\\ud800\",\"ok\",false]}", JSON);
        assertThat(parsed.orderNumbers()).containsExactly("ok");
        assertThat(parsed.invalidValues()).isEqualTo(5);
    }

    @Test
    void aStringHoldingAJsonArrayOfNumbers() {
        assertThat(numbers("{\"orderNo\":\"[\\\"A\\\",\\\"B\\\",3]\"}")).containsExactly("A", "B", "3");
        // looks like an array but is not one: the text itself is the value
        assertThat(numbers("{\"orderNo\":\"[A1]\"}")).containsExactly("[A1]");
    }

    @Test
    void aStatusNeverMatters() {
        assertThat(numbers("{\"orderNo\":\"A\",\"status\":\"Delivered\"}"))
                .isEqualTo(numbers("{\"status\":\"Cancelled\",\"orderNo\":\"A\"}"));
    }

    @Test
    void aReadableBodyNamingNoOrderIsEmpty() {
        assertThat(parse("{}", JSON).orderNumbers()).isEmpty();
        assertThat(parse("[]", JSON).orderNumbers()).isEmpty();
        assertThat(parse("{\"event\":\"ping\"}", JSON).orderNumbers()).isEmpty();
        assertThat(parse("", Optional.empty()).orderNumbers()).isEmpty();
        assertThat(parse(" \r\n", Optional.empty()).orderNumbers()).isEmpty();
        assertThat(parse("event=ping", FORM).orderNumbers()).isEmpty();
    }

    @Test
    void plainFormFields() {
        assertThat(parse("orderNo=100000019&status=Shipped", FORM).orderNumbers()).containsExactly("100000019");
        assertThat(parse("orderNo=A&orderNo=B&master_order_no=C&orderNo=A", FORM).orderNumbers())
                .containsExactly("A", "B", "C");
        assertThat(parse(form("orderNo", "AB 12/é") + "&x=%7B", FORM).orderNumbers()).containsExactly("AB 12/é");
        assertThat(parse("orderNo=A+B\r\n", FORM).orderNumbers()).containsExactly("A B");
    }

    @Test
    void formFieldHoldingAJsonArray() {
        assertThat(parse(form("orderNo", "[\"A\",\"B\"]"), FORM).orderNumbers()).containsExactly("A", "B");
    }

    @Test
    void vinculumStyleRequestBodyField() {
        String body = form("RequestBody", "{\"orderNo\":\"AB1883884\",\"masterOrderNo\":\"M-1\"}");
        assertThat(parse(body, FORM).orderNumbers()).containsExactly("AB1883884", "M-1");
        assertThat(parse(form("requestbody", "{\"orders\":[{\"orderNo\":\"X\"}]}") + "&apiKey=k", FORM)
                .orderNumbers()).containsExactly("X");
    }

    @Test
    void requestBodyInsideJsonIsReadToo() {
        assertThat(numbers("{\"RequestBody\":\"{\\\"orderNo\\\":\\\"A\\\"}\"}")).containsExactly("A");
    }

    @Test
    void embeddingStopsAtItsLimit() {
        // form RequestBody -> JSON RequestBody -> JSON (2 levels) is read; a third level is ignored
        String inner = "{\"orderNo\":\"C\",\"RequestBody\":\"{\\\"orderNo\\\":\\\"D\\\"}\"}";
        String middle = "{\"orderNo\":\"B\",\"RequestBody\":" + jsonString(inner) + "}";
        assertThat(parse(form("RequestBody", middle), FORM).orderNumbers()).containsExactly("B", "C");
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void theBodyDecidesNotTheContentType() {
        for (Optional<String> type : List.of(JSON, FORM, Optional.<String>empty(), Optional.of("text/plain"),
                Optional.of("application/octet-stream"), Optional.of("multipart/form-data; boundary=x"))) {
            assertThat(parse("{\"orderNo\":\"A\"}", type).orderNumbers()).containsExactly("A");
            assertThat(parse("orderNo=B", type).orderNumbers()).containsExactly("B");
            assertThat(parse(form("RequestBody", "{\"orderNo\":\"C\"}"), type).orderNumbers()).containsExactly("C");
        }
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] body = ("\uFEFF{\"orderNo\":\"A\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(body, JSON).orderNumbers()).containsExactly("A");
    }

    @Test
    void streamAndArrayGiveTheSameAnswer() {
        byte[] body = "{\"orders\":[{\"orderNo\":\"A\"},{\"orderNo\":2}]}".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(new ByteArrayInputStream(body), JSON)).isEqualTo(parser.parse(body, JSON));
    }

    @Test
    void malformedBodiesAreUnreadable() {
        for (String body : List.of("{\"orderNo\":\"A\"", "{\"orderNo\":\"A\"}}", "{\"orderNo\":\"A\"} x",
                "{\"orderNo\":\"A\"}{\"orderNo\":\"B\"}", "{'orderNo':'A'}", "[1,]", "{\"a\":NaN}", "{\"a\":01}",
                "{\"a\":\"b\" // c\n}", "orderNo", "orderNo=A&junk", "=A", "orderNo=%4", "orderNo=%zz",
                "orderNo=%C3%28", form("RequestBody", "{\"orderNo\":"), form("RequestBody", "hello"))) {
            assertThatThrownBy(() -> parse(body, JSON)).as(body)
                    .isInstanceOfSatisfying(NotificationRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
        }
    }

    @Test
    void refusalsNameNoValueFromTheBodyAndCarryNoCause() {
        String secret = "S3CR3T";
        for (String body : List.of("{\"" + secret + "\":", "{\"orderNo\":\"" + secret + "\"} " + secret,
                secret, "orderNo=" + secret + "%zz", form("RequestBody", "{" + secret + "}"),
                "[" + "[".repeat(20) + "\"" + secret + "\"" + "]".repeat(21))) {
            assertThatThrownBy(() -> parse(body, JSON)).as(body)
                    .isInstanceOf(NotificationRejectedException.class)
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("orderNo"));
        }
    }

    @Test
    void builderDefaultsAndCeilings() {
        NotificationParser standard = NotificationParser.standard();
        assertThat(standard.maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(standard.maxOrderNumbers()).isEqualTo(500);
        assertThat(standard.maxDepth()).isEqualTo(16);
        NotificationParser top = NotificationParser.builder().maxBodyBytes(16 * 1024 * 1024).maxOrderNumbers(10_000)
                .maxDepth(64).build();
        assertThat(top.maxBodyBytes()).isEqualTo(16 * 1024 * 1024);
        assertThat(NotificationParser.builder().maxBodyBytes(1).maxOrderNumbers(1).maxDepth(1).build().maxDepth())
                .isEqualTo(1);
    }

    @Test
    void builderRefusesLimitsOutOfRange() {
        assertThatThrownBy(() -> NotificationParser.builder().maxBodyBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> NotificationParser.builder().maxBodyBytes(16 * 1024 * 1024 + 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> NotificationParser.builder().maxOrderNumbers(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOrderNumbers");
        assertThatThrownBy(() -> NotificationParser.builder().maxOrderNumbers(10_001).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOrderNumbers");
        assertThatThrownBy(() -> NotificationParser.builder().maxDepth(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> NotificationParser.builder().maxDepth(65).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> parser.parse((byte[]) null, JSON)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> parser.parse(new byte[0], null)).isInstanceOf(NullPointerException.class);
    }
}
