package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.sync.host.StockLevel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's stock as the bridge reads it: a CSV file with the header {@code vendorSkuCode,hub,available},
 * one line per Vendor SKU Code and hub. {@code available} is a decimal number and may be negative (the
 * engine floors the pushed total at 0). A code and hub given twice is an error.
 *
 * @param levels the stock levels, in file order
 * @param version changes whenever the file's content does (its SHA-256)
 */
public record InventoryCsv(List<StockLevel> levels, String version) {
    /** The header the file must start with. */
    public static final List<String> HEADER = List.of("vendorSkuCode", "hub", "available");

    /**
     * Reads and validates {@code file}.
     *
     * @throws BridgeFailure (bad input) naming the file and line of the first problem
     */
    public static InventoryCsv read(Path file) {
        CsvFile csv = CsvFile.read(file, HEADER);
        List<StockLevel> levels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            String code = row.get(0);
            String hub = row.get(1);
            String available = row.get(2);
            if (code.isEmpty()) {
                throw csv.fail(row, "vendorSkuCode is empty");
            }
            if (hub.isEmpty()) {
                throw csv.fail(row, "hub is empty");
            }
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(available);
            } catch (NumberFormatException e) {
                throw csv.fail(row, "available must be a number, not '" + available + "'");
            }
            Integer earlier = seen.putIfAbsent(code + "\u0000" + hub, row.line());
            if (earlier != null) {
                throw csv.fail(row, "vendorSkuCode " + code + " in hub " + hub + " is already on line " + earlier);
            }
            levels.add(StockLevel.of(code, hub, quantity));
        }
        return new InventoryCsv(List.copyOf(levels), csv.sha256());
    }

    /** No stock at all (when inventory sync is off and no file is given). */
    public static InventoryCsv empty() {
        return new InventoryCsv(List.of(), "empty");
    }
}
