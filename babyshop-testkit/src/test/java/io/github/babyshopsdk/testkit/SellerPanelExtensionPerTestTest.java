package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code perTest()} gives every test a fresh simulator even on a static field. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SellerPanelExtensionPerTestTest {

    @RegisterExtension
    static final SellerPanelExtension SIM = SellerPanelExtension.create(b -> b.seed(3)).perTest();

    private static SellerPanelSimulator previous;

    @Test
    @Order(1)
    void first(SellerPanelSimulator sim) {
        previous = sim;
        assertThat(SIM.simulator()).isSameAs(sim);
        assertThat(sim.isRunning()).isTrue();
    }

    @Test
    @Order(2)
    void second(SellerPanelSimulator sim) {
        assertThat(sim).isNotSameAs(previous);
        assertThat(previous.isRunning()).isFalse();
    }
}
