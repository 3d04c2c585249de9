package io.github.babyshopsdk.examples.bridge;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the bridge tests that run on {@link BridgeWorld#withMinimalInputs}: a fresh world in a temporary directory
 * for each test, closed after it.
 */
abstract class MinimalBridgeWorldTest {
    @TempDir
    Path dir;
    BridgeWorld world;

    @BeforeEach
    void openWorld() {
        world = BridgeWorld.withMinimalInputs(dir);
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }
}
