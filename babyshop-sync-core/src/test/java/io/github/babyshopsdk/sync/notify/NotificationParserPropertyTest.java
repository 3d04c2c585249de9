package io.github.babyshopsdk.sync.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.notify.NotificationRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the parser. For ANY bytes (random, token soup, mutated JSON) it returns only valid, distinct order
 * numbers within the count limit, or throws {@link NotificationRejectedException}: never anything else, and the same
 * whether the body comes as a stream or an array. For generated JSON trees (sent as JSON or inside a form's
 * {@code RequestBody}) it returns exactly what an independent model of the rules finds, or refuses for the limit the
 * tree breaks.
 */
class NotificationParserPropertyTest {
    private static final int SMALL_BODY = 2048;
    private static final int SMALL_COUNT = 5;
    private static final int SMALL_DEPTH = 6;
    private static final NotificationParser STANDARD = NotificationParser.standard();
    private static final NotificationParser SMALL = NotificationParser.builder().maxBodyBytes(SMALL_BODY)
            .maxOrderNumbers(SMALL_COUNT).maxDepth(SMALL_DEPTH).build();
    private static final Set<String> ORDER_KEYS = Set.of("orderno", "ordernumber", "masterorderno",
            "masterordernumber", "ordernos", "ordernumbers", "masterordernos", "masterordernumbers");

    // ---------------------------------------------------------------- any bytes: result or refusal, nothing else

    @Property(tries = 400)
    void anyBytesGiveValidDistinctNumbersOrARefusal(@ForAll("anyBytes") byte[] body) {
        checkInvariants(STANDARD, body);
        checkInvariants(SMALL, body);
    }

