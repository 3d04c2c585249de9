package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The demo's world: the testkit simulator with a seeded store (300 orders in mixed statuses over 120 SKUs, some
 * without a valid Vendor SKU Code), and the demo host's input files in a directory: {@code config.yml}, the
 * stock of two hubs ({@code inventory.csv}, plus rows of a third hub the bridge ignores) and the packer's order
 * events ({@code host-events.csv}: some Confirmed orders packed, most of them shipped, one delivered, one Pending
 * order cancelled in the host). After the first pass one more order is cancelled on Babyshop's side. The bridge
 * then runs on these exactly as on real input: {@link #args()}.
 */
final class DemoStore implements AutoCloseable {
    static final String USER = "demo-seller";
    static final String PASSWORD_ENV = "BABYSHOP_DEMO_PASSWORD";
    private static final String PASSWORD = "demo-password";
    private static final int PACKED = 12;
    private static final int SHIPPED = 8;

    private final SellerPanelSimulator sim;
    private final Path dir;
    private final Instant start;
    private final String channelCancellation;
    private final int orders;
    private final int skus;
    private final long invalidSkus;

    private DemoStore(SellerPanelSimulator sim, Path dir) {
        this.sim = sim;
        this.dir = dir;
        this.start = sim.clock().instant();
        List<SimOrder> all = sim.store().orders().stream().filter(o -> !o.jit())
                .sorted(Comparator.comparing(SimOrder::orderNo)).toList();
        List<SimOrder> confirmed = all.stream().filter(o -> o.status() == OrderStatus.CONFIRMED.code() && !o.onHold())
                .toList();
        List<SimOrder> pending = all.stream().filter(o -> o.status() == OrderStatus.PENDING.code()).toList();
        List<SimProduct> products = sim.store().products();
        this.orders = all.size();
        this.skus = products.size();
        this.invalidSkus = products.stream().filter(p -> p.vendorSkuCode() == null || p.vendorSkuCode().isBlank()).count();
        this.channelCancellation = pending.get(1).orderNo();
        write("config.yml", config(start));
        write("inventory.csv", inventory(products));
        write("host-events.csv", events(confirmed, pending.get(0)));
    }

    /** Starts the simulator and writes the demo host's input files into {@code dir}. */
    static DemoStore start(Path dir) {
        SellerPanelSimulator sim = SellerPanelSimulator.builder()
                .credentials(USER, PASSWORD)
                .fixture(Fixture.of(2026, 300, 120))
                .build().start();
        try {
            return new DemoStore(sim, dir);
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** The bridge's command line for the demo: bridge mode against the simulator, {@code --once}. */
    String[] args() {
        return new String[] {
            "--base-url", sim.baseUrl(),
            "--username", USER,
            "--password-env", PASSWORD_ENV,
            "--config", dir.resolve("config.yml").toString(),
            "--inventory", dir.resolve("inventory.csv").toString(),
            "--host-events", dir.resolve("host-events.csv").toString(),
            "--out", dir.resolve("host").toString(),
            "--state", "jdbc:h2:file:" + dir.resolve("state").resolve("bridge").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
            "--once",
            "--allow-insecure-http"};
    }

    /** The password variable, the simulator's clock, and a sleeper that moves simulated time instead of waiting. */
    BridgeEnvironment environment() {
        return new BridgeEnvironment(Map.of(PASSWORD_ENV, PASSWORD), sim.clock(),
                duration -> sim.simulatedClock().advance(duration), dir);
    }

    /** After the first pass, a customer cancels an imported order on Babyshop's side. */
    void afterPass(int pass) {
        if (pass == 1) {
            sim.store().cancelOnChannel(channelCancellation);
        }
    }

    /** One line about the seeded store. */
    String describe() {
        return String.format(Locale.ROOT, "simulator %s: %d orders, %d SKUs (%d without a valid Vendor SKU Code); "
                        + "host: 2 hubs, %d orders packed, %d shipped, 1 delivered, 1 cancelled in the host, "
                        + "1 cancelled on Babyshop after the first pass",
                sim.baseUrl(), orders, skus, invalidSkus, PACKED, SHIPPED);
    }

    /** Simulated time since the demo started (quota waits move it). */
    Duration simulatedTime() {
        return Duration.between(start, sim.clock().instant());
    }

    /** The simulator, for tests. */
    SellerPanelSimulator simulator() {
        return sim;
    }

    /** The demo directory. */
    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        sim.close();
    }

    /** The demo's configuration; its import start takes in the seeded store's 14 days of orders. */
    private static String config(java.time.Instant start) {
        String importFrom = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT)
                .format(start.minus(Duration.ofDays(15)).atZone(java.time.ZoneId.of("Asia/Kolkata")));
        return """
                # Babyshop bridge demo configuration (the same format as for a real store)
                zone: Asia/Kolkata             # zone of the API's date-times
                orderImportFrom: %s         # the demo store's 14 days of orders (default: the last 7 days)
                settings:
                  orderSync: true
                  catalogSync: true
                  inventorySync: true
                  autoCancelOnChannel: true    # Automated Order Cancellation On Sales Channel
                statusMapping:
                  inbound:                     # Babyshop status -> host stage
                    Pending: NEW
                    Confirmed: NEW
                    Cancelled: CANCELLED
                  outbound:                    # host event -> what is pushed to Babyshop
                    SHIPPED: Shipped
                    CANCELLED: Cancelled
                hubMapping:
                  defaultHub: HUB-DXB
                  rules:                       # first match wins; fields of the order's shipping address
                    - { country: SAU, hub: HUB-RUH }
                """.formatted(importFrom);
    }

    private static String inventory(List<SimProduct> products) {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("vendorSkuCode,hub,available\n");
        int i = 0;
        for (SimProduct product : products) {
            if (product.vendorSkuCode() == null || product.vendorSkuCode().isBlank()) {
                continue; // the host knows no code for it
            }
            String code = product.vendorSkuCode();
            csv.append(code).append(",HUB-DXB,").append(random.nextInt(41)).append('\n');
            csv.append(code).append(",HUB-RUH,").append(random.nextInt(29) - 3).append('\n');
            if (i++ % 7 == 0) {
                csv.append(code).append(",HUB-CAI,").append(random.nextInt(100)).append('\n'); // not a mapped hub
            }
        }
        csv.append("VSKU-DISCONTINUED,HUB-DXB,5\n"); // not in the Babyshop catalog: never pushed
        return csv.toString();
    }

    private static String events(List<SimOrder> confirmed, SimOrder cancelled) {
        List<SimOrder> packed = confirmed.subList(0, Math.min(PACKED, confirmed.size()));
        List<String> lines = new ArrayList<>();
        lines.add("orderNo,event,transporter,awbNo");
        for (int i = 0; i < packed.size(); i++) {
            String orderNo = packed.get(i).orderNo();
            lines.add(orderNo + ",PACKED," + (i % 2 == 0 ? "Aramex" : "SMSA Express") + ",AWB" + orderNo);
        }
        for (SimOrder order : packed.subList(0, Math.min(SHIPPED, packed.size()))) {
            lines.add(order.orderNo() + ",SHIPPED,,");
        }
        lines.add(packed.get(0).orderNo() + ",DELIVERED,,");
        lines.add(cancelled.orderNo() + ",CANCELLED,,");
        return String.join("\n", lines) + "\n";
    }

    private void write(String name, String content) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo file " + dir.resolve(name), e);
        }
    }
}
