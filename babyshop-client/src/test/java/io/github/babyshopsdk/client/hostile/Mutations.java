package io.github.babyshopsdk.client.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.babyshopsdk.client.hostile.support.Bodies.Segment;
import io.github.babyshopsdk.client.hostile.support.Bodies;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * Builds the hostile answers: starts from an operation's reference answer and mutates one field, the
 * whole body, the encoding, the HTTP framing or the connection, choosing with the given {@link Random}
 * (which jqwik seeds, so every case is reproducible from the seed). Stateless apart from the URL of the
 * other server that redirects point to.
 */
final class Mutations {
    /** The JSON response cap the client applies by default (the contract's 16 MiB). */
    static final long JSON_CAP = 16L * 1024 * 1024;
    /** The document cap of fetchDocuments (64 MiB). */
    static final long DOCUMENT_CAP = 64L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@HOLE-9f31@@";
    private static final String SUCCESS_ENVELOPE = "{\"responseCode\":0,\"responseMessage\":\"Success\"}";

    private static final String[] WRONG_FOR_ARRAY = {"\"N/A\"", "0", "true", "{}", "{\"0\":{}}", "\"[]\"", "[[]]",
        "[1,2,3]", "[\"x\"]", "[null]", "[true,false]", "[[[\"deep\"]]]", "-1"};
    private static final String[] WRONG_FOR_OBJECT = {"\"N/A\"", "[]", "[{}]", "1", "false", "[[{}]]", "\"{}\""};
    private static final String[] WRONG_FOR_SCALAR = {"[]", "[\"1\"]", "{}", "{\"value\":\"1\"}", "12", "-1.5", "true",
        "[[[\"deep\"]]]", "[{\"a\":null}]", "false", "0", "\"\\u0000\"", "{\"$ref\":\"#\"}"};
    private static final String[] EMPTY = {"null", "\"\"", "\"   \"", "\"null\"", "\"\\u0000\"", "\"\\t\\r\\n\"", null};
    private static final String[] ODD_NUMBERS = {"1E2147483648", "4294967296", "-0", "-0.0", "1e999999999",
        "9223372036854775808", "-9223372036854775809", "0.000000000000000000001", "2147483648", "-2147483649",
        "1.7976931348623157E309", "4.9E-325", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"1e999999999\"",
        "\"4294967296\"", "\"-0\"", "\"0x1F\"", "\"1,234.00\"", "\"\\u0661\\u0662\\u0663\"", "\"  12  \"",
        "\"12abc\"", "\"1E2147483648\"", "0.5", "-1", "1e-999999999", "00012", "+1", ".5", "1.", "0x10",
        "\"9999999999999999999999999999.999\""};
    /** Values of responseCode that must never read as success: out of an int, or not zero. */
    private static final String[] FAILING_CODES = {"4294967296", "2147483648", "-4294967296", "1E2147483648",
        "18446744073709551616", "1e10", "4294967296.0", "-1", "99999999999999999999", "\"4294967296\"",
        "\"1E2147483648\"", "1e999999999", "\"abc\"", "[0]", "{\"code\":0}", "true", "0.5", "-2147483648",
        "NaN", "\"0x0\""};
    /** Values of responseCode that may be read either way (a lenient zero). */
    private static final String[] AMBIGUOUS_CODES = {"\"0\"", "\" 0 \"", "-0", "0.0", "null", "\"00\"", "0E5", "\"\"",
        "\"\\u0000\""};
    private static final String[] BAD_UTF8 = {"FF", "FE", "C328", "A0A1", "E228A1", "F0288CBC", "C080", "EDA080",
        "F888808080", "80", "C0", "E2", "F4908080", "FFFE0000"};
    private static final int[] STATUSES = {201, 202, 203, 204, 205, 206, 207, 226, 299, 300, 304, 400, 401, 403,
        404, 405, 406, 408, 409, 410, 411, 413, 414, 415, 418, 422, 425, 429, 431, 451, 499, 500, 501, 502, 503,
        504, 505, 507, 508, 511, 520, 522, 524, 599, 600, 999};
    private static final int[] REDIRECTS = {301, 302, 303, 307, 308, 300};
    private static final String[] CONTENT_TYPES = {"text/html", "text/plain", "application/xml", "image/png",
        "application/octet-stream", "application/pdf", "application/json; charset=utf-16",
        "application/json; charset=bogus-8", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
        "*/*", "application/json;;;", "application/problem+json", ""};

