package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the bridge takes from its surroundings: environment variables (the password), the clock and the sleeper
 * (real time in production; the simulator's time in the demo and in tests) and the working directory (the
 * default state database goes under it).
 *
 * <p>{@link #toString()} never shows the environment's names or values.
 *
 * @param env environment variables
 * @param clock the clock of the engine and the client
 * @param sleeper how the client and the bridge wait
 * @param workingDir the working directory
 */
public record BridgeEnvironment(Map<String, String> env, Clock clock, Sleeper sleeper, Path workingDir) {

    /** The process's environment, the system clock, real sleeping and the current directory. */
    public static BridgeEnvironment system() {
        return new BridgeEnvironment(System.getenv(), Clock.systemUTC(), Sleeper.system(), Path.of(""));
    }

    /** The same with other environment variables. */
    public BridgeEnvironment withEnv(Map<String, String> variables) {
        return new BridgeEnvironment(Map.copyOf(variables), clock, sleeper, workingDir);
    }

    /** Names the number of environment variables, never their names or values (the password is one). */
    @Override
    public String toString() {
        return "BridgeEnvironment{env=" + env.size() + " variables (hidden), clock=" + clock + ", workingDir="
                + SafeText.of(String.valueOf(workingDir)) + "}";
    }
}
