package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Document types carry their exact wire value (Q22). */
class DocumentTypeTest {

    @Test
    void constantsHaveTheReferenceWireValues() {
        assertThat(DocumentType.SHIPPING_LABEL.wireValue()).isEqualTo("shippingLabel");
        assertThat(DocumentType.INVOICE.wireValue()).isEqualTo("Invoice");
    }

    @Test
    void ofAllowsTheMisspeltDeploymentValueAndComparesByValue() {
        DocumentType lable = DocumentType.of("shippingLable");

        assertThat(lable.wireValue()).isEqualTo("shippingLable");
        assertThat(lable).isNotEqualTo(DocumentType.SHIPPING_LABEL);
        assertThat(DocumentType.of("shippingLabel")).isEqualTo(DocumentType.SHIPPING_LABEL)
                .hasSameHashCodeAs(DocumentType.SHIPPING_LABEL);
        assertThat(DocumentType.of("invoice")).isNotEqualTo(DocumentType.INVOICE);
        assertThat(lable).hasToString("DocumentType[shippingLable]");
    }

    @Test
    void ofRejectsBlankAndOverlongValues() {
        assertThatThrownBy(() -> DocumentType.of(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("documentType must not be blank");
        assertThatThrownBy(() -> DocumentType.of(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("documentType must not be blank");
        assertThatThrownBy(() -> DocumentType.of("x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("documentType must be at most 200 characters, was 201");
    }
}
