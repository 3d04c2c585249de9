package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.sync.host.HostEventType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The host's order events as the bridge reads them: a CSV file with the header
 * {@code orderNo,event,transporter,awbNo}; {@code event} is PACKED, SHIPPED, DELIVERED or CANCELLED; PACKED
 * needs transporter and awbNo (the other events may leave them empty). A value is at most {@value #MAX_VALUE}
 * characters (awbNo 50) without control characters. Any bad line is bad input: the bridge stops with exit
 * code 2 before any side effect (an event skipped silently could be a shipment never pushed).
 *
 * @param events the events, in file order
 */
public record HostEventsCsv(List<Line> events) {
    /** The header the file must start with. */
    public static final List<String> HEADER = List.of("orderNo", "event", "transporter", "awbNo");
    /** The longest value of any field. */
    public static final int MAX_VALUE = 100;

    /**
     * One event line.
     *
     * @param line its line number in the file
     * @param orderNo the Babyshop order number
     * @param type what happened
     * @param transporter the courier (PACKED)
     * @param awbNo the AWB number (PACKED)
     */
    public record Line(int line, String orderNo, HostEventType type, Optional<String> transporter,
                       Optional<String> awbNo) {
        /** The event's id, the engine's at-most-once key: {@code orderNo:EVENT}. */
        public String eventId() {
            return orderNo + ":" + type.name();
        }
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws BridgeFailure (bad input) naming the file and line of the first problem
     */
    public static HostEventsCsv read(Path file) {
        CsvFile csv = CsvFile.read(file, HEADER);
        List<Line> events = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            String orderNo = row.get(0);
            if (orderNo.isEmpty()) {
                throw csv.fail(row, "orderNo is empty");
            }
            for (int i = 0; i < HEADER.size(); i++) {
                String value = row.get(i);
                if (value.length() > MAX_VALUE || SafeText.hasControl(value)) {
                    throw csv.fail(row, HEADER.get(i) + " '" + SafeText.of(value) + "' is longer than " + MAX_VALUE
                            + " characters or holds a control character");
                }
            }
            String event = row.get(1).toUpperCase(Locale.ROOT);
            HostEventType type = Arrays.stream(HostEventType.values()).filter(t -> t.name().equals(event))
                    .findFirst().orElseThrow(() -> csv.fail(row, "unknown event '" + SafeText.of(row.get(1))
                            + "' (known: PACKED, SHIPPED, DELIVERED, CANCELLED)"));
            Optional<String> transporter = Optional.of(row.get(2)).filter(t -> !t.isEmpty());
            Optional<String> awbNo = Optional.of(row.get(3)).filter(a -> !a.isEmpty());
            if (type == HostEventType.PACKED && (transporter.isEmpty() || awbNo.isEmpty())) {
                throw csv.fail(row, "PACKED needs transporter and awbNo");
            }
            if (awbNo.filter(a -> a.length() > 50).isPresent()) {
                throw csv.fail(row, "awbNo is longer than 50 characters");
            }
            events.add(new Line(row.line(), orderNo, type, transporter, awbNo));
        }
        return new HostEventsCsv(List.copyOf(events));
    }

    /** No events (no file given). */
    public static HostEventsCsv empty() {
        return new HostEventsCsv(List.of());
    }
}
