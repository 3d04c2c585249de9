package io.github.babyshopsdk.examples.bridge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree whose every node knows its line, so that configuration errors can
 * name the line. Built on Jackson's YAML parser (streaming), because Jackson's own tree forgets locations.
 */
final class YamlTree {

    /** What a node is. */
    enum Kind { MAP, LIST, SCALAR }

    /** A node: a map (keys in file order), a list or a scalar (text, or null for an empty value), and its line. */
    static final class Node {
        private final Kind kind;
        private final int line;
        private final String text;
        private final Map<String, Entry> entries;
        private final List<Node> items;

        private Node(Kind kind, int line, String text, Map<String, Entry> entries, List<Node> items) {
            this.kind = kind;
            this.line = line;
            this.text = text;
            this.entries = entries;
            this.items = items;
        }

        Kind kind() {
            return kind;
        }

        /** The 1-based line the node starts on. */
        int line() {
            return line;
        }

        /** The scalar's text; null for an empty value ({@code key:} or {@code ~}). */
        String text() {
            return text;
        }

        /** The entries of a map, in file order. */
        Map<String, Entry> entries() {
            return entries;
        }

        /** The items of a list. */
        List<Node> items() {
            return items;
        }

        boolean isNull() {
            return kind == Kind.SCALAR && text == null;
        }
    }

    /** A map entry: the key, the line of the key, and the value. */
    record Entry(String key, int line, Node value) {
    }

    private YamlTree() {
    }

    /**
     * Reads one YAML document; a second document in the same stream is an error.
     *
     * @param name the file name used in error messages
     * @throws BridgeFailure (bad input) for invalid YAML, an empty document, a second document or a duplicate
     *     key, naming the line
     */
    static Node read(Reader reader, String name) {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw BridgeFailure.badInput(name + ": the file is empty");
            }
            Node root = node(parser, name);
            if (parser.nextToken() != null) {
                throw BridgeFailure.badInput(name + " line " + parser.currentTokenLocation().getLineNr()
                        + ": a second YAML document ('---'): the file must hold exactly one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw BridgeFailure.badInput(name + (line > 0 ? " line " + line : "") + ": not valid YAML: "
                        + SafeText.of(String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("?")), e);
        } catch (IOException e) {
            throw BridgeFailure.badInput(name + ": cannot read: " + SafeText.of(String.valueOf(e.getMessage())), e);
        } catch (RuntimeException e) {
            if (e instanceof BridgeFailure failure) {
                throw failure;
            }
            // SnakeYAML's own limits and errors (nesting depth, alias expansion, code point limit) surface unchecked
            throw BridgeFailure.badInput(name + ": not valid YAML: " + SafeText.of(
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName())), e);
        }
    }

    private static Node node(JsonParser parser, String name) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    Node value = node(parser, name);
                    if (entries.containsKey(key)) {
                        throw BridgeFailure.badInput(name + " line " + keyLine + ": duplicate key '" + SafeText.of(key)
                                + "' (first on line " + entries.get(key).line() + ")");
                    }
                    entries.put(key, new Entry(key, keyLine, value));
                }
                return new Node(Kind.MAP, line, null, Collections.unmodifiableMap(entries), List.of());
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, name));
                }
                return new Node(Kind.LIST, line, null, Map.of(), Collections.unmodifiableList(items));
            }
            case VALUE_NULL:
                return new Node(Kind.SCALAR, line, null, Map.of(), List.of());
            default:
                if (token.isScalarValue()) {
                    return new Node(Kind.SCALAR, line, parser.getText(), Map.of(), List.of());
                }
                throw BridgeFailure.badInput(name + " line " + line + ": unexpected YAML token " + token);
        }
    }
}
