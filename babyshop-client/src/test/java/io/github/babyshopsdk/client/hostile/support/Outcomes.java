package io.github.babyshopsdk.client.hostile.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a hostile-input harness saw: cases by kind and by operation, each with its outcome (the exception
 * type, or {@code returned}), observations counted under headings of their own, and every violation of the
 * contract with its reproducer. Shared by the client's and the engine's harness (this module's
 * {@code hostile-tests} test-jar). Thread-safe.
 */
public final class Outcomes {
    private final String title;
    private final Map<String, Map<String, AtomicLong>> byKind = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> byOperation = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> extra = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong cases = new AtomicLong();
    private final long startedNanos = System.nanoTime();

    /** A record titled {@code title} (the summary's heading), its clock started now. */
    public Outcomes(String title) {
        this.title = title;
    }

    /** Counts one case. */
    public void record(String kind, String operation, String outcome) {
        cases.incrementAndGet();
        byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, o -> new AtomicLong())
                .incrementAndGet();
        byOperation.computeIfAbsent(operation, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    /** Counts one observation under a heading of its own (e.g. exception types seen, entry statuses). */
    public void count(String heading, String value) {
        extra.computeIfAbsent(heading, k -> new ConcurrentHashMap<>()).computeIfAbsent(value, o -> new AtomicLong())
                .incrementAndGet();
    }

    /** Records one violation of the contract, with its reproducer. */
    public void violation(String text) {
        violations.add(text);
    }

    /** Cases counted so far. */
    public long cases() {
        return cases.get();
    }

    /** The violations recorded so far, a copy. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    private static Map<String, Long> casesBy(Map<String, Map<String, AtomicLong>> table) {
        Map<String, Long> out = new TreeMap<>();
        table.forEach((key, outcomes) -> out.put(key, outcomes.values().stream().mapToLong(AtomicLong::get).sum()));
        return out;
    }

    /** How many cases each kind had, e.g. to check that every kind ran. */
    public Map<String, Long> casesByKind() {
        return casesBy(byKind);
    }

    /** How many cases each operation had, e.g. to check that every operation ran. */
    public Map<String, Long> casesByOperation() {
        return casesBy(byOperation);
    }

    /** The summary table: totals, then outcomes by kind and by operation, then the violations. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        out.append("\n==== ").append(title).append(": ").append(cases.get()).append(" cases, ")
                .append(violations.size()).append(" violations, ").append(seconds).append(" s, max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB ====\n");
        Map<String, Long> outcomeTotals = new TreeMap<>();
        byKind.values().forEach(m -> m.forEach((o, n) -> outcomeTotals.merge(o, n.get(), Long::sum)));
        out.append("by outcome: ").append(outcomeTotals).append('\n');
        table(out, "by kind", byKind);
        table(out, "by operation", byOperation);
        if (!extra.isEmpty()) {
            table(out, "observed", extra);
        }
        if (!violations.isEmpty()) {
            out.append("violations:\n");
            violations().stream().limit(200).forEach(v -> out.append("  - ").append(v).append('\n'));
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String heading, Map<String, Map<String, AtomicLong>> table) {
        out.append(heading).append(":\n");
        new TreeMap<>(table).forEach((key, outcomes) -> {
            long total = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
            Map<String, Long> sorted = new TreeMap<>();
            outcomes.forEach((o, n) -> sorted.put(o, n.get()));
            out.append(String.format("  %-22s %5d  %s%n", key, total, sorted));
        });
    }

    /** Writes the summary under {@code target/hostile-harness/}; throws {@link UncheckedIOException} if it cannot. */
    public void write(String fileName) {
        try {
            Path dir = Path.of("target", "hostile-harness");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName), summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
