package io.github.babyshopsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Writes a run's figures as JSON ({@code benchmarks/results/latest.json}). */
final class ResultsFile {

    private ResultsFile() {
    }

    static void write(Path file, RunSettings settings, Instant started, List<Figure> figures, List<String> failures)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("startedAt", started.toString());
        root.put("quick", settings.quick());
        root.put("java", System.getProperty("java.version"));
        root.put("processors", Runtime.getRuntime().availableProcessors());
        root.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        ObjectNode byId = root.putObject("figures");
        for (Figure f : figures) {
            ObjectNode node = byId.putObject(f.id());
            node.put("description", f.description());
            node.put("value", f.value());
            node.put("unit", f.unit());
            if (!Double.isNaN(f.baseline())) {
                node.put("baseline", f.baseline());
                node.put("ratio", f.ratio());
            }
            f.target().ifPresent(t -> node.put("target", t));
            f.met().ifPresent(m -> node.put("met", m));
        }
        ArrayNode failed = root.putArray("failures");
        failures.forEach(failed::add);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        mapper.writeValue(file.toFile(), root);
    }
}
