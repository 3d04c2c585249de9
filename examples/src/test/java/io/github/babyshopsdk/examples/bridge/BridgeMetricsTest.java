package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics}: the bridge prints the babyshop-micrometer meters of its run before the JSON summary, and they
 * agree with what the simulator received and with the summary.
 */
class BridgeMetricsTest {
    /** A printed meter line: two spaces, the meter's name and tags, its figure. */
    private static final Pattern METER = Pattern.compile("^  (babyshop\\.\\S+)\\s+(.+)$");

    @TempDir
    Path dir;
    private BridgeWorld world;

    @BeforeEach
    void setUp() {
        world = new BridgeWorld(dir, Fixture.of(17, 40, 12));
        world.write("config.yml", BridgeWorld.CONFIG);
        StringBuilder csv = new StringBuilder("vendorSkuCode,hub,available\n");
        for (SimProduct product : world.validProducts()) {
            csv.append(product.vendorSkuCode()).append(",HUB-DXB,5\n");
        }
        world.write("inventory.csv", csv.toString());
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void aRunWithMetricsPrintsTheMetersAndTheyMatchTheRequestLogAndTheSummary() {
        BridgeWorld.Result result = world.run("--once", "--metrics");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        List<String> lines = result.lines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("metrics ")).findFirst().orElseThrow());
        Map<String, String> meters = new LinkedHashMap<>();
        for (String line : lines.subList(header + 1, lines.size() - 1)) {
            Matcher m = METER.matcher(line);
            if (m.matches()) {
                meters.put(m.group(1), m.group(2).trim());
            }
        }
        assertThat(result.summary().path("apiCalls").asLong()).as("the JSON summary is still the last line")
                .isPositive();

        // every request the simulator received is counted once, under its operation and outcome
        List<RecordedRequest> log = world.sim.requests().all();
        long printed = meters.entrySet().stream().filter(e -> e.getKey().startsWith("babyshop.client.requests{"))
                .mapToLong(e -> Long.parseLong(e.getValue())).sum();
        assertThat(printed).isEqualTo(log.size()).isEqualTo(result.summary().path("apiCalls").asLong());
        long orderListOk = log.stream().filter(r -> r.operation() == Operation.ORDER_LIST && r.httpStatus() == 200)
                .count();
        assertThat(meters).containsEntry("babyshop.client.requests{operation=orderList,outcome=success}",
                String.valueOf(orderListOk));
        assertThat(meters).containsEntry("babyshop.client.requests{operation=authToken,outcome=success}",
                String.valueOf(world.sim.requests().count(Operation.AUTH_TOKEN)));
        assertThat(meters.keySet()).as("counters at zero are left out")
                .noneMatch(k -> k.contains("outcome=api_error"));

        // the engine's figures: runs, records and the lag
        long ordersRuns = lines.stream().filter(l -> l.matches("\\[pass \\d+\\] orders .*")).count();
        assertThat(ordersRuns).as("a progress line per orders run").isPositive();
        assertThat(meters.get("babyshop.sync.runs{flow=orders,outcome=completed}")).startsWith(ordersRuns + " runs,");
        System.out.println(String.join("\n", lines.subList(header, lines.size())));
        assertThat(meters).containsEntry("babyshop.sync.records{flow=orders,kind=imported}",
                result.summary().path("ordersImported").asText());
        assertThat(meters).containsKey("babyshop.sync.orders.lag");
        assertThat(meters.get("babyshop.sync.orders.lag")).endsWith(" s");
        assertThat(meters).containsKey("babyshop.quota.remaining");
    }

    @Test
    void withoutTheOptionNoMeterIsPrinted() {
        BridgeWorld.Result result = world.run("--once");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).noneMatch(l -> l.startsWith("metrics ") || l.startsWith("  babyshop."));
    }

    @Test
    void theOptionIsInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = BabyshopBridge.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--metrics");
    }
}
