package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** generateInvoice request rules: one order, at least one line, field limits of §2.11. */
class InvoiceRequestTest {

    private static InvoiceLineRequest.Builder line(String lineNo) {
        return InvoiceLineRequest.builder().lineNo(lineNo).transporterName("ECOM").trackingNo("123456");
    }

    @Test
    void minimalLineHasNoOptionalFields() {
        InvoiceLineRequest l = line("2").build();

        assertThat(l.invoiceNo()).isEmpty();
        assertThat(l.imeiNos()).isEmpty();
        assertThat(l.length()).isEmpty();
        assertThat(l.breadth()).isEmpty();
        assertThat(l.height()).isEmpty();
        assertThat(l.weight()).isEmpty();
    }

    @Test
    void requestNeedsAnOrderAndAtLeastOneDistinctLine() {
        assertThat(InvoiceRequest.builder().orderNo("AB1").addLines(line("1").build(), line("2").build()).build()
                .lines()).hasSize(2);
        assertThatThrownBy(() -> InvoiceRequest.builder().orderNo("AB1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lines must hold at least one line");
        assertThatThrownBy(() -> InvoiceRequest.builder().orderNo(" ").addLines(line("1").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("orderNo must not be blank");
        assertThatThrownBy(() -> InvoiceRequest.builder().orderNo("AB1")
                .addLines(line("1").build(), line("1").trackingNo("other").build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lines must not repeat lineNo 1");
    }

    @Test
    void lineNumberMustBeNumericWithAtMostElevenDigits() {
        assertThat(line("12345678901").build().lineNo()).isEqualTo("12345678901");
        assertThatThrownBy(() -> line("1a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lineNo must be numeric, was \"1a\"");
        assertThatThrownBy(() -> line("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lineNo must be numeric, was \"\"");
        assertThatThrownBy(() -> line(" 1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lineNo must be numeric");
        assertThatThrownBy(() -> line("123456789012").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lineNo must have at most 11 digits");
    }

    @Test
    void transporterAndTrackingAreRequiredWithinTheirLengths() {
        assertThatThrownBy(() -> line("1").transporterName(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("transporterName must not be blank");
        assertThatThrownBy(() -> line("1").transporterName("t".repeat(201)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transporterName must be at most 200 characters, was 201");
        assertThatThrownBy(() -> line("1").trackingNo("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trackingNo must not be blank");
        assertThatThrownBy(() -> line("1").trackingNo("9".repeat(51)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trackingNo must be at most 50 characters, was 51");
        assertThat(line("1").transporterName("t".repeat(200)).trackingNo("9".repeat(50)).build()).isNotNull();
    }

    @Test
    void optionalTextFieldsHaveLimits() {
        assertThatThrownBy(() -> line("1").invoiceNo(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invoiceNo must not be blank");
        assertThatThrownBy(() -> line("1").invoiceNo("i".repeat(51)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invoiceNo must be at most 50 characters, was 51");
        assertThatThrownBy(() -> line("1").imeiNos("1".repeat(101)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("imeiNos must be at most 100 characters, was 101");
        assertThat(line("1").imeiNos("1".repeat(100)).build().imeiNos()).isPresent();
    }

    @Test
    void dimensionsMustBePositive() {
        InvoiceLineRequest ok = line("1").length(new BigDecimal("12.5")).breadth(BigDecimal.TEN)
                .height(BigDecimal.ONE).weight(new BigDecimal("0.450")).build();
        assertThat(ok.weight()).contains(new BigDecimal("0.450"));

        assertThatThrownBy(() -> line("1").length(BigDecimal.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be greater than 0, was 0");
        assertThatThrownBy(() -> line("1").breadth(new BigDecimal("-1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("breadth must be greater than 0, was -1");
        assertThatThrownBy(() -> line("1").height(BigDecimal.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("height");
        assertThatThrownBy(() -> line("1").weight(new BigDecimal("1E+60")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("weight must be at most 50 characters");
    }
}
