package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance field the extension starts a fresh simulator for every test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SellerPanelExtensionInstanceFieldTest {

    private static SellerPanelSimulator previous;

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create();

    @Test
    @Order(1)
    void getsItsOwnRunningSimulator(SellerPanelSimulator sim) {
        previous = sim;
        assertThat(sim.isRunning()).isTrue();
        assertThat(ext.simulator()).isSameAs(sim);
        new Http(sim).authToken();
    }

    @Test
    @Order(2)
    void getsAFreshOneEachTestAndThePreviousOneIsClosed(SellerPanelSimulator sim) {
        assertThat(sim).isNotSameAs(previous);
        assertThat(previous.isRunning()).isFalse();
        assertThat(sim.requests().all()).isEmpty();
    }
}
