package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --listen} on the command line: the combinations that make no sense and an unfit token end with one
 * message and exit code 2 before anything is written, and no message repeats the token.
 */
class ListenOptionsTest extends MinimalBridgeWorldTest {
    static final String TOKEN_ENV = "BS_LISTEN_TOKEN";
    static final String TOKEN = "LISTEN-token-0123456789abcdef0123456789";

    private BridgeWorld.Result run(String token, String... extra) {
        Map<String, String> env = new HashMap<>(Map.of(BridgeWorld.PASSWORD_ENV, BridgeWorld.PASSWORD));
        if (token != null) {
            env.put(TOKEN_ENV, token);
        }
        java.util.List<String> args = new java.util.ArrayList<>(world.args());
        args.addAll(java.util.List.of(extra));
        return world.runWith(env, args.toArray(String[]::new));
    }

    private void assertBadInput(BridgeWorld.Result result, String message, String secret) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).contains(message);
        assertThat(result.stderr().lines().filter(l -> l.startsWith("babyshop-bridge: ")).count()).isEqualTo(1);
        if (secret != null) {
            assertThat(result.stderr() + result.stdout()).doesNotContain(secret);
        }
        assertThat(Files.exists(world.out)).as("nothing written to --out").isFalse();
    }

    @Test
    void listenNeedsAFitTokenFromTheEnvironment() {
        assertBadInput(run(TOKEN, "--listen", "0"), "--listen needs --listen-token-env VAR", null);
        assertBadInput(run(null, "--listen", "0", "--listen-token-env", TOKEN_ENV),
                "environment variable BS_LISTEN_TOKEN (from --listen-token-env) is not set", null);
        String shortToken = "SHORT-secret-1234567890";
        assertBadInput(run(shortToken, "--listen", "0", "--listen-token-env", TOKEN_ENV),
                "the token is shorter than 32 characters", shortToken);
        String spaced = "SPACED secret 0123456789abcdef0123456789";
        assertBadInput(run(spaced, "--listen", "0", "--listen-token-env", TOKEN_ENV),
                "holds a character other than", spaced);
        java.util.List<String> args = new java.util.ArrayList<>(world.args());
        args.addAll(java.util.List.of("--listen", "0", "--listen-token-env", TOKEN_ENV));
        assertBadInput(world.runWith(Map.of(BridgeWorld.PASSWORD_ENV, TOKEN, TOKEN_ENV, TOKEN),
                args.toArray(String[]::new)), "the token must not be the seller's password", TOKEN);
        assertBadInput(world.run("--listen", "0", "--listen-token=" + TOKEN), "--listen-token is not accepted", TOKEN);
    }

    @Test
    void listenRefusesCombinationsThatMakeNoSense() {
        assertBadInput(run(TOKEN, "--listen", "0", "--listen-token-env", TOKEN_ENV, "--once"),
                "--listen cannot be combined with --once", TOKEN);
        assertBadInput(run(TOKEN, "--listen-token-env", TOKEN_ENV, "--cycles", "1"),
                "go with --listen [HOST:]PORT", TOKEN);
        assertBadInput(run(TOKEN, "--listen", "0", "--listen-token-env", TOKEN_ENV, "--dead-letters"),
                "cannot be combined with --listen", TOKEN);
        assertBadInput(run(TOKEN, "--listen", "localhost:99999", "--listen-token-env", TOKEN_ENV),
                "--listen needs a port 0..65535", TOKEN);
        assertBadInput(run(TOKEN, "--listen", "0", "--listen-token-env", TOKEN_ENV, "--listen-rate", "0"),
                "--listen-rate and --listen-burst must be", TOKEN);
    }

    @Test
    void anUnknownHostIsBadInput() {
        assertBadInput(run(TOKEN, "--listen", "no-such-host.invalid:8080", "--listen-token-env", TOKEN_ENV),
                "--listen: cannot listen on no-such-host.invalid:8080: unknown host", TOKEN);
    }

    @Test
    void aPortInUseIsBadInputBeforeAnythingIsWritten() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertBadInput(run(TOKEN, "--listen", "127.0.0.1:" + taken.getLocalPort(), "--listen-token-env",
                    TOKEN_ENV, "--cycles", "1"), "--listen: cannot listen on 127.0.0.1:" + taken.getLocalPort(), TOKEN);
        }
    }
}