    private final String elsewhereUrl;
    private final GzipBombs bombs;

    Mutations(String elsewhereUrl, GzipBombs bombs) {
        this.elsewhereUrl = elsewhereUrl;
        this.bombs = bombs;
    }

    /** One case of {@code kind} for {@code operation}, every choice taken from {@code random}. */
    HostileCase build(HostileOperation operation, Kind kind, Random random) {
        Builder b = new Builder(operation, kind, random);
        switch (kind) {
            case WRONG_TYPE:
                return b.wrongType();
            case NULL_EMPTY_ABSENT:
                return b.nullEmptyAbsent();
            case HUGE_STRING:
                return b.hugeString();
            case ODD_NUMBER:
                return b.oddNumber();
            case RESPONSE_CODE:
                return b.responseCode();
            case TOP_LEVEL_SHAPE:
                return b.topLevelShape();
            case DEEP_NESTING:
                return b.deepNesting();
            case ENORMOUS_LIST:
                return b.enormousList();
            case TRUNCATED:
                return b.truncated();
            case INVALID_UTF8:
                return b.invalidUtf8();
            case BOM:
                return b.bom();
            case BINARY_GARBAGE:
                return b.binaryGarbage();
            case HTML_PAGE:
                return b.htmlPage();
            case EMPTY_BODY:
                return b.emptyBody();
            case WRONG_CONTENT_TYPE:
                return b.wrongContentType();
            case GZIP_BOMB:
                return b.gzipBomb();
            case OVER_CAP:
                return b.overCap();
            case HTTP_STATUS:
                return b.httpStatus();
            case REDIRECT:
                return b.redirect();
            case CONNECTION_RESET:
                return b.connectionReset();
            case SLOW_DRIP:
                return b.slowDrip();
            case STALLED_HEADERS:
                return b.stalledHeaders();
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    /** The reference success answer of an operation (a PDF for fetchDocuments). */
    static MockResponse reference(HostileOperation operation) {
        if (operation == HostileOperation.FETCH_DOCUMENTS) {
            return pdf();
        }
        return json(200, Bodies.utf8(operation.referenceJson()));
    }

    static MockResponse pdf() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf")
                .setHeader("Content-Disposition", "attachment; filename=\"label-43549032482934345.pdf\"")
                .body(new Buffer().write(HostileOperation.Fixtures.PDF)).build();
    }

    static MockResponse json(int code, byte[] body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(new Buffer().write(body)).build();
    }

    static MockResponse streamedJson(int code, List<Segment> segments, boolean chunked) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json").body(Bodies.streamed(segments, chunked));
        if (chunked) {
            builder.removeHeader("Content-Length").setHeader("Transfer-Encoding", "chunked");
        }
        return builder.build();
    }

