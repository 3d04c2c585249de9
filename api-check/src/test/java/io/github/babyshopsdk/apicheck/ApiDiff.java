package io.github.babyshopsdk.apicheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference between a recorded API listing and the computed one, line by line: the lines only the computed
 * listing has (added, unrecorded) and those only the recorded one has (removed). A member line is qualified with
 * its type (the header line above it, up to the first space-free type name) so that it reads on its own, e.g.
 * {@code io.github.babyshopsdk.sync.RemoteKey :: method public static boolean isValid(java.lang.String)}.
 *
 * <p>Immutable and thread-safe.
 */
final class ApiDiff {
    private final List<String> added;
    private final List<String> removed;

    private ApiDiff(List<String> added, List<String> removed) {
        this.added = Collections.unmodifiableList(added);
        this.removed = Collections.unmodifiableList(removed);
    }

    /**
     * Compares two listings in the format of {@link ApiListing}.
     *
     * @param recorded the recorded listing (the baseline file's lines)
     * @param computed the listing of the current classes
     * @return the difference; empty when both hold the same lines
     */
    static ApiDiff between(List<String> recorded, List<String> computed) {
        List<String> before = qualified(recorded);
        List<String> after = qualified(computed);
        return new ApiDiff(minus(after, before), minus(before, after));
    }

    /** @return the qualified lines only the computed listing has, in its order */
    List<String> added() {
        return added;
    }

    /** @return the qualified lines only the recorded listing has, in its order */
    List<String> removed() {
        return removed;
    }

    /** @return true when the listings hold the same lines */
    boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /**
     * The difference as text: {@code + line} for each added and {@code - line} for each removed line, at most
     * {@code limit} lines, then how many more there are.
     *
     * @param limit the most lines to show
     * @return the text, lines separated by {@code \n}
     */
    String describe(int limit) {
        List<String> lines = new ArrayList<>();
        added.forEach(l -> lines.add("+ " + l));
        removed.forEach(l -> lines.add("- " + l));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(limit, lines.size()); i++) {
            out.append(lines.get(i)).append('\n');
        }
        if (lines.size() > limit) {
            out.append("... and ").append(lines.size() - limit).append(" more\n");
        }
        return out.toString();
    }

    private static List<String> qualified(List<String> listing) {
        List<String> out = new ArrayList<>();
        String type = "?";
        for (String line : listing) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("  ")) {
                out.add(type + " :: " + line.strip());
            } else {
                type = typeName(line);
                out.add(line);
            }
        }
        return out;
    }

    /** The binary name in a header line: the token after the kind keyword, without type parameters. */
    private static String typeName(String header) {
        String[] tokens = header.split(" ");
        for (int i = 0; i < tokens.length - 1; i++) {
            String t = tokens[i];
            if (t.equals("class") || t.equals("interface") || t.equals("enum") || t.equals("record")
                    || t.equals("@interface")) {
                String name = tokens[i + 1];
                int generic = name.indexOf('<');
                return generic < 0 ? name : name.substring(0, generic);
            }
        }
        return header;
    }

    /** The lines of {@code a} not matched by a line of {@code b} (as multisets), in {@code a}'s order. */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> counts = new HashMap<>();
        b.forEach(l -> counts.merge(l, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String line : a) {
            Integer n = counts.get(line);
            if (n == null || n == 0) {
                out.add(line);
            } else {
                counts.put(line, n - 1);
            }
        }
        return out;
    }
}
