package io.github.babyshopsdk.examples.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A small, strict CSV reader for the bridge's input files: UTF-8 (a byte-order mark is ignored), one record
 * per line, comma separated, fields optionally in double quotes ({@code ""} inside quotes is a quote),
 * surrounding spaces of unquoted fields trimmed, blank lines skipped. The header must be exactly the expected
 * one. At most {@value #MAX_BYTES} bytes. Every error names the file and the line.
 */
final class CsvFile {
    /** The largest CSV file read (64 MiB). */
    static final int MAX_BYTES = 64 << 20;

    /** One data line: its 1-based line number and its fields, as many as the header has. */
    record Row(int line, List<String> fields) {
        String get(int index) {
            return fields.get(index);
        }
    }

    private final String name;
    private final List<Row> rows;
    private final String sha256;

    private CsvFile(String name, List<Row> rows, String sha256) {
        this.name = name;
        this.rows = rows;
        this.sha256 = sha256;
    }

    /**
     * Reads {@code file}, checking the header against {@code header}.
     *
     * @throws BridgeFailure (bad input) for a missing file, a wrong header or a malformed line
     */
    static CsvFile read(Path file, List<String> header) {
        String name = SafeText.of(file.toString());
        byte[] bytes = BridgeFiles.readBytes(file, MAX_BYTES);
        String text = BridgeFiles.decode(file, bytes);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(line, name, lineNo);
                if (!headerSeen) {
                    if (!fields.equals(header)) {
                        throw BridgeFailure.badInput(name + " line " + lineNo + ": the header must be '"
                                + String.join(",", header) + "', found '" + SafeText.of(line.strip()) + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw BridgeFailure.badInput(name + " line " + lineNo + ": expected " + header.size()
                            + " fields (" + String.join(",", header) + "), found " + fields.size());
                }
                rows.add(new Row(lineNo, List.copyOf(fields)));
            }
        } catch (IOException e) {
            throw BridgeFailure.badInput(name + ": cannot read: " + e, e);
        }
        if (!headerSeen) {
            throw BridgeFailure.badInput(name + ": the file is empty; it needs the header '"
                    + String.join(",", header) + "'");
        }
        return new CsvFile(name, List.copyOf(rows), sha256(bytes));
    }

    private static List<String> split(String line, String name, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw BridgeFailure.badInput(name + " line " + lineNo + ": a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw BridgeFailure.badInput(name + " line " + lineNo
                            + ": text after a closing quote (column " + (i + 1) + ")");
                }
                fields.add(field.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw BridgeFailure.badInput(name + " line " + lineNo
                                + ": a quote inside an unquoted field (column " + (i + 1) + ")");
                    }
                    i++;
                }
                fields.add(line.substring(start, i).strip());
            }
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The file name, as given. */
    String name() {
        return name;
    }

    /** The data lines, in file order. */
    List<Row> rows() {
        return rows;
    }

    /** SHA-256 of the file's bytes: changes whenever the content does. */
    String sha256() {
        return sha256;
    }

    /** A bad-input failure for {@code row}. */
    BridgeFailure fail(Row row, String message) {
        return BridgeFailure.badInput(name + " line " + row.line() + ": " + message);
    }
}