    /** A JSON template with one hole: the text before and after a value (or a missing field). */
    record Template(String prefix, String suffix, String pathText, JsonNode original) {
        byte[] fill(String raw) {
            return Bodies.utf8(prefix + raw + suffix);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every value path under the root (fields and the first element of each array), depth first. */
    static List<List<Object>> paths(JsonNode root) {
        List<List<Object>> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<Object> path = new ArrayList<>(at);
                path.add(field.getKey());
                out.add(path);
                collect(field.getValue(), path, out);
            }
        } else if (node.isArray() && node.size() > 0) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            out.add(path);
            collect(node.get(0), path, out);
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /** The template with the value at {@code path} replaced by the hole, or the field removed when {@code absent}. */
    static Template template(String referenceJson, List<Object> path, boolean absent, boolean insideString) {
        JsonNode root = tree(referenceJson);
        JsonNode original = at(root, path);
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        String hole = insideString ? "ab" + HOLE + "cd" : HOLE;
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            if (absent) {
                array.remove(index.intValue());
            } else {
                array.set(index, TextNode.valueOf(hole));
            }
        } else if (absent) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, TextNode.valueOf(hole));
        }
        String text = text(root);
        String marker = insideString ? HOLE : "\"" + HOLE + "\"";
        int cut = text.indexOf(marker);
        String pathText = String.valueOf(path);
        if (cut < 0) {
            return new Template(text, "", pathText, original);
        }
        return new Template(text.substring(0, cut), text.substring(cut + marker.length()), pathText, original);
    }

    /** The builder of one case. */
    private final class Builder {
        private final HostileOperation op;
        private final Kind kind;
        private final Random random;
        private final String reference;

        Builder(HostileOperation op, Kind kind, Random random) {
            this.op = op;
            this.kind = kind;
            this.random = random;
            // fetchDocuments answers JSON only when failing; half its JSON cases start from a code-0 envelope
            this.reference = op == HostileOperation.FETCH_DOCUMENTS && random.nextBoolean() ? SUCCESS_ENVELOPE
                    : op.referenceJson();
        }

        private <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        private int pick(int[] values) {
            return values[random.nextInt(values.length)];
        }

        private List<Object> anyPath() {
            List<List<Object>> all = paths(tree(reference));
            return all.get(random.nextInt(all.size()));
        }

        private List<Object> pathWhere(java.util.function.Predicate<JsonNode> test) {
            JsonNode root = tree(reference);
            List<List<Object>> matching = paths(root).stream().filter(p -> test.test(at(root, p))).toList();
            return matching.isEmpty() ? anyPath() : matching.get(random.nextInt(matching.size()));
        }

        private HostileCase of(String description, MockResponse response) {
            return HostileCase.of(op, kind, description, response);
        }

        /** A field mutation: fails when the field was the responseCode and the value is not a clean zero. */
        private HostileCase field(Template template, String raw, String what) {
            byte[] body = raw == null ? Bodies.utf8(template.prefix() + template.suffix()) : template.fill(raw);
            HostileCase c = of(what + " at " + template.pathText() + ": " + abbreviate(raw == null ? "(absent)" : raw),
                    json(200, body));
            // a mutated responseCode may be a readable error code (12, -1): a write may then fail typed
            return template.pathText().equals("[responseCode]") ? c.anyTypedWriteFailure() : c;
        }

        HostileCase wrongType() {
            List<Object> path = anyPath();
            Template template = template(reference, path, false, false);
            JsonNode original = template.original();
            String raw = original.isArray() ? pick(WRONG_FOR_ARRAY) : original.isObject() ? pick(WRONG_FOR_OBJECT)
                    : pick(WRONG_FOR_SCALAR);
            return field(template, raw, "wrong type (was " + original.getNodeType() + ")");
        }

        HostileCase nullEmptyAbsent() {
            List<Object> path = anyPath();
            String raw = pick(EMPTY);
            Template template = template(reference, path, raw == null, false);
            return field(template, raw, raw == null ? "field removed" : "null/empty");
        }

        HostileCase oddNumber() {
            List<Object> path = random.nextInt(3) == 0 ? anyPath()
                    : pathWhere(n -> n.isNumber() || n.isTextual() && n.asText().matches("-?[0-9.]+"));
            return field(template(reference, path, false, false), pick(ODD_NUMBERS), "odd number");
        }

        HostileCase responseCode() {
            JsonNode root = tree(reference);
            if (!root.has("responseCode")) {
                ((ObjectNode) root).put("responseCode", 0);
            }
            String json = text(root);
            boolean failing = random.nextInt(4) != 0;
            String raw = failing ? pick(FAILING_CODES) : pick(AMBIGUOUS_CODES);
            boolean absent = !failing && random.nextInt(4) == 0;
            Template template = template(json, List.of("responseCode"), absent, false);
            HostileCase c = field(template, absent ? null : raw, "responseCode");
            c = c.anyTypedWriteFailure();
            return failing ? c.failing() : c;
        }

        HostileCase topLevelShape() {
            String ref = reference.strip();
            String[] shapes = {"[]", "[" + ref + "]", "[" + ref + "," + ref + "]", "null", "0", "\"" + ref.replace("\"",
                    "\\\"").replace("\n", "\\n") + "\"", "true", "{}", "[[" + ref + "]]", ref + "xyz", ref + ref,
                "{\"responseCode\":0,\"responseCode\":1," + ref.substring(1), "[" + ref + ",0]", "[null]",
                "[" + ref + ",\"x\"]", "{\"data\":" + ref + "}", "/* comment */" + ref, ref + "\u0000",
                "{'responseCode':0}", "{responseCode:0}", "[" + "{}".repeat(1) + "]"};
            int choice = random.nextInt(shapes.length);
            String body = shapes[choice];
            HostileCase c = of("body " + abbreviate(body), json(200, Bodies.utf8(body)));
            // shapes that are not envelopes carrying code 0 must fail
            // a lenient reader may take an array's first envelope, ignore trailing bytes or comments, or
            // (skuBackOrder, which has no envelope) take a data object
            boolean canSucceed = java.util.Set.of(1, 2, 8, 9, 10, 11, 16, 17).contains(choice)
                    || choice == 15 && op == HostileOperation.SKU_BACK_ORDER
                    || (choice == 12 || choice == 14) && op == HostileOperation.AUTH_TOKEN;
            return canSucceed || op == HostileOperation.FETCH_DOCUMENTS ? c : c.failing();
        }

        HostileCase hugeString() {
            List<Object> path = random.nextInt(3) == 0 ? List.of("responseMessage") : anyPath();
            if (!tree(reference).has("responseMessage") && path.equals(List.of("responseMessage"))) {
                path = anyPath();
            }
            boolean inside = random.nextBoolean();
            Template template = template(reference, path, false, inside);
            String[] units = {"x", "\u20ac", "\\u0000", "\\\"", "\ud83d\ude00", " ", "\\n", "<script>"};
            String unit = pick(units);
            long size = (1 + random.nextInt(10)) * MIB;
            List<Segment> segments = List.of(Bodies.once(template.prefix() + (inside ? "" : "\"")),
                    Bodies.repeat(unit, size), Bodies.once((inside ? "" : "\"") + template.suffix()));
            boolean chunked = random.nextBoolean();
            return of("string of " + size / MIB + " MiB of '" + unit + "' at " + template.pathText()
                    + (chunked ? " (chunked)" : ""), streamedJson(200, segments, chunked));
        }

        HostileCase deepNesting() {
            int[] depths = {1_001, 5_000, 100_000, 1_000_000, 3_000_000};
            int depth = pick(depths);
            String[][] pairs = {{"[", "]"}, {"{\"a\":", "}"}, {"[{\"x\":", "}]"}};
            String[] pair = pick(pairs);
            boolean closed = random.nextInt(4) != 0;
            boolean whole = random.nextInt(3) == 0;
            Template template = whole ? new Template("", "", "(body)", null)
                    : template(reference, anyPath(), false, false);
            String leaf = pair[0].startsWith("[") && pair[0].length() == 1 ? "" : "1";
            List<Segment> segments = new ArrayList<>();
            segments.add(Bodies.once(template.prefix()));
            segments.add(Bodies.repeat(pair[0], (long) depth * pair[0].length()));
            segments.add(Bodies.once(leaf));
            if (closed) {
                segments.add(Bodies.repeat(pair[1], (long) depth * pair[1].length()));
            }
            segments.add(Bodies.once(template.suffix()));
            HostileCase c = of("nesting " + depth + " deep of " + pair[0] + (closed ? "" : " (unclosed)") + " at "
                    + template.pathText(), streamedJson(200, segments, random.nextBoolean()));
            return whole || !closed ? c.failing() : c;
        }

        HostileCase enormousList() {
            String[] elements = {"0", "{}", "null", "\"x\"", "[]", "{\"sku\":[]}", "true", "{\"orderNo\":{}}",
                "{\"orderItems\":\"x\"}", "-1e999"};
            String element = pick(elements);
            long[] sizes = {100_000, 1_000_000, 4 * MIB, 12 * MIB};
            long size = sizes[random.nextInt(sizes.length)];
            JsonNode root = tree(reference);
            boolean hasList = paths(root).stream().anyMatch(p -> at(root, p).isArray());
            boolean topLevel = !hasList || random.nextInt(4) == 0;
            List<Segment> segments = new ArrayList<>();
            String where;
            if (topLevel) {
                // a top-level array of envelopes, the shape Q3 allows: each element is one more envelope
                String envelope = random.nextBoolean() ? reference.strip().replaceAll("\\s+", " ") : element;
                segments.add(Bodies.once("["));
                segments.add(Bodies.repeat(envelope + ",", size));
                segments.add(Bodies.once(envelope + "]"));
                where = "top-level array of " + abbreviate(envelope);
            } else {
                Template template = template(reference, pathWhere(JsonNode::isArray), false, false);
                segments.add(Bodies.once(template.prefix() + "["));
                segments.add(Bodies.repeat(element + ",", size));
                segments.add(Bodies.once(element + "]" + template.suffix()));
                where = template.pathText() + " of " + element;
            }
            boolean gzip = random.nextInt(3) == 0;
            long total = Bodies.length(segments);
            if (gzip) {
                return of("list of " + total + " bytes at " + where + " (gzip)", bombs.response(200, segments));
            }
            return of("list of " + total + " bytes at " + where, streamedJson(200, segments, random.nextBoolean()));
        }

        HostileCase truncated() {
            if (op == HostileOperation.FETCH_DOCUMENTS && random.nextBoolean()) {
                byte[] pdf = HostileOperation.Fixtures.PDF;
                int cut = 1 + random.nextInt(pdf.length - 1);
                return of("PDF cut at " + cut, new MockResponse.Builder().code(200)
                        .setHeader("Content-Type", "application/pdf").body(new Buffer().write(pdf, 0, cut)).build());
            }
            byte[] body = Bodies.utf8(reference);
            int lastBrace = reference.lastIndexOf('}');
            int cut = random.nextInt(lastBrace + 1);
            byte[] cutBody = java.util.Arrays.copyOf(body, cut);
            HostileCase c = of("reference cut at byte " + cut + " of " + body.length, json(200, cutBody));
            return op == HostileOperation.FETCH_DOCUMENTS && cut > 0 && body[0] != '{' ? c : c.failing();
        }

        HostileCase invalidUtf8() {
            String hex = pick(BAD_UTF8);
            byte[] bad = java.util.HexFormat.of().parseHex(hex);
            byte[] body;
            String where;
            if (random.nextBoolean()) {
                Template template = template(reference, pathWhere(JsonNode::isTextual), false, true);
                byte[] prefix = Bodies.utf8(template.prefix());
                byte[] suffix = Bodies.utf8(template.suffix());
                body = concat(prefix, bad, suffix);
                where = "in the string at " + template.pathText();
            } else {
                byte[] ref = Bodies.utf8(reference);
                int at = random.nextInt(ref.length + 1);
                body = concat(java.util.Arrays.copyOf(ref, at), bad, java.util.Arrays.copyOfRange(ref, at, ref.length));
                where = "at byte " + at;
            }
            return of("bytes " + hex + " " + where, json(200, body));
        }

        HostileCase bom() {
            byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            String ref = reference;
            int choice = random.nextInt(8);
            byte[] body;
            String what;
            switch (choice) {
                case 0:
                    body = concat(utf8Bom, Bodies.utf8(ref));
                    what = "UTF-8 BOM + reference";
                    break;
                case 1:
                    body = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, ref.getBytes(StandardCharsets.UTF_16BE));
                    what = "UTF-16BE BOM + reference in UTF-16BE";
                    break;
                case 2:
                    body = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, ref.getBytes(StandardCharsets.UTF_16LE));
                    what = "UTF-16LE BOM + reference in UTF-16LE";
                    break;
                case 3:
                    body = concat(utf8Bom, utf8Bom, Bodies.utf8(ref));
                    what = "two UTF-8 BOMs + reference";
                    break;
                case 4:
                    body = ref.getBytes(StandardCharsets.UTF_16LE);
                    what = "reference in UTF-16LE without BOM";
                    break;
                case 5:
                    body = concat(utf8Bom, Bodies.utf8("{\"responseCode\":404,\"responseMessage\":\"Document not found\"}"));
                    what = "UTF-8 BOM + a JSON error envelope";
                    break;
                case 6:
                    body = ref.getBytes(Charset.forName("UTF-32"));
                    what = "reference in UTF-32";
                    break;
                default:
                    int at = 1 + random.nextInt(Math.max(1, ref.length() - 2));
                    body = concat(Bodies.utf8(ref.substring(0, at)), utf8Bom, Bodies.utf8(ref.substring(at)));
                    what = "UTF-8 BOM inside the body at char " + at;
            }
            HostileCase c = of(what, json(200, body));
            return choice == 5 && op != HostileOperation.FETCH_DOCUMENTS ? c.failing() : c;
        }

        HostileCase binaryGarbage() {
            int[] sizes = {1, 16, 1024, 65_536, 300_000};
            byte[] body = new byte[pick(sizes)];
            random.nextBytes(body);
            int flavour = random.nextInt(4);
            String what = "random bytes";
            if (flavour == 1) {
                java.util.Arrays.fill(body, (byte) 0);
                what = "NUL bytes";
            } else if (flavour == 2 && body.length >= 8) {
                byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
                System.arraycopy(png, 0, body, 0, png.length);
                what = "PNG header + random bytes";
            } else if (flavour == 3) {
                body[0] = '{';
                what = "'{' + random bytes";
            }
            HostileCase c = of(what + " (" + body.length + " B)", json(200, body));
            // a file of random bytes is a document as far as the client can tell
            return op == HostileOperation.FETCH_DOCUMENTS && flavour != 3 ? c : c.failing();
        }

        HostileCase htmlPage() {
            int[] codes = {200, 200, 403, 500, 502, 503, 504};
            int code = pick(codes);
            String page = "<!DOCTYPE html><html><head><title>" + code + " Bad Gateway</title></head><body><h1>"
                    + "The proxy could not reach SellerPanel</h1><p>nginx</p></body></html>";
            boolean large = random.nextInt(5) == 0;
            MockResponse.Builder response = new MockResponse.Builder().code(code)
                    .setHeader("Content-Type", "text/html; charset=UTF-8");
            if (large) {
                response.body(Bodies.streamed(List.of(Bodies.once("<html><body>"), Bodies.repeat("<p>err</p>", 8 * MIB),
                        Bodies.once("</body></html>")), false));
            } else {
                response.body(page);
            }
            HostileCase c = of("HTML page with HTTP " + code + (large ? " (8 MiB)" : ""), response.build());
            if (code == 403) {
                c = c.anyTypedWriteFailure();
            }
            return code == 200 && op == HostileOperation.FETCH_DOCUMENTS ? c : c.failing();
        }

        HostileCase emptyBody() {
            int choice = random.nextInt(5);
            MockResponse response;
            String what;
            switch (choice) {
                case 0:
                    response = json(200, new byte[0]);
                    what = "HTTP 200, empty body";
                    break;
                case 1:
                    response = json(200, Bodies.utf8(" \r\n\t "));
                    what = "HTTP 200, whitespace only";
                    break;
                case 2:
                    response = new MockResponse.Builder().code(204).build();
                    what = "HTTP 204";
                    break;
                case 3:
                    response = new MockResponse.Builder().code(200).removeHeader("Content-Length")
                            .setHeader("Transfer-Encoding", "chunked").body("0\r\n\r\n").build();
                    what = "HTTP 200, chunked, no chunk";
                    break;
                default:
                    response = new MockResponse.Builder().code(205).build();
                    what = "HTTP 205";
            }
            return of(what, response).failing();
        }

        HostileCase wrongContentType() {
            String type = pick(CONTENT_TYPES);
            boolean pdfBody = op == HostileOperation.FETCH_DOCUMENTS && random.nextBoolean();
            MockResponse.Builder response = new MockResponse.Builder().code(200);
            if (type.isEmpty()) {
                response.removeHeader("Content-Type");
            } else {
                response.setHeader("Content-Type", type);
            }
            response.body(pdfBody ? new Buffer().write(HostileOperation.Fixtures.PDF) : new Buffer().writeUtf8(reference));
            return of((pdfBody ? "PDF" : "reference") + " as '" + type + "'", response.build());
        }

        HostileCase gzipBomb() {
            int choice = random.nextInt(7);
            switch (choice) {
                case 0:
                    return of("gzip of 1 GiB of zero bytes", bombs.zeros()).failing();
                case 1:
                    return of("gzip of a 1 GiB responseMessage", bombs.hugeMessage()).failing();
                case 2: {
                    JsonNode root = tree(reference);
                    boolean hasList = paths(root).stream().anyMatch(p -> at(root, p).isArray());
                    Template template = hasList ? template(reference, pathWhere(JsonNode::isArray), false, false)
                            : template(reference, anyPath(), false, false);
                    List<Segment> segments = List.of(Bodies.once(template.prefix() + "["),
                            Bodies.repeatBlock("0,", 256 * MIB), Bodies.once("0]" + template.suffix()));
                    return of("gzip of a 256 MiB list of zeros at " + template.pathText(),
                            bombs.response(200, segments)).failing();
                }
                case 3:
                    return of("gzip of 1 GiB top-level array of envelopes", bombs.envelopes()).failing();
                case 4:
                    return of("Content-Encoding gzip on a plain body", new MockResponse.Builder().code(200)
                            .setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "gzip")
                            .body(reference).build()).failing();
                case 5:
                    return of("Content-Encoding deflate (not negotiated)", new MockResponse.Builder().code(200)
                            .setHeader("Content-Type", "application/json").setHeader("Content-Encoding", "deflate")
                            .body(new Buffer().write(Bodies.deflate(Bodies.utf8(reference)))).build()).failing();
                default:
                    return of("HTTP 500 with a gzip of 1 GiB of zero bytes", bombs.zerosWithStatus(500)).failing();
            }
        }

        HostileCase overCap() {
            boolean chunked = random.nextBoolean();
            if (op == HostileOperation.FETCH_DOCUMENTS) {
                long size = DOCUMENT_CAP + MIB * (1 + random.nextInt(8));
                MockResponse.Builder response = new MockResponse.Builder().code(200)
                        .setHeader("Content-Type", "application/pdf")
                        .body(Bodies.streamed(List.of(Bodies.once("%PDF-1.4\n"), Bodies.repeat("%%%%%%%%", size)),
                                chunked));
                if (chunked) {
                    response.removeHeader("Content-Length").setHeader("Transfer-Encoding", "chunked");
                }
                return of("a " + size / MIB + " MiB PDF" + (chunked ? " (chunked)" : ""), response.build()).failing();
            }
            long size = JSON_CAP + MIB * (1 + random.nextInt(16));
            Template template = template(reference, anyPath(), false, false);
            boolean list = random.nextBoolean();
            List<Segment> segments = list
                    ? List.of(Bodies.once(template.prefix() + "["), Bodies.repeat("{},", size), Bodies.once("{}]"
                            + template.suffix()))
                    : List.of(Bodies.once(template.prefix() + "\""), Bodies.repeat("y", size), Bodies.once("\""
                            + template.suffix()));
            return of((list ? "list" : "string") + " making a " + size / MIB + " MiB body at " + template.pathText()
                    + (chunked ? " (chunked)" : ""), streamedJson(200, segments, chunked)).failing();
        }

        HostileCase httpStatus() {
            int code;
            boolean informational = random.nextInt(8) == 0;
            if (informational) {
                int[] early = {100, 102, 103};
                code = pick(early);
                MockResponse response = new MockResponse.Builder(reference(op))
                        .addInformationalResponse(new MockResponse.Builder().code(code).build()).build();
                return of("HTTP " + code + " then the reference answer", response);
            }
            code = pick(STATUSES);
            int bodyChoice = random.nextInt(10);
            MockResponse.Builder response = new MockResponse.Builder().code(code);
            String what;
            if (bodyChoice < 4) {
                response.setHeader("Content-Type", "application/json").body(reference);
                what = "reference body";
            } else if (bodyChoice < 6) {
                response.setHeader("Content-Type", "text/html").body("<html><body>" + code + "</body></html>");
                what = "HTML body";
            } else if (bodyChoice < 8) {
                what = "no body";
            } else if (bodyChoice == 8) {
                response.setHeader("Content-Type", "text/plain")
                        .body(Bodies.streamed(List.of(Bodies.repeat("error ", 64 * MIB)), random.nextBoolean()));
                what = "64 MiB body";
            } else {
                response = new MockResponse.Builder(bombs.zerosWithStatus(code));
                what = "gzip bomb body";
            }
            HostileCase c = of("HTTP " + code + " with " + what, response.build());
            boolean success2xx = code >= 200 && code < 300 && code != 204 && code != 205 && bodyChoice < 4;
            if (code >= 400 && code < 500 || code == 300 || code == 304) {
                c = c.anyTypedWriteFailure();
            }
            return success2xx ? c : c.failing();
        }

        HostileCase redirect() {
            int code = pick(REDIRECTS);
            String[] targets = {elsewhereUrl + op.path(), elsewhereUrl + "steal?key=1", "/RestWS/api/sellerPanel/v3/"
                    + op.path() + "?again=1", "//" + elsewhereUrl.replaceFirst("^https?://", "") + "x",
                "javascript:alert(1)", "", elsewhereUrl.replace("http://", "https://") + "tls"};
            String location = pick(targets);
            MockResponse.Builder response = new MockResponse.Builder().code(code)
                    .setHeader("Content-Type", "text/html").body("<html>moved</html>");
            if (!location.isEmpty()) {
                response.setHeader("Location", location);
            }
            return of("HTTP " + code + " to '" + location + "'", response.build()).asRedirect();
        }

        HostileCase connectionReset() {
            int choice = random.nextInt(7);
            MockResponse.Builder response = new MockResponse.Builder(reference(op));
            String what;
            switch (choice) {
                case 0:
                    response.onRequestBody(new SocketEffect.CloseSocket());
                    what = "socket closed while the request body is read";
                    break;
                case 1:
                    response.onResponseStart(new SocketEffect.CloseSocket());
                    what = "socket closed before the answer";
                    break;
                case 2:
                    response.onResponseBody(new SocketEffect.CloseSocket());
                    what = "socket closed in the middle of the answer";
                    break;
                case 3:
                    response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
                    what = "connection shut down before the answer";
                    break;
                case 4:
                    response.onResponseBody(new SocketEffect.CloseSocket(false, true, true));
                    what = "input and output shut down in the middle of the answer";
                    break;
                case 5:
                    response.onResponseStart(new SocketEffect.CloseSocket(false, false, true));
                    what = "output shut down before the answer";
                    break;
                default:
                    response.onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE);
                    what = "connection shut down after a complete answer";
                    return of(what, response.build());
            }
            return of(what, response.build()).failing();
        }

        HostileCase slowDrip() {
            MockResponse.Builder response = new MockResponse.Builder(reference(op));
            if (random.nextBoolean()) {
                response.throttleBody(1, 100, TimeUnit.MILLISECONDS);
                return of("reference dripped 1 byte per 100 ms", response.build()).withDeadline();
            }
            response.bodyDelay(10, TimeUnit.SECONDS);
            return of("headers at once, body after 10 s", response.build()).withDeadline();
        }

        HostileCase stalledHeaders() {
            MockResponse.Builder response = new MockResponse.Builder(reference(op));
            if (random.nextBoolean()) {
                response.headersDelay(10, TimeUnit.SECONDS);
                return of("headers after 10 s", response.build()).withDeadline();
            }
            response.onResponseStart(SocketEffect.Stall.INSTANCE);
            return of("headers never come", response.build()).withDeadline();
        }
    }

    static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
    }
}
