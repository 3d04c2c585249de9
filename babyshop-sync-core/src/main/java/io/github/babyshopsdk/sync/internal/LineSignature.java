package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A text digest of an order's lines ({@code line:sku:ordered:cancelled} per line, by line number), kept
 * with the imported order so that a later change of a single line (cancelled, quantity changed, line
 * added or removed) is detected. Stateless.
 */
final class LineSignature {
    private LineSignature() {
    }

    /** The signature of {@code order}'s lines. */
    static String of(Order order) {
        List<OrderLine> lines = new ArrayList<>(order.lines());
        lines.sort(Comparator.comparing(OrderLine::lineNo));
        StringBuilder text = new StringBuilder();
        for (OrderLine line : lines) {
            if (text.length() > 0) {
                text.append('|');
            }
            text.append(line.lineNo()).append(':').append(line.sku()).append(':')
                    .append(plain(line.orderQty())).append(':').append(plain(line.cancelledQty()));
        }
        return text.toString();
    }

    /** What changed between two signatures, in words, or empty when they describe the same lines. */
    static Optional<String> describeChange(String before, String after) {
        if (before.equals(after)) {
            return Optional.empty();
        }
        Map<String, String[]> old = parse(before);
        Map<String, String[]> now = parse(after);
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, String[]> line : now.entrySet()) {
            String[] was = old.get(line.getKey());
            String[] is = line.getValue();
            if (was == null) {
                changes.add("line " + line.getKey() + " added (" + is[1] + " x " + is[2] + ")");
                continue;
            }
            if (!was[2].equals(is[2])) {
                changes.add("line " + line.getKey() + " ordered quantity " + was[2] + " -> " + is[2]);
            }
            if (!was[3].equals(is[3])) {
                changes.add("line " + line.getKey() + " cancelled quantity " + was[3] + " -> " + is[3]);
            }
            if (!was[1].equals(is[1])) {
                changes.add("line " + line.getKey() + " SKU " + was[1] + " -> " + is[1]);
            }
        }
        old.keySet().stream().filter(key -> !now.containsKey(key)).forEach(key -> changes.add("line " + key + " removed"));
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", changes));
    }

    private static Map<String, String[]> parse(String signature) {
        Map<String, String[]> lines = new LinkedHashMap<>();
        if (signature.isEmpty()) {
            return lines;
        }
        for (String line : signature.split("\\|")) {
            String[] parts = line.split(":", -1);
            if (parts.length == 4) {
                lines.put(parts[0], parts);
            }
        }
        return lines;
    }

    private static String plain(Optional<BigDecimal> quantity) {
        return quantity.map(q -> q.stripTrailingZeros().toPlainString()).orElse("0");
    }
}
