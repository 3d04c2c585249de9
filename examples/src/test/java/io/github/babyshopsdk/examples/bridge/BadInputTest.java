package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad input ends with one clear message (file and line, or the cause), exit code 2 (bad input)
 * or 3 (authentication, unreachable server), no JSON summary, and nothing written to {@code --out}.
 */
class BadInputTest extends MinimalBridgeWorldTest {
    @Test
    void anUnknownStatusNameNamesTheConfigLine() {
        world.write("config.yml", BridgeWorld.CONFIG.replace("    Pending: NEW", "    Pendng: NEW"));
        assertFails(world.run("--once"), 2, "config.yml line 9: unknown Babyshop status 'Pendng' (known: Pending (1), "
                + "Confirmed (5), Cancelled (8)");
    }

    @Test
    void aHubRuleWithoutHubNamesTheRuleLine() {
        world.write("config.yml", BridgeWorld.CONFIG.replace("- { country: SAU, hub: HUB-RUH }", "- { country: SAU }"));
        assertFails(world.run("--once"), 2, "config.yml line 18: hub rule has no hub");
    }

    @Test
    void anUnknownConfigKeyNamesItsLine() {
        world.write("config.yml", BridgeWorld.CONFIG.replace("  catalogSync: true", "  catalogSnyc: true"));
        assertFails(world.run("--once"), 2, "config.yml line 4: unknown key 'catalogSnyc' in settings");
    }

    @Test
    void invalidYamlNamesItsLine() {
        world.write("config.yml", "zone: Asia/Kolkata\nsettings: [orderSync\n");
        assertFails(world.run("--once"), 2, "config.yml line 2: not valid YAML");
    }

    @Test
    void aMalformedInventoryValueRejectsItsLineNamingFileAndLineAndTheRunGoesOn() {
        world.write("inventory.csv", "vendorSkuCode,hub,available\nV-1,HUB-DXB,3\nV-2,HUB-DXB,three\n");
        BridgeWorld.Result result = world.run("--once");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("inventory.csv line 3: available must be a whole number from -1000000000 "
                + "to 1000000000, not 'three'; V-2 is not pushed this run");
    }

    @Test
    void anInventoryLineWithTooFewFieldsNamesFileAndLine() {
        world.write("inventory.csv", "vendorSkuCode,hub,available\nV-1,HUB-DXB\n");
        assertFails(world.run("--once"), 2, "inventory.csv line 2: expected 3 fields");
    }

    @Test
    void aWrongInventoryHeaderIsRefused() {
        world.write("inventory.csv", "sku,hub,qty\nV-1,HUB-DXB,3\n");
        assertFails(world.run("--once"), 2, "inventory.csv line 1: the header must be 'vendorSkuCode,hub,available'");
    }

    @Test
    void aPackedEventWithoutAwbNamesFileAndLine() {
        world.write("host-events.csv", "orderNo,event,transporter,awbNo\n500000001,SHIPPED,,\n500000002,PACKED,Aramex,\n");
        assertFails(world.run("--once"), 2, "host-events.csv line 3: PACKED needs transporter and awbNo");
    }

    @Test
    void anUnknownHostEventNamesFileAndLine() {
        world.write("host-events.csv", "orderNo,event,transporter,awbNo\n500000001,RETURNED,,\n");
        assertFails(world.run("--once"), 2, "host-events.csv line 2: unknown event 'RETURNED'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.csv");
        List<String> args = replace(world.args(), "--inventory", missing.toString());
        assertFails(world.runExactly(with(args, "--once")), 2, missing + ": no such file");
    }

    @Test
    void aMissingPasswordVariableIsBadInput() {
        assertFails(world.runWith(Map.of(), with(world.args(), "--once")), 2,
                "environment variable BS_PASSWORD (from --password-env) is not set");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        assertFails(world.run("--once", "--password", "secret"), 2, "--password is not accepted");
    }

    @Test
    void plainHttpNeedsTheExplicitFlag() {
        List<String> args = new ArrayList<>(world.args());
        args.remove("--allow-insecure-http");
        assertFails(world.runExactly(with(args, "--once")), 2, "--base-url uses plain http");
    }

    @Test
    void onceAndCyclesCannotBeCombined() {
        assertFails(world.run("--once", "--cycles", "2"), 2, "--once and --cycles cannot be combined");
    }

    @Test
    void anUnknownOptionIsBadInput() {
        assertFails(world.run("--onse"), 2, "Unknown option: '--onse'");
    }

    @Test
    void anUnusableStateUrlIsBadInput() {
        List<String> args = replace(world.args(), "--state", "jdbc:nosuchdb://localhost/x");
        assertFails(world.runExactly(with(args, "--once")), 2, "--state jdbc:nosuchdb://localhost/x: cannot open the "
                + "state database");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        assertFails(world.runWith(Map.of(BridgeWorld.PASSWORD_ENV, "wrong"), with(world.args(), "--once")), 3,
                "authentication failed for user seller");
    }

    @Test
    void anUnreachableServerIsExitCode3() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/RestWS/api/sellerPanel/v3/";
        List<String> args = replace(world.args(), "--base-url", url);
        assertFails(world.runExactly(with(args, "--once")), 3, "cannot reach SellerPanel V3 at " + url);
    }

    private void assertFails(BridgeWorld.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr()).contains(message);
        assertThat(result.stderr().lines().filter(l -> l.startsWith("babyshop-bridge: ")).count())
                .as("one message").isEqualTo(1);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain(BridgeWorld.PASSWORD + " ");
        assertThat(result.stdout()).doesNotContain("{\"ordersImported\"");
        assertThat(Files.exists(world.out)).as("nothing written to --out").isFalse();
    }

    private static List<String> replace(List<String> args, String option, String value) {
        List<String> copy = new ArrayList<>(args);
        copy.set(copy.indexOf(option) + 1, value);
        return copy;
    }

    private static String[] with(List<String> args, String... extra) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }
}
