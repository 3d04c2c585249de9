package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.testkit.Fixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's quota: one budget per credential kept in the state database, spent by flow priority; when the
 * orders flow must wait for the window, its progress line says until when (issue 11).
 */
class BridgeQuotaTest {
    @TempDir
    Path dir;

    @Test
    void theOrdersFlowWaitingForTheWindowShowsOnItsProgressLine() {
        try (BridgeWorld world = new BridgeWorld(dir, Fixture.of(13, 400, 10))) {
            world.write("config.yml", BridgeWorld.CONFIG + "quota: { calls: 6, window: 5m, reservePerTier: 1 }\n");
            world.write("inventory.csv", "vendorSkuCode,hub,available\n");

            BridgeWorld.Result result = world.run("--once");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            List<String> lines = result.lines();
            assertThat(lines).as("the orders flow waited for the window, on its progress line")
                    .anySatisfy(l -> assertThat(l).matches("\\[pass 1\\] orders +waiting for quota until "
                            + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+05:30"));
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\[pass 1\\] orders +400 listed, .*"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("quota          orders waited for quota until "));
            assertThat(result.summary().path("quotaWaits").asInt()).isPositive();
            assertThat(result.summary().path("errors").asInt()).isZero();
            assertThat(world.sim.requests().all()).as("the simulator never had to refuse").noneMatch(r -> r.answered(13));
        }
    }
}
