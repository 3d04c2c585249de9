package io.github.babyshopsdk.examples.bridge;

import java.nio.file.Path;

/**
 * Everything a bridge run needs, validated before anything is written: the server and credentials, the loaded
 * configuration and CSV files, where the host writes, the state database and the run mode.
 *
 * @param baseUrl SellerPanel V3 base URL
 * @param username seller username
 * @param password seller password (from the environment; never printed)
 * @param configFile the configuration file, for the configuration log
 * @param config the configuration
 * @param stock the host's stock
 * @param events the host's order events
 * @param outDir where the file host writes
 * @param stateUrl JDBC URL of the engine state
 * @param mode once, N cycles, or on the schedule
 * @param cycles the number of cycles for {@link BridgeCommand.Mode#CYCLES}
 * @param allowInsecureHttp whether plain http is allowed
 * @param wireLog whether the client logs every HTTP exchange (secrets redacted)
 * @param metrics whether the run's meters are printed at its end ({@code --metrics})
 * @param hardSync whether a hard sync is requested before the run ({@code --hard-sync})
 * @param listen the notification receiver to run beside the schedule ({@code --listen}), if any
 */
public record BridgeInputs(String baseUrl, String username, String password, Path configFile, BridgeConfig config,
                           InventoryCsv stock, HostEventsCsv events, Path outDir, String stateUrl,
                           BridgeCommand.Mode mode, int cycles, boolean allowInsecureHttp,
                           boolean wireLog, boolean metrics, boolean hardSync,
                           java.util.Optional<ListenOptions> listen) implements BridgeRequest {

    @Override
    public String toString() {
        return "BridgeInputs{" + SafeText.url(baseUrl) + ", " + SafeText.of(username) + ", password=██, "
                + SafeText.of(String.valueOf(configFile)) + ", out " + SafeText.of(String.valueOf(outDir)) + ", state "
                + SafeText.of(StateDatabase.redact(stateUrl)) + ", " + mode + listen.map(l -> ", " + l).orElse("") + "}";
    }
}
