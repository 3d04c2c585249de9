package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input to the bridge (issue 9, Low items and the bad-input rule): every bad input gets one clear,
 * typed message, exit code 2 (3 for authentication), no stack trace, no JSON summary, and nothing written: no
 * {@code --out}, no state database, no call to the server. Valid but odd input (BOM, CRLF, unicode) runs.
 */
class HostileInputTest extends MinimalBridgeWorldTest {
    /** A config change and the message it must give. */
    static Stream<Arguments> badConfigs() {
        // without the test config's import start (the last line), so the cases below may add their own
        String c = BridgeWorld.CONFIG.lines().filter(line -> !line.startsWith("orderImportFrom:"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        return Stream.of(
                Arguments.of(c + "quota: { window: 99999999999999999999s }\n", "window must be a duration from 1s to 30d"),
                Arguments.of(c + "quota: { window: 999999999999d }\n", "window must be a duration from 1s to 30d"),
                Arguments.of(c + "quota: { window: PT9999999999999999999H }\n", "window must be a duration"),
                Arguments.of(c + "quota: { window: 99999999999s }\n", "window must be a duration from 1s to 30d"),
                Arguments.of(c + "schedule: { orders: 0s }\n", "orders must be a duration from 1s to 30d"),
                Arguments.of(c + "schedule: { tick: 1ms }\n", "tick must be a duration from 1s to 30d"),
                Arguments.of(c + "schedule: { tick: -5m }\n", "tick must be a duration"),
                Arguments.of(c + "schedule: { catalog: P99999999999D }\n", "catalog must be a duration"),
                Arguments.of(c + "quota: { calls: 99999999999999999999 }\n", "calls must be a whole number from 1 to 100000"),
                Arguments.of(c + "quota: { calls: 2147483648 }\n", "calls must be a whole number from 1 to 100000"),
                Arguments.of(c + "quota: { calls: -1 }\n", "calls must be a whole number"),
                Arguments.of(c + "quota: { calls: 1e3 }\n", "calls must be a whole number"),
                Arguments.of(c + "quota: { calls: 10, reservePerTier: 11 }\n",
                        "reservePerTier must be a whole number from 0 to quota.calls (10)"),
                Arguments.of(c + "quota: { reservePerTier: -1 }\n", "reservePerTier must be a whole number"),
                Arguments.of(c + "quota: { reservePerTier: 99999999999999999999 }\n",
                        "reservePerTier must be a whole number from 0 to quota.calls (40)"),
                Arguments.of(c + "orderImportFrom: 01/01/99999\n", "orderImportFrom must be a date dd/MM/yyyy from year 2000"),
                Arguments.of(c + "orderImportFrom: 31/12/1899\n", "orderImportFrom must be a date dd/MM/yyyy from year 2000"),
                Arguments.of(c + "zone: 99999999999999999999\n", "duplicate key 'zone'"),
                Arguments.of(c.replace("zone: Asia/Kolkata ", "zone: 99999999999999999999"), "unknown zone '99999999999999999999'"),
                Arguments.of(c.replace("    Pending: NEW", "    99999999999999999999: NEW"), "unknown Babyshop status '99999999999999999999'"),
                Arguments.of(c.replace("    Pending: NEW", "    Pending: \"NEW\\nFORGED\""), "Pending holds a control character: 'NEW\\nFORGED'"),
                Arguments.of(c.replace("defaultHub: HUB-DXB", "defaultHub: \"HUB\\u202EBXD\""), "defaultHub holds a control character"),
                Arguments.of(c.replace("defaultHub: HUB-DXB", "defaultHub: " + "H".repeat(5000)), "defaultHub is longer than 100 characters"),
                Arguments.of(c + "---\nzone: UTC\n", "config.yml line 20: a second YAML document ('---'): the file must hold exactly one document"),
                Arguments.of(c + "---\n", "a second YAML document"),
                Arguments.of("", "the file is empty"),
                Arguments.of("# only a comment\n", "the file is empty"),
                Arguments.of("[" .repeat(5000) + "]".repeat(5000) + "\n", "not valid YAML"),
                Arguments.of("zone: UTC\n\tsettings: {}\n", "not valid YAML"),
                Arguments.of("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "unknown key"),
                Arguments.of(c.replace("  orderSync: true", "  orderSync: 99999999999999999999"), "orderSync must be true or false"),
                Arguments.of(c.replace("    Confirmed: NEW", "    Confirmed: NEW\n    5: OTHER"), "config.yml line 11: Babyshop status Confirmed is mapped twice (first on line 10)"),
                Arguments.of(c.replace("    Confirmed: NEW", "    Confirmed: NEW\n    confirmed: OTHER"), "config.yml line 11: Babyshop status Confirmed is mapped twice"),
                Arguments.of("? [a, b]\n: c\n", "config.yml"),
                Arguments.of(c.replace("zone: Asia/Kolkata ", "zone: !!binary aGVsbG8= "), "config.yml line 1"),
                Arguments.of(c.replace("zone: Asia/Kolkata ", "zone: !!java.lang.Runtime x "), "config.yml line 1"),
                Arguments.of(c + "settings: *undefined\n", "config.yml"),
                Arguments.of(c.replace("    SHIPPED: Shipped", "    SHIPPED: Shipped\n    shipped: Shipped"),
                        "config.yml line 14: host event SHIPPED is mapped twice (first on line 13)"),
                Arguments.of(c.replace("defaultHub: HUB-DXB", "defaultHub: [HUB-DXB]"), "config.yml line 16: defaultHub needs a value"),
                Arguments.of(c.replace("    - { country: SAU, hub: HUB-RUH }", "    - SAU"), "config.yml line 18: a hub rule must be a map"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void aBadConfigurationIsExitCode2WithOneLine(String yaml, String message) {
        world.write("config.yml", yaml);
        assertFails(world.run("--once"), 2, message);
    }

    @Test
    void aConfigurationThatIsNotUtf8OrTooLargeOrADirectoryIsRefused() throws IOException {
        Files.write(dir.resolve("config.yml"), new byte[] {'z', 'o', 'n', 'e', ':', ' ', (byte) 0xff, '\n'});
        assertFails(world.run("--once"), 2, "config.yml: not UTF-8 text");
        world.write("config.yml", BridgeWorld.CONFIG + "#" + "x".repeat(ConfigLoader.MAX_BYTES) + "\n");
        assertFails(world.run("--once"), 2, "config.yml: larger than 1048576 bytes");
        Files.delete(dir.resolve("config.yml"));
        Files.createDirectory(dir.resolve("config.yml"));
        assertFails(world.run("--once"), 2, "config.yml: is a directory, not a file");
    }

    @Test
    void aConfigurationWithBomCrlfAndUnicodeRuns() {
        world.write("config.yml", "\uFEFF" + BridgeWorld.CONFIG.replace("\n", "\r\n")
                .replace("defaultHub: HUB-DXB", "defaultHub: HUB-DXB # Dubaï ✓"));
        BridgeWorld.Result result = world.run("--once");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
    }

    /** Arguments changed by a function, and the message they must give. */
    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of((Function<List<String>, List<String>>) a -> with(a, "--cycles", "99999999999999999999"),
                        "Invalid value for option '--cycles'"),
                Arguments.of((Function<List<String>, List<String>>) a -> with(a, "--bogus=1"), "Unknown option: '--bogus=1'"),
                Arguments.of((Function<List<String>, List<String>>) a -> with(a, "--once"), "should be specified only once"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--username", "seller\nFORGED"),
                        "an argument holds a control character: 'seller\\nFORGED'"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--username", "u".repeat(101)),
                        "--username is longer than 100 characters"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--config", "conf\u0000ig.yml"),
                        "an argument holds a control character: 'conf\\u0000ig.yml'"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--state", "jdbc:h2:mem:x\nFORGED"),
                        "an argument holds a control character"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--password-env", "NO\nSUCH"),
                        "an argument holds a control character: 'NO\\nSUCH'"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--config", "/"),
                        "/: is a directory, not a file"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--password-env", "NO_SUCH_VAR"),
                        "environment variable NO_SUCH_VAR (from --password-env) is not set"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--base-url", "ht tp://x"),
                        "--base-url is not a URL"),
                Arguments.of((Function<List<String>, List<String>>) a -> replace(a, "--base-url", "ftp://127.0.0.1/"),
                        "--base-url must be an https URL"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void aBadArgumentIsExitCode2WithOneLine(Function<List<String>, List<String>> change, String message) {
        List<String> args = change.apply(with(world.args(), "--once"));
        assertFails(world.runExactly(args.toArray(String[]::new)), 2, message);
    }

    @Test
    void aBaseUrlWithUserInfoOrAQueryIsRefusedWithoutEchoingIt() {
        String port = world.sim.baseUrl().replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");
        for (String url : List.of("http://seller:TOPSECRET@127.0.0.1:" + port + "/RestWS/api/sellerPanel/v3/",
                "http://127.0.0.1:" + port + "/RestWS/api/sellerPanel/v3/?apiKey=TOPSECRET",
                "http://127.0.0.1:" + port + "/RestWS/api/sellerPanel/v3/#TOPSECRET",
                "http://seller:TOP SECRET@127.0.0.1:" + port + "/",
                "ftp://seller:TOPSECRET@127.0.0.1/")) {
            BridgeWorld.Result result = world.runExactly(with(replace(world.args(), "--base-url", url), "--once")
                    .toArray(String[]::new));
            assertFails(result, 2, "--base-url");
            assertThat(result.stderr() + result.stdout()).as(url).doesNotContain("TOPSECRET").doesNotContain("TOP SECRET");
        }
    }

    @Test
    void aFileAsOutIsFoundBeforeTheStateDatabaseAndAnyCall() throws IOException {
        Path file = world.write("out", "not a directory");
        assertFails(world.runExactly(with(world.args(), "--once").toArray(String[]::new)), 2,
                "--out " + file + ": is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void anOutUnderAFileIsFoundBeforeTheStateDatabaseAndAnyCall() {
        Path file = world.write("plain", "x");
        List<String> args = replace(world.args(), "--out", file.resolve("out").toString());
        assertFails(world.runExactly(with(args, "--once").toArray(String[]::new)), 2,
                "cannot be created: " + file + " is a file, not a directory");
    }

    @Test
    void anOutWhoseContentAnEarlierRunCouldNotHaveLeftIsFoundBeforeAnySideEffect() throws IOException {
        Files.createDirectories(world.out);
        Files.writeString(world.out.resolve("orders"), "a file where the orders directory goes");
        assertFails(world.run("--once"), 2, "orders is not a writable directory", false);
        Files.delete(world.out.resolve("orders"));
        Files.writeString(world.out.resolve("host-events.jsonl"), "{\"event\": \"create\", \"orderNo\n");
        assertFails(world.run("--once"), 2, "cannot read what an earlier run left there", false);
        assertThat(Files.exists(world.out.resolve("orders"))).as("nothing created under --out").isFalse();
    }

    @Test
    void aStateUrlWithAPasswordNeverShowsIt() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (String url : List.of("jdbc:postgresql://seller:TOPSECRET@127.0.0.1:" + port + "/x",
                "jdbc:postgresql://127.0.0.1:" + port + "/x?user=a&password=TOPSECRET",
                "jdbc:h2:mem:x;PASSWORD=TOPSECRET;FOO=1", "jdbc:h2:mem:x;user=TOPSECRET",
                "jdbc:postgresql://u:TOP/SECRET@h/x", "jdbc:nosuch://u:TOPSECRET@h/")) {
            BridgeWorld.Result result = world.runExactly(with(replace(world.args(), "--state", url), "--once")
                    .toArray(String[]::new));
            assertFails(result, 2, "--state must not carry a password or user info: give them in the environment "
                    + "variables BABYSHOP_STATE_USER and BABYSHOP_STATE_PASSWORD");
            assertThat(result.stdout() + result.stderr()).as(url).doesNotContain("TOPSECRET");
        }
    }

    @Test
    void aWrongPasswordIsExitCode3WithoutThePassword() {
        BridgeWorld.Result result = world.runWith(Map.of(BridgeWorld.PASSWORD_ENV, "WRONG-PW-4f1e"),
                with(world.args(), "--once").toArray(String[]::new));
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("authentication failed for user seller at http://127.0.0.1:")
                .doesNotContain("WRONG-PW-4f1e").doesNotContain("\tat ");
    }

    // ---- inventory: a bad value rejects its line (and SKU), the run goes on -----------------------------------

    @Test
    void anOutOfRangeInventoryValueRejectsItsSkuAndTheOtherSkusArePushed() {
        List<SimProduct> valid = world.validProducts();
        String bad = valid.get(0).vendorSkuCode();
        String good = valid.get(1).vendorSkuCode();
        String odd = valid.get(2).vendorSkuCode();
        world.write("inventory.csv", "vendorSkuCode,hub,available\n"
                + bad + ",HUB-RUH,4\n"
                + bad + ",HUB-DXB,1e999999999\n"
                + good + ",HUB-DXB,7\n"
                + odd + ",HUB-DXB,2.5\n");

        BridgeWorld.Result result = world.run("--once");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("inventory.csv line 3: available must be a whole number from "
                + "-1000000000 to 1000000000, not '1e999999999'; " + bad + " is not pushed this run");
        assertThat(result.stderr()).contains("inventory.csv line 5: available must be a whole number");
        assertThat(result.stdout()).contains("warning        " + dir.resolve("inventory.csv") + " line 3");
        var pushed = world.sim.store().latestInventory();
        assertThat(pushed).containsKey(valid.get(1).sku()).doesNotContainKeys(valid.get(0).sku(), valid.get(2).sku());
        assertThat(pushed.get(valid.get(1).sku()).invQty()).isEqualByComparingTo("7");
        assertThat(result.summary().path("inventoryPushed").asInt()).isEqualTo(1);
    }

    @Test
    void anInventoryFileThatIsNotUtf8IsRefused() throws IOException {
        Files.write(dir.resolve("inventory.csv"), "vendorSkuCode,hub,available\nV\u00e9,H,1\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertFails(world.run("--once"), 2, "inventory.csv: not UTF-8 text");
    }

    @Test
    void aHostEventWithAControlCharacterIsRefused() {
        world.write("host-events.csv", "orderNo,event,transporter,awbNo\n\"5000\u2028FORGED\",SHIPPED,,\n");
        assertFails(world.run("--once"), 2, "host-events.csv line 2: orderNo '5000\\u2028FORGED' is longer than 100 "
                + "characters or holds a control character");
    }

    // ---- log injection: a hostile order number from the server ---------------------------------------------------

    @Test
    void anOrderNumberWithANewlineNeverStartsALineOfOutput() throws IOException {
        SimOrder model = world.sim.store().orders().stream().filter(o -> !o.jit()).findFirst().orElseThrow();
        for (String orderNo : List.of("EVIL\nFORGED-LINE", "../../EVIL", "CON", "E".repeat(600))) {
            world.sim.store().addOrder(new SimOrder(orderNo, null, OrderStatus.CONFIRMED.code(), false, false,
                    model.orderDate(), model.lastUpdate(), model.customerName(), model.email(), model.address(),
                    model.currency(), model.paymentMethod(), model.shippingCharge(), model.codCharge(), null, null, null,
                    model.lines()));
        }
        world.write("host-events.csv", "orderNo,event,transporter,awbNo\n../../EVIL,SHIPPED,,\n");

        BridgeWorld.Result result = world.run("--once");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat((result.stdout() + result.stderr()).lines()).noneMatch(l -> l.startsWith("FORGED-LINE"));
        assertThat(Files.exists(dir.resolve("EVIL.json"))).isFalse();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("EVIL") || n.startsWith("CON"));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void assertFails(BridgeWorld.Result result, int exitCode, String message) {
        assertFails(result, exitCode, message, true);
    }

    private void assertFails(BridgeWorld.Result result, int exitCode, String message, boolean outAbsent) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr()).contains(message);
        assertThat(result.stderr().lines().filter(l -> l.startsWith("babyshop-bridge: ")).count())
                .as("one message: " + result.stderr()).isEqualTo(1);
        assertThat(result.stderr().lines().count()).as("one line: " + result.stderr()).isEqualTo(1);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.stdout()).doesNotContain("{\"ordersImported\"");
        if (outAbsent) {
            assertThat(Files.exists(world.out) && Files.isDirectory(world.out)).as("nothing written to --out").isFalse();
        }
        assertThat(Files.exists(dir.resolve("state"))).as("no state database").isFalse();
        assertThat(world.sim.requests().count(Operation.AUTH_TOKEN)).as("no authToken call").isZero();
    }

    private static List<String> replace(List<String> args, String option, String value) {
        List<String> copy = new ArrayList<>(args);
        copy.set(copy.indexOf(option) + 1, value);
        return copy;
    }

    private static List<String> with(List<String> args, String... extra) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extra));
        return all;
    }
}
