package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.sync.host.StockLevel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host's stock as the bridge reads it: a CSV file with the header {@code vendorSkuCode,hub,available},
 * one line per Vendor SKU Code and hub.
 *
 * <p>{@code available} is a whole number from {@value #MIN_AVAILABLE} to {@value #MAX_AVAILABLE} written in
 * plain digits ({@code 12}, {@code -3}, {@code 12.0}; not {@code 1e3}, not {@code 2.5}); a negative number is an
 * oversold stock (the engine floors the pushed total at 0). {@code vendorSkuCode} and {@code hub} are at most
 * {@value #MAX_CODE} characters without control characters.
 *
 * <p>A file that cannot be read as this CSV (not UTF-8, wrong header, a line with another number of fields,
 * an unclosed quote) is bad input: the bridge stops with exit code 2 before any side effect. A line whose
 * <em>values</em> are bad (an empty or over-long code or hub, an {@code available} that is not a whole number
 * in range, a code and hub given twice) is <b>rejected</b> instead: it is listed in {@link #rejected()} with a
 * message naming the file and line, and its Vendor SKU Code is left out of this run entirely, every hub of it
 * (a total over the remaining hubs would push a wrong quantity); the other codes go through.
 *
 * @param levels the stock levels to use, in file order
 * @param version changes whenever the file's content does (its SHA-256)
 * @param rejected one message per rejected line ({@code stock.csv line 7: ...; V-1 is not pushed this run})
 */
public record InventoryCsv(List<StockLevel> levels, String version, List<String> rejected) {
    /** The header the file must start with. */
    public static final List<String> HEADER = List.of("vendorSkuCode", "hub", "available");
    /** The smallest {@code available}. */
    public static final long MIN_AVAILABLE = -1_000_000_000L;
    /** The largest {@code available}. */
    public static final long MAX_AVAILABLE = 1_000_000_000L;
    /** The longest Vendor SKU Code or hub. */
    public static final int MAX_CODE = 100;
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,10}(\\.0{1,3})?");

    /** Copies the lists. */
    public InventoryCsv {
        levels = List.copyOf(levels);
        rejected = List.copyOf(rejected);
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws BridgeFailure (bad input) naming the file and line when the file cannot be read as this CSV
     */
    public static InventoryCsv read(Path file) {
        CsvFile csv = CsvFile.read(file, HEADER);
        Map<String, List<StockLevel>> byCode = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> rejectedCodes = new LinkedHashSet<>();
        List<String> rejected = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            String code = row.get(0);
            String hub = row.get(1);
            String available = row.get(2);
            String problem = problem(code, hub, available);
            if (problem == null) {
                Integer earlier = seen.putIfAbsent(code + "\u0000" + hub, row.line());
                if (earlier != null) {
                    problem = "vendorSkuCode " + SafeText.of(code) + " in hub " + SafeText.of(hub)
                            + " is already on line " + earlier;
                }
            }
            if (problem != null) {
                String skipped = code.isEmpty() || code.length() > MAX_CODE || SafeText.hasControl(code) ? ""
                        : "; " + SafeText.of(code) + " is not pushed this run";
                rejected.add(csv.name() + " line " + row.line() + ": " + problem + skipped);
                rejectedCodes.add(code);
                continue;
            }
            byCode.computeIfAbsent(code, c -> new ArrayList<>())
                    .add(StockLevel.of(code, hub, new BigDecimal(available).stripTrailingZeros().setScale(0)));
        }
        List<StockLevel> levels = new ArrayList<>();
        byCode.forEach((code, codeLevels) -> {
            if (!rejectedCodes.contains(code)) {
                levels.addAll(codeLevels);
            }
        });
        return new InventoryCsv(levels, csv.sha256(), rejected);
    }

    /** What is wrong with a line's values; null when nothing is. */
    private static String problem(String code, String hub, String available) {
        if (code.isEmpty()) {
            return "vendorSkuCode is empty";
        }
        if (code.length() > MAX_CODE || SafeText.hasControl(code)) {
            return "vendorSkuCode '" + SafeText.of(code) + "' is longer than " + MAX_CODE
                    + " characters or holds a control character";
        }
        if (hub.isEmpty()) {
            return "hub is empty";
        }
        if (hub.length() > MAX_CODE || SafeText.hasControl(hub)) {
            return "hub '" + SafeText.of(hub) + "' is longer than " + MAX_CODE
                    + " characters or holds a control character";
        }
        if (!WHOLE.matcher(available).matches()) {
            return "available must be a whole number from " + MIN_AVAILABLE + " to " + MAX_AVAILABLE
                    + ", not '" + SafeText.of(available) + "'";
        }
        BigDecimal quantity = new BigDecimal(available);
        if (quantity.compareTo(BigDecimal.valueOf(MIN_AVAILABLE)) < 0
                || quantity.compareTo(BigDecimal.valueOf(MAX_AVAILABLE)) > 0) {
            return "available must be a whole number from " + MIN_AVAILABLE + " to " + MAX_AVAILABLE
                    + ", not '" + SafeText.of(available) + "'";
        }
        return null;
    }

    /** No stock at all (when inventory sync is off and no file is given). */
    public static InventoryCsv empty() {
        return new InventoryCsv(List.of(), "empty", List.of());
    }

    @Override
    public String toString() {
        return "InventoryCsv{" + levels.size() + " levels, " + rejected.size() + " rejected lines, version "
                + version + "}";
    }
}
