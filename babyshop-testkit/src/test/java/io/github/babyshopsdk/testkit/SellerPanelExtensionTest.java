package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SellerPanelExtensionTest {

    @RegisterExtension
    static final SellerPanelExtension SIM = SellerPanelExtension.create(b -> b.fixture(Fixture.of(1, 5, 5)));

    private static SellerPanelSimulator fromBeforeAll;

    @BeforeAll
    static void injectedIntoBeforeAll(SellerPanelSimulator sim) {
        fromBeforeAll = sim;
    }

    @Test
    @Order(1)
    void aStaticRegistrationSharesOneRunningSimulatorPerClass(SellerPanelSimulator sim) {
        assertThat(sim).isSameAs(fromBeforeAll).isSameAs(SIM.simulator());
        assertThat(sim.isRunning()).isTrue();
        assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/RestWS/api/sellerPanel/v3/");
        assertThat(new Http(sim).authToken().json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(sim.store().orders()).hasSize(5);
    }

    @Test
    @Order(2)
    void theSameSimulatorServesTheNextTest(SellerPanelSimulator sim) {
        assertThat(sim).isSameAs(fromBeforeAll);
        assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(1);
    }

    @Nested
    class NestedTests {

        @Test
        void shareTheEnclosingClassSimulator(SellerPanelSimulator sim) {
            assertThat(sim).isSameAs(fromBeforeAll);
        }
    }
}
