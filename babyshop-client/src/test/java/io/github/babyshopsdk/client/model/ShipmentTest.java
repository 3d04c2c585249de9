package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** orderShipping entries need all four fields (Q53). */
class ShipmentTest {

    @Test
    void keepsAllFourFieldsRaw() {
        Shipment s = Shipment.of("100000018", "AC0011617000001", "delivery", " 123123");

        assertThat(s.orderNo()).isEqualTo("100000018");
        assertThat(s.invoiceNo()).isEqualTo("AC0011617000001");
        assertThat(s.transporter()).isEqualTo("delivery");
        assertThat(s.awbNo()).isEqualTo(" 123123");
    }

    @Test
    void rejectsAnyBlankField() {
        assertThatThrownBy(() -> Shipment.of(" ", "I", "T", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orderNo must not be blank");
        assertThatThrownBy(() -> Shipment.of("O", "", "T", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invoiceNo must not be blank");
        assertThatThrownBy(() -> Shipment.of("O", "I", "\t", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("transporter must not be blank");
        assertThatThrownBy(() -> Shipment.of("O", "I", "T", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("awbNo must not be blank");
        assertThatThrownBy(() -> Shipment.of("O", "I", "T", null)).isInstanceOf(NullPointerException.class);
    }
}