    @Property(tries = 400)
    void tokenSoupGivesValidDistinctNumbersOrARefusal(@ForAll("tokenSoup") String body) {
        checkInvariants(STANDARD, body.getBytes(StandardCharsets.UTF_8));
        checkInvariants(SMALL, body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void mutatedJsonGivesValidDistinctNumbersOrARefusal(@ForAll("trees") Object tree,
            @ForAll("mutations") List<int[]> mutations) {
        byte[] body = json(tree).getBytes(StandardCharsets.UTF_8);
        for (int[] mutation : mutations) {
            if (body.length == 0) {
                break;
            }
            int at = Math.floorMod(mutation[1], body.length);
            switch (mutation[0]) {
                case 0 -> body[at] = (byte) mutation[2];
                case 1 -> body = java.util.Arrays.copyOf(body, at);
                default -> {
                    byte[] longer = new byte[body.length + 1];
                    System.arraycopy(body, 0, longer, 0, at);
                    longer[at] = (byte) mutation[2];
                    System.arraycopy(body, at, longer, at + 1, body.length - at);
                    body = longer;
                }
            }
        }
        checkInvariants(STANDARD, body);
        checkInvariants(SMALL, body);
    }

    private static void checkInvariants(NotificationParser parser, byte[] body) {
        Throwable arrayOutcome = null;
        ParsedNotification parsed = null;
        try {
            parsed = parser.parse(body, Optional.empty());
        } catch (NotificationRejectedException e) {
            arrayOutcome = e;
        }
        Throwable streamOutcome = catchThrowable(() -> parser.parse(new ByteArrayInputStream(body), Optional.empty()));
        if (parsed == null) {
            assertThat(streamOutcome).isInstanceOf(NotificationRejectedException.class);
            assertThat(((NotificationRejectedException) streamOutcome).reason())
                    .isEqualTo(((NotificationRejectedException) arrayOutcome).reason());
            return;
        }
        assertThat(streamOutcome).isNull();
        assertThat(parser.parse(new ByteArrayInputStream(body), Optional.empty())).isEqualTo(parsed);
        assertThat(parsed.orderNumbers()).hasSizeLessThanOrEqualTo(parser.maxOrderNumbers())
                .doesNotHaveDuplicates()
                .allSatisfy(number -> assertThat(RemoteKey.isValid(number)).as("valid key").isTrue());
        assertThat(parsed.invalidValues()).isNotNegative();
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("{", "}", "[", "]", ":", ",", " ", "\"", "\"orderNo\"",
                "\"masterOrderNo\"", "\"order_no\"", "\"RequestBody\"", "\"orders\"", "\"status\"", "\"A1\"",
                "\"100000019\"", "12", "-0", "1.5e3", "1e999999999", "true", "null", "\"[\\\"X\\\",2]\"", "\"[\"",
                "\"\\u0000\"", "\"\\ud800\"", "\\", "orderNo=", "RequestBody=", "&", "=", "%41", "%7B", "%22", "%zz",
                "%", "+", "\n", "\u0000", "\u00e9", "\u2028", "\uFEFF", "x");
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    // ---------------------------------------------------------------- JSON trees: exactly what the model finds

    @Property(tries = 600)
    void treesGiveExactlyWhatTheModelFinds(@ForAll("trees") Object tree, @ForAll boolean inAForm) {
        Object root = tree instanceof Arr || tree instanceof Obj ? tree : new Arr(List.of(tree));
        String json = json(root);
        String body = inAForm ? "RequestBody=" + URLEncoder.encode(json, StandardCharsets.UTF_8) : json;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Model model = new Model();
        model.walk(root, false);
        int depth = depth(root);

        boolean tooDeep = depth > SMALL_DEPTH;
        boolean tooMany = model.numbers.size() > SMALL_COUNT;
        String outcome = bytes.length > SMALL_BODY ? "too large" : tooDeep ? (tooMany ? "too deep and many" : "too deep")
                : tooMany ? "too many" : model.numbers.isEmpty() ? "read, no number" : "read, numbers";
        Statistics.label("outcome").collect(outcome);
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("read, numbers").percentage(percent -> percent >= 20);
            coverage.check("too deep").count(count -> count > 0);
            coverage.check("too many").count(count -> count > 0);
            coverage.check("too large").count(count -> count > 0);
        });

        Throwable thrown = catchThrowable(() -> SMALL.parse(bytes, Optional.of("application/json")));
        if (bytes.length > SMALL_BODY) {
            assertThat(reason(thrown)).isEqualTo(Reason.TOO_LARGE);
            return;
        }
        if (!tooDeep && !tooMany) {
            assertThat(thrown).isNull();
            ParsedNotification parsed = SMALL.parse(bytes, Optional.empty());
            assertThat(parsed.orderNumbers()).containsExactlyElementsOf(model.numbers);
            assertThat(parsed.invalidValues()).isEqualTo(model.invalid);
        } else if (tooDeep && !tooMany) {
            assertThat(reason(thrown)).isEqualTo(Reason.UNREADABLE);
        } else if (!tooDeep) {
            assertThat(reason(thrown)).isEqualTo(Reason.TOO_MANY_ORDER_NUMBERS);
        } else {
            assertThat(reason(thrown)).isIn(Reason.UNREADABLE, Reason.TOO_MANY_ORDER_NUMBERS);
        }
    }

    private static Reason reason(Throwable thrown) {
        assertThat(thrown).isInstanceOf(NotificationRejectedException.class);
        return ((NotificationRejectedException) thrown).reason();
    }

    /** The rules, written again independently of the parser: recursive, on a tree, no streaming. */
    private static final class Model {
        final LinkedHashSet<String> numbers = new LinkedHashSet<>();
        int invalid;

        void walk(Object node, boolean orderSlot) {
            if (node instanceof Arr arr) {
                arr.items().forEach(item -> walk(item, orderSlot));
            } else if (node instanceof Obj obj) {
                obj.members().forEach(member -> walk(member.getValue(), isOrderKey(member.getKey())));
            } else if (!orderSlot || node == Null.NULL || "".equals(node)) {
                return;
            } else if (node instanceof Boolean) {
                invalid++;
            } else {
                String text = node instanceof Num num ? num.text() : (String) node;
                if (RemoteKey.isValid(text)) {
                    numbers.add(text);
                } else {
                    invalid++;
                }
            }
        }

        private static boolean isOrderKey(String key) {
            return ORDER_KEYS.contains(key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT));
        }
    }

