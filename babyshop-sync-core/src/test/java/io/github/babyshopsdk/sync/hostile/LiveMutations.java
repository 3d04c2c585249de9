package io.github.babyshopsdk.sync.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.babyshopsdk.client.hostile.support.Bodies.Segment;
import io.github.babyshopsdk.client.hostile.support.Bodies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * Turns the simulator's live answer to a call into a hostile one of a given kind: field mutations act on
 * a field of the real answer (so the rest stays valid and consistent with the simulator's state), the
 * other kinds replace or wrap the body, the status, the encoding or the connection. Choices come from the
 * case's {@link Random}; thread-safe apart from that.
 */
final class LiveMutations {
    private static final long MIB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@HOLE-51c2@@";
    private static final String ENVELOPE = "{\"responseCode\":0,\"responseMessage\":\"Success\"}";
    private static final String[] WRONG = {"\"N/A\"", "0", "true", "{}", "[]", "[\"x\"]", "[null]", "{\"a\":[]}",
        "-1.5", "[[[1]]]", "\"[]\""};
    private static final String[] EMPTY = {"null", "\"\"", "\"   \"", "\"null\"", null};
    private static final String[] ODD = {"1E2147483648", "4294967296", "-0", "1e999999999", "9223372036854775808",
        "0.000000000000000000001", "\"NaN\"", "\"1e999999999\"", "\"4294967296\"", "\"0x1F\"", "\"1,234.00\"",
        "\"\\u0661\\u0662\"", "NaN", "-1", "2147483648"};
    private static final String[] CODES = {"4294967296", "2147483648", "1E2147483648", "-1", "\"abc\"", "[0]",
        "{\"c\":0}", "true", "0.5", "1e10", "null", "\"0\"", "\"\""};
    private static final int[] STATUSES = {201, 204, 206, 300, 304, 400, 401, 403, 404, 408, 409, 413, 422, 429, 500,
        501, 502, 503, 504, 520, 599, 999};
    private static final int[] REDIRECTS = {301, 302, 303, 307, 308};

    private final String elsewhereUrl;
    private final List<Segment> zerosBomb;

    LiveMutations(String elsewhereUrl, List<Segment> zerosBomb) {
        this.elsewhereUrl = elsewhereUrl;
        this.zerosBomb = zerosBomb;
    }

    /** The simulator's answer to a call. */
    record Live(int code, String contentType, byte[] body) {
        boolean isJson() {
            for (byte b : body) {
                if (!Character.isWhitespace(b)) {
                    return b == '{' || b == '[';
                }
            }
            return false;
        }
    }

    /** A hostile answer and what it is. */
    record Hostile(MockResponse response, String description) {
    }

    Hostile mutate(Kind kind, Random random, Live live) {
        String json = live.isJson() ? new String(live.body(), StandardCharsets.UTF_8) : ENVELOPE;
        switch (kind) {
            case WRONG_TYPE:
                return field(json, random, WRONG[random.nextInt(WRONG.length)], "wrong type");
            case NULL_EMPTY_ABSENT:
                return field(json, random, EMPTY[random.nextInt(EMPTY.length)], "null/empty/absent");
            case ODD_NUMBER:
                return field(json, random, ODD[random.nextInt(ODD.length)], "odd number");
            case RESPONSE_CODE: {
                JsonNode root = tree(json);
                String base = root != null && root.isObject() && root.has("responseCode") ? json : ENVELOPE;
                String code = CODES[random.nextInt(CODES.length)];
                Template t = template(base, List.of("responseCode"), false);
                return hostile(json(200, t.fill(code)), "responseCode " + code);
            }
            case HUGE_STRING: {
                Template t = template(json, anyPath(json, random), false);
                long size = (1 + random.nextInt(8)) * MIB;
                return hostile(streamed(200, List.of(Bodies.once(t.prefix() + "\""), Bodies.repeat("\u20ac", size),
                        Bodies.once("\"" + t.suffix())), random.nextBoolean()), "string of " + size / MIB
                        + " MiB at " + t.path());
            }
            case TOP_LEVEL_SHAPE: {
                String[] shapes = {"[]", "[" + json + "]", "[" + json + "," + json + "]", "null", "0", "\"x\"", "{}",
                    "[[" + json + "]]", json + "xyz", "[" + json + ",0]"};
                String body = shapes[random.nextInt(shapes.length)];
                return hostile(json(200, utf8(body)), "body " + abbreviate(body));
            }
            case DEEP_NESTING: {
                int depth = new int[] {1_001, 50_000, 1_000_000}[random.nextInt(3)];
                Template t = random.nextBoolean() ? new Template("", "", "(body)")
                        : template(json, anyPath(json, random), false);
                return hostile(streamed(200, List.of(Bodies.once(t.prefix()), Bodies.repeat("[", depth),
                        Bodies.repeat("]", depth), Bodies.once(t.suffix())), false), "nesting " + depth + " at "
                        + t.path());
            }
            case ENORMOUS_LIST: {
                List<Object> path = pathWhere(json, random, JsonNode::isArray);
                Template t = template(json, path, false);
                String element = new String[] {"0", "{}", "null", "\"x\"", "{\"orderNo\":{}}", "[]"}[random.nextInt(6)];
                long size = new long[] {200_000, 2 * MIB, 12 * MIB}[random.nextInt(3)];
                return hostile(streamed(200, List.of(Bodies.once(t.prefix() + "["), Bodies.repeat(element + ",", size),
                        Bodies.once(element + "]" + t.suffix())), random.nextBoolean()), "list of " + size
                        + " bytes of " + element + " at " + t.path());
            }
            case TRUNCATED: {
                byte[] body = live.body().length > 1 ? live.body() : utf8(json);
                int cut = random.nextInt(body.length);
                return hostile(new MockResponse.Builder().code(200).setHeader("Content-Type", live.contentType())
                        .body(new Buffer().write(body, 0, cut)).build(), "live answer cut at " + cut + " of "
                        + body.length);
            }
            case INVALID_UTF8: {
                byte[] bad = new byte[][] {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}}[random.nextInt(5)];
                byte[] body = utf8(json);
                int at = random.nextInt(body.length + 1);
                return hostile(json(200, concat(Arrays.copyOf(body, at), bad, Arrays.copyOfRange(body, at, body.length))),
                        "bad UTF-8 at byte " + at);
            }
            case BOM: {
                int choice = random.nextInt(3);
                byte[] body = choice == 0 ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json))
                        : choice == 1 ? concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, json.getBytes(StandardCharsets.UTF_16LE))
                        : concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                                utf8("{\"responseCode\":404,\"responseMessage\":\"Document not found\"}"));
                return hostile(json(200, body), new String[] {"UTF-8 BOM", "UTF-16LE", "BOM + JSON 404"}[choice]);
            }
            case BINARY_GARBAGE: {
                byte[] body = new byte[1 + random.nextInt(100_000)];
                random.nextBytes(body);
                return hostile(json(200, body), body.length + " random bytes");
            }
            case HTML_PAGE: {
                int code = new int[] {200, 500, 502, 503}[random.nextInt(4)];
                return hostile(new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html")
                        .body("<!DOCTYPE html><html><body><h1>" + code + " Bad Gateway</h1></body></html>").build(),
                        "HTML page with HTTP " + code);
            }
            case EMPTY_BODY: {
                int choice = random.nextInt(3);
                MockResponse response = choice == 0 ? json(200, new byte[0]) : choice == 1
                        ? new MockResponse.Builder().code(204).build() : json(200, utf8("  \r\n"));
                return hostile(response, new String[] {"HTTP 200 empty", "HTTP 204", "whitespace"}[choice]);
            }
            case WRONG_CONTENT_TYPE: {
                String type = new String[] {"text/html", "application/xml", "image/png", "application/pdf",
                    "application/json; charset=utf-16"}[random.nextInt(5)];
                return hostile(new MockResponse.Builder().code(live.code()).setHeader("Content-Type", type)
                        .body(new Buffer().write(live.body())).build(), "live answer as " + type);
            }
            case GZIP_BOMB: {
                return hostile(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(Bodies.streamed(zerosBomb, false)).setHeader("Content-Encoding", "gzip").build(),
                        "gzip of 1 GiB of zero bytes");
            }
            case OVER_CAP: {
                long size = (17 + random.nextInt(8)) * MIB + (live.isJson() ? 0 : 48 * MIB);
                Template t = template(json, anyPath(json, random), false);
                return hostile(streamed(200, List.of(Bodies.once(t.prefix() + "\""), Bodies.repeat("y", size),
                        Bodies.once("\"" + t.suffix())), random.nextBoolean()), "a " + size / MIB + " MiB body");
            }
            case HTTP_STATUS: {
                int code = STATUSES[random.nextInt(STATUSES.length)];
                MockResponse.Builder response = new MockResponse.Builder().code(code);
                if (random.nextBoolean()) {
                    response.setHeader("Content-Type", live.contentType()).body(new Buffer().write(live.body()));
                }
                return hostile(response.build(), "HTTP " + code);
            }
            case REDIRECT: {
                int code = REDIRECTS[random.nextInt(REDIRECTS.length)];
                return hostile(new MockResponse.Builder().code(code).setHeader("Location", elsewhereUrl + "steal")
                        .body("moved").build(), "HTTP " + code + " to the other server");
            }
            case CONNECTION_RESET: {
                int choice = random.nextInt(3);
                MockResponse.Builder response = new MockResponse.Builder().code(live.code())
                        .setHeader("Content-Type", live.contentType()).body(new Buffer().write(live.body()));
                if (choice == 0) {
                    response.onResponseStart(new SocketEffect.CloseSocket());
                } else if (choice == 1) {
                    response.onResponseBody(new SocketEffect.CloseSocket());
                } else {
                    response.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
                }
                return hostile(response.build(), new String[] {"closed before the answer", "closed mid-answer",
                    "connection shut down"}[choice]);
            }
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    private Hostile field(String json, Random random, String raw, String what) {
        List<Object> path = anyPath(json, random);
        Template t = template(json, path, raw == null);
        return hostile(json(200, raw == null ? utf8(t.prefix() + t.suffix()) : t.fill(raw)),
                what + " at " + t.path() + ": " + (raw == null ? "(absent)" : raw));
    }

    private static Hostile hostile(MockResponse response, String description) {
        return new Hostile(response, description);
    }

    static MockResponse json(int code, byte[] body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(new Buffer().write(body)).build();
    }

    private static MockResponse streamed(int code, List<Segment> segments, boolean chunked) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code)
                .setHeader("Content-Type", "application/json").body(Bodies.streamed(segments, chunked));
        if (chunked) {
            builder.removeHeader("Content-Length").setHeader("Transfer-Encoding", "chunked");
        }
        return builder.build();
    }

    /** The JSON text around one value (the hole), or around a removed field. */
    record Template(String prefix, String suffix, String path) {
        byte[] fill(String raw) {
            return utf8(prefix + raw + suffix);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<List<Object>> paths(JsonNode root) {
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
            int index = 0;
            List<Object> path = new ArrayList<>(at);
            path.add(index);
            out.add(path);
            collect(node.get(index), path, out);
        }
    }

    private static List<Object> anyPath(String json, Random random) {
        return pathWhere(json, random, node -> true);
    }

    private static List<Object> pathWhere(String json, Random random, java.util.function.Predicate<JsonNode> test) {
        JsonNode root = tree(json);
        if (root == null || !root.isContainerNode() || paths(root).isEmpty()) {
            return List.of("responseMessage");
        }
        List<List<Object>> all = paths(root);
        List<List<Object>> matching = all.stream().filter(p -> test.test(at(root, p))).toList();
        List<List<Object>> from = matching.isEmpty() ? all : matching;
        return from.get(random.nextInt(from.size()));
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
            if (node == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
        }
        return node;
    }

    private static Template template(String json, List<Object> path, boolean absent) {
        JsonNode root = tree(json);
        if (root == null || !root.isObject() && !root.isArray()) {
            root = tree(ENVELOPE);
        }
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            if (absent) {
                array.remove(index.intValue());
            } else {
                array.set(index, TextNode.valueOf(HOLE));
            }
        } else if (parent instanceof ObjectNode object && last instanceof String name) {
            if (absent) {
                object.remove(name);
            } else {
                object.set(name, TextNode.valueOf(HOLE));
            }
        }
        String text = root.toString();
        String marker = "\"" + HOLE + "\"";
        int cut = text.indexOf(marker);
        if (cut < 0) {
            return new Template(text, "", String.valueOf(path));
        }
        return new Template(text.substring(0, cut), text.substring(cut + marker.length()), String.valueOf(path));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
