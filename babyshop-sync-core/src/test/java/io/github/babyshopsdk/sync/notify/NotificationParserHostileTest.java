package io.github.babyshopsdk.sync.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.notify.NotificationRejectedException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies: each is refused with its reason, or read for what it is, at a cost bounded by the parser's limits
 * (the stream is never read past {@code maxBodyBytes + 1}; the count limit stops the parse at the first number over
 * it).
 */
class NotificationParserHostileTest {
    private static final Optional<String> JSON = Optional.of("application/json");
    private static final Optional<String> FORM = Optional.of("application/x-www-form-urlencoded");
    private static final int MIB = 1024 * 1024;

    private final NotificationParser standard = NotificationParser.standard();
    private final NotificationParser roomy = NotificationParser.builder().maxBodyBytes(MIB).build();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NotificationRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static String numbersJson(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{\"orderNo\":\"ORD" + i + "\"}")
                .collect(Collectors.joining(",", "{\"orders\":[", "]}"));
    }

    // --- 10,000 order numbers

    @Test
    void tenThousandOrderNumbersExceedTheDefaultSize() {
        byte[] body = utf8(numbersJson(10_000));
        assertThat(body.length).isGreaterThan(NotificationParser.DEFAULT_MAX_BODY_BYTES);
        assertRefused(() -> standard.parse(body, JSON), Reason.TOO_LARGE);
    }

