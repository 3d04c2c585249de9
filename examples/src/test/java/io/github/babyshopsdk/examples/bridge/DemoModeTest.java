package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo (no arguments) in-process: progress lines, the report table, the JSON summary, exit 0. */
class DemoModeTest {
    @TempDir
    Path dir;

    @Test
    void theDemoSyncsTheSeededStoreAndEndsWithTheReport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = BabyshopBridge.demo(dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(stderr).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("Babyshop bridge demo: simulator http://127.0.0.1:");
        for (String flow : List.of("orders", "cancellations", "shipments", "inventory", "catalog")) {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[pass 1] " + flow + " "));
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("flow +runs +read +imported +cancelled +pushed +failed"
                + " +last outcome"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("orders +\\d+ +\\d+ +\\d+ +\\d+ +0 +0  completed"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("not pushed     DELIVERED "));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("demo time "));

        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.path("ordersImported").asInt()).isGreaterThan(150);
        assertThat(summary.path("ordersSkipped").path("status unmapped").asInt()).isPositive();
        assertThat(summary.path("ordersCancelled").asInt()).as("one by the host, one on Babyshop").isEqualTo(2);
        assertThat(summary.path("skusImported").asInt()).isPositive();
        assertThat(summary.path("skusRejected").asInt()).as("SKUs without a valid Vendor SKU Code").isPositive();
        assertThat(summary.path("inventoryPushed").asInt()).isEqualTo(summary.path("skusImported").asInt());
        assertThat(summary.path("shipmentsPushed").asInt()).as("12 packed, 8 shipped").isEqualTo(20);
        assertThat(summary.path("cancellationsPushed").asInt()).isEqualTo(1);
        assertThat(summary.path("apiCalls").asInt()).isGreaterThan(40);
        assertThat(summary.path("quotaWaits").asInt()).as("more calls than one quota window").isPositive();
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(stderr).doesNotContain("stopped after");

        Path host = dir.resolve("host");
        try (var orders = Files.list(host.resolve("orders"))) {
            assertThat(orders.count()).isEqualTo(summary.path("ordersImported").asLong());
        }
        try (var labels = Files.list(host.resolve("labels"))) {
            assertThat(labels.count()).isEqualTo(12);
        }
        assertThat(Files.readAllLines(host.resolve("host-events.jsonl")))
                .hasSize(summary.path("ordersImported").asInt() + summary.path("ordersCancelled").asInt());
    }
}