    private static int depth(Object node) {
        if (node instanceof Arr arr) {
            return 1 + arr.items().stream().mapToInt(NotificationParserPropertyTest::depth).max().orElse(0);
        }
        if (node instanceof Obj obj) {
            return 1 + obj.members().stream().mapToInt(m -> depth(m.getValue())).max().orElse(0);
        }
        return 0;
    }

    record Arr(List<Object> items) {
    }

    record Obj(List<Map.Entry<String, Object>> members) {
    }

    record Num(String text) {
    }

    enum Null { NULL }

    /**
     * Trees up to 8 levels (the small parser allows 6), at most 3 members per container (8 in a list of order numbers),
     * weighted towards order-number fields so that most trees name numbers and some name too many.
     */
    @Provide
    Arbitrary<Object> trees() {
        Arbitrary<Object> orderList = Combinators.combine(orderKeys(), scalars().list().ofMaxSize(8))
                .as((key, items) -> (Object) new Obj(List.of(Map.entry(key, (Object) new Arr(items)))));
        return Arbitraries.recursive(() -> Arbitraries.frequencyOf(Tuple.of(3, scalars()), Tuple.of(1, orderList)),
                inner -> Arbitraries.frequencyOf(
                        Tuple.of(1, inner),
                        Tuple.of(2, inner.list().ofMaxSize(3).map(items -> (Object) new Arr(items))),
                        Tuple.of(4, Arbitraries.entries(keys(), inner).list().ofMaxSize(3)
                                .map(members -> (Object) new Obj(new ArrayList<>(members))))), 0, 8);
    }

    private static Arbitrary<String> orderKeys() {
        return Arbitraries.of("orderNo", "masterOrderNo", "order_no", "ORDERNO", "Order-Number", "orderNos",
                "master_order_numbers");
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, orderKeys()),
                Tuple.of(2, Arbitraries.of("orders", "data", "orderList", "status", "id", "orderId", "extOrderNo")),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)))
                .filter(key -> !key.replace("_", "").replace("-", "").equalsIgnoreCase("requestbody"))
                // Jackson refuses a broken surrogate pair in a name (the body is then unreadable; see the hostile test)
                .filter(key -> key.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    private static Arbitrary<Object> scalars() {
        Arbitrary<String> strings = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("A1", "100000019", "NYKL00002637", "501242014-33", "", " ", "\t", "A1")),
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars("-_/ ").ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(120).ofMaxLength(140)))
                .filter(text -> !startsWithBracket(text));
        Arbitrary<Num> integers = Arbitraries.oneOf(
                Arbitraries.longs().map(value -> Long.toString(value)),
                Arbitraries.integers().between(1, 9).flatMap(first -> Arbitraries.strings().numeric()
                        .ofMinLength(100).ofMaxLength(200).map(rest -> first + rest)))
                .map(Num::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, strings.map(text -> (Object) text)),
                Tuple.of(3, integers.map(num -> (Object) num)),
                Tuple.of(1, Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(flag -> (Object) flag)),
                Tuple.of(1, Arbitraries.just(Null.NULL).map(nothing -> (Object) nothing)));
    }

    private static boolean startsWithBracket(String text) {
        String stripped = text.replaceFirst("^[ \\t\\r\\n]+", "");
        return stripped.startsWith("[");
    }

    private static String json(Object node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(Object node, StringBuilder out) {
        if (node instanceof Arr arr) {
            out.append('[');
            for (int i = 0; i < arr.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(arr.items().get(i), out);
            }
            out.append(']');
        } else if (node instanceof Obj obj) {
            out.append('{');
            for (int i = 0; i < obj.members().size(); i++) {
                out.append(i == 0 ? "" : ",");
                string(obj.members().get(i).getKey(), out);
                out.append(':');
                write(obj.members().get(i).getValue(), out);
            }
            out.append('}');
        } else if (node instanceof Num num) {
            out.append(num.text());
        } else if (node instanceof Boolean || node == Null.NULL) {
            out.append(node == Null.NULL ? "null" : node.toString());
        } else {
            string((String) node, out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

}