    @Test
    void tenThousandOrderNumbersExceedTheCountWhenTheSizeAllowsThem() {
        byte[] body = utf8(numbersJson(10_000));
        assertRefused(() -> roomy.parse(body, JSON), Reason.TOO_MANY_ORDER_NUMBERS);
        String form = IntStream.rangeClosed(1, 10_000).mapToObj(i -> "orderNo=F" + i).collect(Collectors.joining("&"));
        assertRefused(() -> roomy.parse(utf8(form), FORM), Reason.TOO_MANY_ORDER_NUMBERS);
        String array = IntStream.rangeClosed(1, 10_000).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "{\"orderNo\":[", "]}"));
        assertRefused(() -> roomy.parse(utf8(array), JSON), Reason.TOO_MANY_ORDER_NUMBERS);
    }

    @Test
    void theCountLimitIsExactAndCountsDistinctNumbers() {
        NotificationParser three = NotificationParser.builder().maxOrderNumbers(3).maxBodyBytes(MIB).build();
        assertThat(three.parse(utf8("{\"orderNo\":[\"A\",\"B\",\"C\",\"A\",\"B\",\"C\"]}"), JSON).orderNumbers())
                .containsExactly("A", "B", "C");
        assertRefused(() -> three.parse(utf8("{\"orderNo\":[\"A\",\"B\",\"C\",\"D\"]}"), JSON),
                Reason.TOO_MANY_ORDER_NUMBERS);
        // invalid values do not count towards the limit
        assertThat(three.parse(utf8("{\"orderNo\":[\"A\",true,false,\"B\",\"\\u0001\",\"C\"]}"), JSON)
                .invalidValues()).isEqualTo(3);
        // 10,000 repeats of one number are one number
        String repeats = "{" + IntStream.range(0, 10_000).mapToObj(i -> "\"orderNo\":\"A\"")
                .collect(Collectors.joining(",")) + "}";
        assertThat(three.parse(utf8(repeats), JSON).orderNumbers()).containsExactly("A");
    }

    @Test
    void theCeilingAcceptsTenThousand() {
        NotificationParser ceiling = NotificationParser.builder().maxBodyBytes(MIB)
                .maxOrderNumbers(NotificationParser.MAX_ORDER_NUMBERS_CEILING).build();
        List<String> numbers = ceiling.parse(utf8(numbersJson(10_000)), JSON).orderNumbers();
        assertThat(numbers).hasSize(10_000).startsWith("ORD1", "ORD2").endsWith("ORD10000");
    }

    @Test
    void theParseStopsAtTheFirstNumberOverTheLimit() {
        // 501 numbers, then malformed JSON: a parser that read on (or collected everything first) would call it
        // unreadable; the count refusal comes at the 501st number, before the tail is looked at
        String body = numbersJson(501).replaceFirst("]}$", "") + ",{\"orderNo\":tail";
        assertRefused(() -> standard.parse(utf8(body), JSON), Reason.TOO_MANY_ORDER_NUMBERS);
        String form = IntStream.rangeClosed(1, 501).mapToObj(i -> "orderNo=F" + i).collect(Collectors.joining("&"))
                + "&junk%zz";
        assertRefused(() -> standard.parse(utf8(form), FORM), Reason.TOO_MANY_ORDER_NUMBERS);
    }

    // --- deep JSON

    @Test
    void tenThousandNestedArraysOrObjectsAreUnreadable() {
        String arrays = "[".repeat(10_000) + "]".repeat(10_000);
        String objects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String orders = "{\"orders\":[".repeat(5_000) + "{\"orderNo\":\"A\"}" + "]}".repeat(5_000);
        for (String body : List.of(arrays, objects, orders, "[".repeat(60_000))) {
            assertRefused(() -> standard.parse(utf8(body), JSON), Reason.UNREADABLE);
            assertRefused(() -> roomy.parse(utf8(body), JSON), Reason.UNREADABLE);
        }
    }

    @Test
    void theDepthLimitIsExact() {
        String sixteen = "[".repeat(15) + "{\"orderNo\":\"A\"}" + "]".repeat(15);
        assertThat(standard.parse(utf8(sixteen), JSON).orderNumbers()).containsExactly("A");
        String seventeen = "[" + sixteen + "]";
        assertRefused(() -> standard.parse(utf8(seventeen), JSON), Reason.UNREADABLE);
        NotificationParser one = NotificationParser.builder().maxDepth(1).build();
        assertThat(one.parse(utf8("{\"orderNo\":\"A\"}"), JSON).orderNumbers()).containsExactly("A");
        assertRefused(() -> one.parse(utf8("{\"orderNo\":[\"A\"]}"), JSON), Reason.UNREADABLE);
    }

    @Test
    void deepJsonInsideAFormRequestBodyIsUnreadable() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertRefused(() -> roomy.parse(utf8("RequestBody=" + deep), FORM), Reason.UNREADABLE);
    }

    // --- size

    @Test
    void aHundredMegabyteStreamIsRefusedAfterReadingJustOverTheLimit() {
        CountingStream stream = new CountingStream(100L * MIB);
        assertRefused(() -> standard.parse(stream, JSON), Reason.TOO_LARGE);
        assertThat(stream.bytesRead).isEqualTo(NotificationParser.DEFAULT_MAX_BODY_BYTES + 1L);
        assertThat(stream.closed).isFalse();
    }

    @Test
    void aDrippingStreamIsReadToTheLimitAndNoFurther() {
        CountingStream stream = new CountingStream(10L * MIB).drip(7);
        NotificationParser small = NotificationParser.builder().maxBodyBytes(1000).build();
        assertRefused(() -> small.parse(stream, JSON), Reason.TOO_LARGE);
        assertThat(stream.bytesRead).isEqualTo(1001);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        String prefix = "{\"orderNo\":\"A\",\"pad\":\"";
        int pad = NotificationParser.DEFAULT_MAX_BODY_BYTES - prefix.length() - 2;
        byte[] body = utf8(prefix + "x".repeat(pad) + "\"}");
        assertThat(body).hasSize(NotificationParser.DEFAULT_MAX_BODY_BYTES);
        assertThat(standard.parse(body, JSON).orderNumbers()).containsExactly("A");
        CountingStream exact = new CountingStream(body);
        assertThat(standard.parse(exact, JSON).orderNumbers()).containsExactly("A");
        byte[] oneMore = utf8(prefix + "x".repeat(pad + 1) + "\"}");
        assertRefused(() -> standard.parse(oneMore, JSON), Reason.TOO_LARGE);
        assertRefused(() -> standard.parse(new CountingStream(oneMore), JSON), Reason.TOO_LARGE);
    }

    @Test
    void aStreamAnsweringZeroBytesIsStillReadToTheLimitOnly() {
        CountingStream stream = new CountingStream(10L * MIB).zeroEveryOtherRead();
        NotificationParser small = NotificationParser.builder().maxBodyBytes(1000).build();
        assertRefused(() -> small.parse(stream, JSON), Reason.TOO_LARGE);
        assertThat(stream.bytesRead).isEqualTo(1001);
        CountingStream shortOne = new CountingStream(utf8("{\"orderNo\":\"A\"}")).zeroEveryOtherRead();
        assertThat(small.parse(shortOne, JSON).orderNumbers()).containsExactly("A");
    }

    @Test
    void aFailingStreamIsAnIoErrorNotARefusal() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> standard.parse(broken, JSON)).isInstanceOf(UncheckedIOException.class);
    }

    // --- binary garbage, invalid UTF-8, control characters

    @Test
    void binaryGarbageIsUnreadable() {
        Random random = new Random(13);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[64 + random.nextInt(4096)];
            random.nextBytes(garbage);
            assertRefused(() -> standard.parse(garbage, Optional.empty()), Reason.UNREADABLE);
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
        byte[] utf16 = "{\"orderNo\":\"A\"}".getBytes(StandardCharsets.UTF_16);
        byte[] utf16le = "{\"orderNo\":\"A\"}".getBytes(StandardCharsets.UTF_16LE);
        for (byte[] body : List.of(png, gzip, utf16, utf16le)) {
            assertRefused(() -> standard.parse(body, JSON), Reason.UNREADABLE);
        }
    }

    @Test
    void invalidUtf8IsUnreadableWhereverItIs() {
        byte[][] sequences = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}};
        for (byte[] bad : sequences) {
            for (String template : List.of("{\"orderNo\":\"A%s\"}", "{\"orderNo\":\"A\",\"name\":\"%s\"}",
                    "orderNo=A&name=%s", "orderNo=A%s")) {
                byte[] body = splice(template, bad);
                assertRefused(() -> standard.parse(body, Optional.empty()), Reason.UNREADABLE);
            }
            String escaped = percent(bad);
            assertRefused(() -> standard.parse(utf8("orderNo=A" + escaped), FORM), Reason.UNREADABLE);
            assertRefused(() -> standard.parse(utf8("orderNo=A&name=" + escaped), FORM), Reason.UNREADABLE);
        }
    }

    private static byte[] splice(String template, byte[] bad) {
        int at = template.indexOf("%s");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(template.substring(0, at)));
        out.writeBytes(bad);
        out.writeBytes(utf8(template.substring(at + 2)));
        return out.toByteArray();
    }

    private static String percent(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%%%02X", b & 0xFF));
        }
        return text.toString();
    }

    @Test
    void rawControlBytesAreUnreadable() {
        for (String body : List.of("orderNo=A\u0000B", "orderNo=A&x=\u0000", "{\"orderNo\":\"A\u0000\"}",
                "{\"orderNo\":\"A\"}\u0000", "\u0000{\"orderNo\":\"A\"}", "orderNo=A\u001B[2J", "\u0007")) {
            assertRefused(() -> standard.parse(utf8(body), Optional.empty()), Reason.UNREADABLE);
        }
    }

    @Test
    void escapedControlCharactersInOrderValuesAreInvalidValues() {
        ParsedNotification json = standard.parse(utf8("{\"orderNos\":[\"A\\u0000\",\"B\\n\",\"\\u2028C\","
                + "\"D\\u0085\",\"E\\t\",\"ok\"],\"note\":\"\\u0000\\u001b\"}"), JSON);
        assertThat(json.orderNumbers()).containsExactly("ok");
        assertThat(json.invalidValues()).isEqualTo(5);
        ParsedNotification form = standard.parse(utf8("orderNo=A%00&orderNo=B%0A&orderNo=%E2%80%A8C&orderNo=ok"
                + "&note=%00%1B&orderNo=E\tF"), FORM);
        assertThat(form.orderNumbers()).containsExactly("ok");
        assertThat(form.invalidValues()).isEqualTo(4);
    }

    @Test
    void brokenSurrogatesAreInvalidValuesInValuesAndUnreadableInNames() {
        ParsedNotification value = standard.parse(utf8("{\"orderNo\":[\"\\ud800\",\"\\udc00x\",\"ok\"]}"), JSON);
        assertThat(value.orderNumbers()).containsExactly("ok");
        assertThat(value.invalidValues()).isEqualTo(2);
        // Jackson refuses a broken pair in a field name
        assertRefused(() -> standard.parse(utf8("{\"\\ud800\":1,\"orderNo\":\"A\"}"), JSON), Reason.UNREADABLE);
        assertThat(standard.parse(utf8("{\"\\ud83d\\ude00\":1,\"orderNo\":\"A\\ud83d\\ude00\"}"), JSON)
                .orderNumbers()).containsExactly("A\ud83d\ude00");
    }

    // --- huge numbers and strings

    @Test
    void hugeStringsAreIgnoredOrInvalidNeverExpanded() {
        String big = "x".repeat(60_000);
        ParsedNotification ignored = standard.parse(utf8("{\"note\":\"" + big + "\",\"orderNo\":\"A\"}"), JSON);
        assertThat(ignored.orderNumbers()).containsExactly("A");
        ParsedNotification invalid = standard.parse(utf8("{\"orderNo\":\"" + big + "\"}"), JSON);
        assertThat(invalid.orderNumbers()).isEmpty();
        assertThat(invalid.invalidValues()).isEqualTo(1);
        ParsedNotification longName = standard.parse(utf8("{\"" + big + "\":1,\"orderNo\":\"A\"}"), JSON);
        assertThat(longName.orderNumbers()).containsExactly("A");
        ParsedNotification formValue = standard.parse(utf8("orderNo=" + big + "&orderNo=B"), FORM);
        assertThat(formValue.orderNumbers()).containsExactly("B");
        assertThat(formValue.invalidValues()).isEqualTo(1);
    }

    @Test
    void hugeNumbers() {
        String thousandDigits = "9".repeat(1000);
        ParsedNotification tooLong = standard.parse(utf8("{\"orderNo\":" + thousandDigits + "}"), JSON);
        assertThat(tooLong.orderNumbers()).isEmpty();
        assertThat(tooLong.invalidValues()).isEqualTo(1);
        String longest = "9".repeat(128);
        assertThat(standard.parse(utf8("{\"orderNo\":" + longest + "}"), JSON).orderNumbers())
                .containsExactly(longest);
        // exponents are never expanded: 1e999999999 would be a billion digits
        ParsedNotification exponents = standard.parse(utf8("{\"orderNo\":[1e999999999,1e-999999999,"
                + "1e99999999999,-1E+2]}"), JSON);
        assertThat(exponents.orderNumbers()).containsExactly("-100");
        assertThat(exponents.invalidValues()).isEqualTo(3);
        // beyond the number-length limit the document is unreadable, wherever the number is
        String over = "9".repeat(JsonOrderScanner.MAX_NUMBER_LENGTH + 1);
        assertRefused(() -> standard.parse(utf8("{\"orderNo\":" + over + "}"), JSON), Reason.UNREADABLE);
        assertRefused(() -> standard.parse(utf8("{\"amount\":0." + over + "}"), JSON), Reason.UNREADABLE);
    }

    // --- forms

    @Test
    void aFormWithTenThousandFields() {
        String ignored = IntStream.range(0, 10_000).mapToObj(i -> "f" + i + "=v" + i)
                .collect(Collectors.joining("&"));
        assertThat(roomy.parse(utf8(ignored + "&orderNo=LAST"), FORM).orderNumbers()).containsExactly("LAST");
        assertThat(roomy.parse(utf8("&".repeat(10_000) + "orderNo=A" + "&".repeat(10_000)), FORM).orderNumbers())
                .containsExactly("A");
        String requestBodies = IntStream.range(0, 10_000).mapToObj(i -> "RequestBody=%7B%7D")
                .collect(Collectors.joining("&"));
        assertThat(roomy.parse(utf8(requestBodies), FORM).orderNumbers()).isEmpty();
        assertRefused(() -> standard.parse(utf8(ignored), FORM), Reason.TOO_LARGE);
    }

    // --- lying content types

    @Test
    void aLyingContentTypeChangesNothing() {
        assertThat(standard.parse(utf8("{\"orderNo\":\"A\"}"), FORM).orderNumbers()).containsExactly("A");
        assertThat(standard.parse(utf8("orderNo=A"), JSON).orderNumbers()).containsExactly("A");
        assertThat(standard.parse(utf8("orderNo=A"), Optional.of("image/png")).orderNumbers()).containsExactly("A");
        assertThat(standard.parse(utf8("{\"orderNo\":\"A\"}"), Optional.of("application/json; charset=UTF-16"))
                .orderNumbers()).containsExactly("A");
        byte[] garbage = {0x00, 0x01, (byte) 0xFE, (byte) 0xFF};
        assertRefused(() -> standard.parse(garbage, JSON), Reason.UNREADABLE);
        assertRefused(() -> standard.parse(garbage, FORM), Reason.UNREADABLE);
        assertRefused(() -> standard.parse(utf8("<html><body>orderNo</body></html>"), JSON), Reason.UNREADABLE);
    }

    /** A stream of {@code size} bytes of a JSON-looking body, counting what the parser takes from it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        private final byte[] content;
        private long bytesRead;
        private int chunk = Integer.MAX_VALUE;
        private boolean closed;
        private boolean zeroes;
        private boolean zeroNext;

        CountingStream(long size) {
            this.size = size;
            this.content = null;
        }

        CountingStream(byte[] content) {
            this.size = content.length;
            this.content = content;
        }

        CountingStream zeroEveryOtherRead() {
            this.zeroes = true;
            return this;
        }

        CountingStream drip(int bytesPerRead) {
            this.chunk = bytesPerRead;
            return this;
        }

        private byte at(long position) {
            if (content != null) {
                return content[(int) position];
            }
            String head = "{\"orderNo\":\"A\",\"pad\":\"";
            return position < head.length() ? (byte) head.charAt((int) position) : (byte) 'x';
        }

        @Override
        public int read() {
            if (bytesRead >= size) {
                return -1;
            }
            return at(bytesRead++) & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (bytesRead >= size) {
                return -1;
            }
            zeroNext = !zeroNext;
            if (zeroes && zeroNext) {
                return 0;
            }
            int count = (int) Math.min(Math.min(length, chunk), size - bytesRead);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = at(bytesRead++);
            }
            return count;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
