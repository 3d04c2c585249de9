package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.Sleeper;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.ReceivedShipment;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge in bridge mode, in-process, against a testkit simulator: what the host directory holds, what
 * the simulator received, the JSON summary, and that a second run on the same state changes nothing.
 */
class BridgeModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> MAPPED = Set.of(OrderStatus.PENDING.code(), OrderStatus.CONFIRMED.code(),
            OrderStatus.CANCELLED.code());

    @TempDir
    Path dir;
    private BridgeWorld world;

    private List<SimOrder> packed;
    private List<SimOrder> shipped;
    private SimOrder hostCancelled;
    private SimOrder notYetMapped;
    private List<SimProduct> stocked;
    private SimProduct absent;
    private final Map<String, BigDecimal> expectedStock = new HashMap<>();

    @BeforeEach
    void setUp() {
        world = new BridgeWorld(dir, Fixture.of(11, 60, 30));
        List<SimOrder> orders = world.sim.store().orders().stream().filter(o -> !o.jit())
                .sorted(Comparator.comparing(SimOrder::orderNo)).toList();
        List<SimOrder> confirmed = orders.stream()
                .filter(o -> o.status() == OrderStatus.CONFIRMED.code() && !o.onHold()).toList();
        List<SimOrder> pending = orders.stream().filter(o -> o.status() == OrderStatus.PENDING.code()).toList();
        assertThat(confirmed).as("the fixture's Confirmed orders").hasSizeGreaterThan(4);
        assertThat(pending).as("the fixture's Pending orders").isNotEmpty();
        packed = confirmed.subList(0, 3);
        shipped = confirmed.subList(0, 2);
        hostCancelled = pending.get(0);
        notYetMapped = confirmed.get(4);
        world.sim.store().setOrderStatus(notYetMapped.orderNo(), OrderStatus.READY_FOR_SHIP.code());

        world.write("config.yml", BridgeWorld.CONFIG);
        List<SimProduct> valid = world.validProducts();
        absent = valid.get(0);
        stocked = valid.subList(1, valid.size());
        StringBuilder csv = new StringBuilder("vendorSkuCode,hub,available\n");
        for (int i = 0; i < stocked.size(); i++) {
            SimProduct product = stocked.get(i);
            int dxb = i == 0 ? -5 : i;
            int ruh = i == 0 ? 2 : 2 * i;
            csv.append(product.vendorSkuCode()).append(",HUB-DXB,").append(dxb).append('\n');
            csv.append(product.vendorSkuCode()).append(",HUB-RUH,").append(ruh).append('\n');
            csv.append(product.vendorSkuCode()).append(",HUB-CAI,100\n");
            expectedStock.put(product.sku(), BigDecimal.valueOf(Math.max(0, dxb + ruh)));
        }
        csv.append("NOT-IN-CATALOG,HUB-DXB,4\n");
        world.write("inventory.csv", csv.toString());

        List<String> events = new ArrayList<>(List.of("orderNo,event,transporter,awbNo"));
        packed.forEach(o -> events.add(o.orderNo() + ",PACKED,Aramex,AWB" + o.orderNo()));
        events.add(packed.get(0).orderNo() + ",PACKED,Aramex,AWB" + packed.get(0).orderNo()); // again: applied once
        shipped.forEach(o -> events.add(o.orderNo() + ",SHIPPED,,"));
        events.add(packed.get(0).orderNo() + ",DELIVERED,,");
        events.add(hostCancelled.orderNo() + ",CANCELLED,,");
        events.add(notYetMapped.orderNo() + ",PACKED,SMSA Express,AWB" + notYetMapped.orderNo());
        world.write("host-events.csv", String.join("\n", events) + "\n");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    @Test
    void aRunImportsPushesAndReportsAndASecondRunChangesNothing() throws IOException {
        List<SimOrder> before = world.sim.store().orders().stream().filter(o -> !o.jit()).toList();
        // orders already Cancelled when first seen are recorded, not created (issue 12)
        List<SimOrder> mapped = before.stream().filter(o -> MAPPED.contains(o.status()))
                .filter(o -> o.status() != OrderStatus.CANCELLED.code()).toList();

        BridgeWorld.Result first = world.run("--once");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        // orders/: every order in a mapped status, with its stage, hub and lines
        Map<String, String> vendorCodes = world.validProducts().stream()
                .collect(Collectors.toMap(SimProduct::sku, SimProduct::vendorSkuCode));
        assertThat(orderFiles()).containsExactlyInAnyOrderElementsOf(mapped.stream().map(SimOrder::orderNo).toList());
        for (SimOrder order : mapped) {
            JsonNode file = JSON.readTree(world.out.resolve("orders").resolve(order.orderNo() + ".json").toFile());
            String stage = order.status() == OrderStatus.CANCELLED.code()
                    || order.orderNo().equals(hostCancelled.orderNo()) ? "CANCELLED" : "NEW";
            assertThat(file.path("orderNo").asText()).isEqualTo(order.orderNo());
            assertThat(file.path("masterOrderNo").asText()).isEqualTo(order.masterOrderNo());
            assertThat(file.path("stage").asText()).as(order.orderNo()).isEqualTo(stage);
            assertThat(file.path("hub").asText()).isEqualTo("SAU".equals(order.address().countryCode())
                    ? "HUB-RUH" : "HUB-DXB");
            assertThat(file.path("lines")).hasSize(order.lines().size());
            for (int i = 0; i < order.lines().size(); i++) {
                SimOrderLine line = order.lines().get(i);
                JsonNode written = file.path("lines").get(i);
                assertThat(written.path("sku").asText()).isEqualTo(line.skuCode());
                assertThat(written.path("qty").asInt()).isEqualTo(line.orderQty());
                String code = vendorCodes.get(line.skuCode());
                assertThat(written.path("vendorSkuCode").isNull() ? null : written.path("vendorSkuCode").asText())
                        .as("vendorSkuCode of %s", line.skuCode()).isEqualTo(code);
            }
        }
        // host-events.jsonl: one create per order, one cancel for the host's own cancellation
        List<JsonNode> hostEvents = jsonLines(world.out.resolve("host-events.jsonl"));
        assertThat(hostEvents.stream().filter(e -> e.path("event").asText().equals("create"))
                .map(e -> e.path("orderNo").asText())).containsExactlyInAnyOrderElementsOf(orderFiles());
        assertThat(hostEvents.stream().filter(e -> e.path("event").asText().equals("cancel"))
                .map(e -> e.path("orderNo").asText())).containsExactly(hostCancelled.orderNo());
        assertThat(hostEvents).allSatisfy(e -> assertThat(e.size()).isEqualTo(2));
        // labels/: the AWB label of each packed order
        for (SimOrder order : packed) {
            byte[] label = Files.readAllBytes(world.out.resolve("labels").resolve(order.orderNo() + ".pdf"));
            assertThat(new String(label, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        assertThat(world.out.resolve("labels")).isDirectoryContaining(p -> true);
        assertThat(Files.list(world.out.resolve("labels")).count()).isEqualTo(packed.size());

        // what the simulator received
        Map<String, InventoryUpdate> inventory = world.sim.store().latestInventory();
        assertThat(inventory.keySet()).containsExactlyInAnyOrderElementsOf(expectedStock.keySet())
                .doesNotContain(absent.sku());
        expectedStock.forEach((sku, qty) -> assertThat(inventory.get(sku).invQty()).as(sku).isEqualByComparingTo(qty));
        assertThat(apiInvoices()).extracting(IssuedInvoice::orderNo)
                .containsExactlyInAnyOrderElementsOf(packed.stream().map(SimOrder::orderNo).toList());
        assertThat(apiInvoices()).allSatisfy(invoice -> {
            assertThat(invoice.transporterName()).isEqualTo("Aramex");
            assertThat(invoice.trackingNo()).isEqualTo("AWB" + invoice.orderNo());
        });
        assertThat(world.sim.store().shipments()).extracting(ReceivedShipment::orderNo)
                .containsExactlyInAnyOrderElementsOf(shipped.stream().map(SimOrder::orderNo).toList());
        assertThat(world.sim.store().cancellations()).extracting(CancellationRecord::orderNo, CancellationRecord::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hostCancelled.orderNo(),
                        CancellationRecord.Source.SELLER_API));

        // the summary: last line, one JSON object
        JsonNode summary = first.summary();
        long unmapped = before.stream().filter(o -> !MAPPED.contains(o.status())).count();
        assertThat(summary.path("ordersImported").asInt()).isEqualTo(mapped.size());
        assertThat(summary.path("ordersCancelled").asInt()).isEqualTo(1);
        assertThat(summary.path("ordersSkipped").path("status unmapped").asLong()).isEqualTo(unmapped);
        long cancelledBeforeSeen = before.stream().filter(o -> o.status() == OrderStatus.CANCELLED.code()).count();
        assertThat(summary.path("ordersSkipped").path("cancelled before first seen").asLong())
                .isEqualTo(cancelledBeforeSeen);
        assertThat(summary.path("ordersSkipped").size()).isEqualTo(cancelledBeforeSeen > 0 ? 2 : 1);
        assertThat(summary.path("skusImported").asInt()).isEqualTo(world.validProducts().size());
        assertThat(summary.path("skusRejected").asInt())
                .isEqualTo(world.sim.store().products().size() - world.validProducts().size());
        assertThat(summary.path("inventoryPushed").asInt()).isEqualTo(expectedStock.size());
        assertThat(summary.path("inventoryFailed").asInt()).isZero();
        assertThat(summary.path("shipmentsPushed").asInt()).isEqualTo(packed.size() + shipped.size());
        assertThat(summary.path("cancellationsPushed").asInt()).isEqualTo(1);
        assertThat(summary.path("apiCalls").asLong()).isEqualTo(world.sim.requests().all().size());
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(first.lines()).anySatisfy(l -> assertThat(l).startsWith("[pass 1] orders"));
        assertThat(first.lines()).anySatisfy(l -> assertThat(l).startsWith("flow ").contains("last outcome"));
        assertThat(first.lines()).anySatisfy(l -> assertThat(l).contains("DELIVERED " + packed.get(0).orderNo())
                .contains("SellerPanel V3 has no operation for Delivered"));
        assertThat(first.stderr()).contains("the host holds no order " + notYetMapped.orderNo());

        // a second run on the same state: nothing imported or pushed twice, no file changed
        Map<String, String> files = BridgeWorld.snapshot(world.out);
        int inventoryUpdates = world.sim.store().inventoryUpdates().size();
        int invoices = world.sim.store().invoices().size();
        int shipments = world.sim.store().shipments().size();
        int cancellations = world.sim.store().cancellations().size();

        // later (past the engine's 10-minute overlap, within which it reads recently updated orders again)
        world.sim.simulatedClock().advance(Duration.ofMinutes(15));
        BridgeWorld.Result second = world.run("--once");

        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(BridgeWorld.snapshot(world.out)).isEqualTo(files);
        assertThat(world.sim.store().inventoryUpdates()).hasSize(inventoryUpdates);
        assertThat(world.sim.store().invoices()).hasSize(invoices);
        assertThat(world.sim.store().shipments()).hasSize(shipments);
        assertThat(world.sim.store().cancellations()).hasSize(cancellations);
        JsonNode again = second.summary();
        for (String count : List.of("ordersImported", "ordersCancelled", "skusImported", "skusRejected",
                "inventoryPushed", "inventoryFailed", "shipmentsPushed", "cancellationsPushed", "errors")) {
            assertThat(again.path(count).asInt()).as(count).isZero();
        }
        // orders updated within the overlap before the last read are read once more (and reported again)
        assertThat(again.path("ordersSkipped").properties()).allSatisfy(e -> assertThat(e.getKey())
                .isEqualTo("status unmapped"));
        assertThat(again.path("apiCalls").asInt()).isPositive();
        assertThat(second.stderr()).as("the waiting event is tried again").contains("the host holds no order "
                + notYetMapped.orderNo());

        BridgeWorld.Result quiet = world.run("--once");

        assertThat(quiet.exitCode()).as(quiet.stderr()).isZero();
        assertThat(BridgeWorld.snapshot(world.out)).isEqualTo(files);
        for (String count : List.of("ordersImported", "ordersCancelled", "skusImported", "skusRejected",
                "inventoryPushed", "inventoryFailed", "shipmentsPushed", "cancellationsPushed", "errors")) {
            assertThat(quiet.summary().path(count).asInt()).as(count).isZero();
        }
        assertThat(quiet.summary().path("ordersSkipped").size()).as(quiet.stdout()).isZero();

        // the order comes into a mapped status: the next run imports it and applies its waiting PACKED event
        world.sim.simulatedClock().advance(Duration.ofMinutes(1));
        world.sim.store().setOrderStatus(notYetMapped.orderNo(), OrderStatus.CONFIRMED.code());

        BridgeWorld.Result third = world.run("--once");

        assertThat(third.exitCode()).as(third.stderr()).isZero();
        assertThat(third.summary().path("ordersImported").asInt()).isEqualTo(1);
        assertThat(third.summary().path("shipmentsPushed").asInt()).isEqualTo(1);
        assertThat(world.out.resolve("labels").resolve(notYetMapped.orderNo() + ".pdf")).exists();
        assertThat(apiInvoices()).extracting(IssuedInvoice::orderNo).contains(notYetMapped.orderNo());
        assertThat(third.stderr()).doesNotContain("the host holds no order");
    }

    @Test
    void withAutoCancelOffAHostCancellationStaysInTheHost() throws IOException {
        world.write("config.yml", BridgeWorld.CONFIG.replace("autoCancelOnChannel: true", "autoCancelOnChannel: false"));

        BridgeWorld.Result result = world.run("--once");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode order = JSON.readTree(world.out.resolve("orders").resolve(hostCancelled.orderNo() + ".json").toFile());
        assertThat(order.path("stage").asText()).isEqualTo("CANCELLED");
        assertThat(world.sim.store().cancellations()).isEmpty();
        assertThat(result.summary().path("ordersCancelled").asInt()).isEqualTo(1);
        assertThat(result.summary().path("cancellationsPushed").asInt()).isZero();
        assertThat(result.lines()).anySatisfy(l -> assertThat(l).contains("CANCEL " + hostCancelled.orderNo())
                .contains("Automated Order Cancellation On Sales Channel is off"));
    }

    @Test
    void cyclesRunTheScheduleAndEndWithTheSummary() {
        world.write("config.yml", BridgeWorld.CONFIG + "schedule: { tick: 5m, orders: 5m, catalog: 5m, inventory: 5m }\n");

        BridgeWorld.Result result = world.run("--cycles", "3");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).anySatisfy(l -> assertThat(l).startsWith("[cycle 1] orders"));
        assertThat(result.lines()).anySatisfy(l -> assertThat(l).startsWith("[cycle 3] orders"));
        assertThat(result.summary().path("ordersImported").asInt()).isPositive();
        assertThat(result.summary().path("inventoryPushed").asInt()).isEqualTo(expectedStock.size());
    }

    /** Invoices made through the API (the fixture has some of its own). */
    private List<IssuedInvoice> apiInvoices() {
        return world.sim.store().invoices().stream().filter(IssuedInvoice::viaApi).toList();
    }

    @Test
    void onTheScheduleItRunsUntilInterruptedAndThenClosesCleanly() {
        world.write("config.yml", BridgeWorld.CONFIG + "schedule: { tick: 17m }\n");
        java.time.Instant start = world.sim.simulatedClock().instant();
        java.util.List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Sleeper sleeper = duration -> {
            // the bridge waits until the next flow is due (shipments every 5 minutes), at most a tick
            if (!world.sim.simulatedClock().instant().isBefore(start.plus(Duration.ofMinutes(40)))) {
                throw new InterruptedException("Ctrl-C"); // what the shutdown hook's interrupt does to a wait
            }
            waits.add(duration);
            world.sim.simulatedClock().advance(duration);
        };

        BridgeWorld.Result result = world.runWith(Map.of(BridgeWorld.PASSWORD_ENV, BridgeWorld.PASSWORD), sleeper,
                world.args().toArray(String[]::new));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.lines()).anySatisfy(l -> assertThat(l).startsWith("[cycle 1] orders"));
        assertThat(result.lines()).anySatisfy(l -> assertThat(l).startsWith("[cycle 3] "));
        assertThat(waits).as("never longer than the tick").allMatch(w -> w.compareTo(Duration.ofMinutes(17)) <= 0)
                .as("woken when a flow is due, before the tick")
                .anyMatch(w -> w.compareTo(Duration.ofMinutes(17)) < 0);
        assertThat(result.stderr()).contains("interrupted; the state is consistent and the next run continues");
        assertThat(result.summary().path("ordersImported").asInt()).isPositive();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        BridgeWorld.Result next = world.run("--once");
        assertThat(next.exitCode()).isZero();
        assertThat(next.summary().path("ordersImported").asInt()).as("nothing imported twice").isZero();
    }

    private List<String> orderFiles() throws IOException {
        try (var files = Files.list(world.out.resolve("orders"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).toList();
        }
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
