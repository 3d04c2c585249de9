package io.github.babyshopsdk.examples.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A simulator, a directory for the bridge's files, and the bridge run in-process against them on the
 * simulator's time (its sleeper moves the simulated clock).
 */
final class BridgeWorld implements AutoCloseable {
    static final String USER = "seller";
    static final String PASSWORD = "secret";
    static final String PASSWORD_ENV = "BS_PASSWORD";
    static final String CONFIG = """
            zone: Asia/Kolkata             # zone of the API's date-times
            settings:
              orderSync: true
              catalogSync: true
              inventorySync: true
              autoCancelOnChannel: true    # Automated Order Cancellation On Sales Channel
            statusMapping:
              inbound:                     # Babyshop status (name as in the API reference, or code) -> host stage
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
            orderImportFrom: 01/01/2015        # the fixture's whole history (default: the last 7 days)
            """;

    final SellerPanelSimulator sim;
    final Path dir;
    final Path out;
    final String password;

    BridgeWorld(Path dir, Fixture fixture) {
        this(dir, fixture, PASSWORD, builder -> builder);
    }

    /**
     * A small world (5 orders, 10 SKUs) with valid minimal inputs: {@link #CONFIG}, one stock line, one host
     * event. The starting point of the bad-input tests, which each break one of them.
     */
    static BridgeWorld withMinimalInputs(Path dir) {
        BridgeWorld world = new BridgeWorld(dir, Fixture.of(5, 10, 8));
        world.write("config.yml", CONFIG);
        world.write("inventory.csv", "vendorSkuCode,hub,available\nV-1,HUB-DXB,3\n");
        world.write("host-events.csv", "orderNo,event,transporter,awbNo\n500000001,SHIPPED,,\n");
        return world;
    }

    /** A world whose seller has {@code password}, with the simulator configured further by {@code simulator}. */
    BridgeWorld(Path dir, Fixture fixture, String password,
                java.util.function.UnaryOperator<SellerPanelSimulator.Builder> simulator) {
        this.sim = simulator.apply(SellerPanelSimulator.builder().credentials(USER, password).fixture(fixture))
                .build().start();
        this.dir = dir;
        this.out = dir.resolve("out");
        this.password = password;
    }

    /** The result of one run. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        /** The last stdout line, parsed. */
        JsonNode summary() {
            List<String> lines = lines();
            try {
                return new ObjectMapper().readTree(lines.get(lines.size() - 1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Path write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String stateUrl() {
        return "jdbc:h2:file:" + dir.resolve("state").resolve("bridge").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    /** The usual arguments: the simulator, config.yml, inventory.csv, host-events.csv (if written), out/, state/. */
    List<String> args() {
        List<String> args = new ArrayList<>(List.of("--base-url", sim.baseUrl(), "--username", USER,
                "--password-env", PASSWORD_ENV, "--config", dir.resolve("config.yml").toString(),
                "--inventory", dir.resolve("inventory.csv").toString(), "--out", out.toString(),
                "--state", stateUrl(), "--allow-insecure-http"));
        if (Files.exists(dir.resolve("host-events.csv"))) {
            args.addAll(List.of("--host-events", dir.resolve("host-events.csv").toString()));
        }
        return args;
    }

    Result run(String... extra) {
        List<String> args = new ArrayList<>(args());
        args.addAll(Arrays.asList(extra));
        return runExactly(args.toArray(String[]::new));
    }

    Result runExactly(String... args) {
        return runWith(Map.of(PASSWORD_ENV, password), args);
    }

    Result runWith(Map<String, String> env, String... args) {
        return runWith(env, duration -> sim.simulatedClock().advance(duration), args);
    }

    Result runWith(Map<String, String> env, io.github.babyshopsdk.client.Sleeper sleeper, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        BridgeEnvironment environment = new BridgeEnvironment(env, sim.clock(), sleeper, dir);
        int code = BabyshopBridge.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), environment);
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Valid products of the simulated catalog. */
    List<SimProduct> validProducts() {
        return sim.store().products().stream()
                .filter(p -> p.vendorSkuCode() != null && !p.vendorSkuCode().isBlank()).toList();
    }

    /** Every file under {@code root} with the SHA-256 of its content (empty when {@code root} does not exist). */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    @Override
    public void close() {
        sim.close();
    }
}
