package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Inventory items fit Decimal(10,3) and carry a non-blank SKU. */
class InventoryItemTest {

    private static InventoryItem item(String quantity, String price) {
        return InventoryItem.builder().sku("A").quantity(new BigDecimal(quantity))
                .salePrice(price == null ? null : new BigDecimal(price)).build();
    }

    @Test
    void acceptsTheDecimal10x3Extremes() {
        assertThat(item("0", null).quantity()).isEqualByComparingTo("0");
        assertThat(item("9999999.999", "9999999.999").salePrice()).contains(new BigDecimal("9999999.999"));
        assertThat(item("1.5000", "0.001").quantity()).isEqualTo(new BigDecimal("1.5000"));
        assertThat(item("1E+3", null).quantity()).isEqualByComparingTo("1000");
    }

    @Test
    void salePriceIsOptional() {
        assertThat(InventoryItem.of("A", BigDecimal.TEN).salePrice()).isEmpty();
    }

    @Test
    void rejectsNegativeQuantityAndNonPositivePrice() {
        assertThatThrownBy(() -> item("-1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("quantity must not be negative, was -1");
        assertThatThrownBy(() -> item("1", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("salePrice must be greater than 0, was 0");
        assertThatThrownBy(() -> item("1", "-5.00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("salePrice must be greater than 0");
    }

    @Test
    void rejectsMoreThanThreeDecimals() {
        assertThatThrownBy(() -> item("1.0001", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must have at most 3 decimals (Decimal(10,3)), was 1.0001");
        assertThatThrownBy(() -> item("1", "12.9999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("salePrice must have at most 3");
    }

    @Test
    void rejectsMoreThanSevenIntegerDigits() {
        assertThatThrownBy(() -> item("10000000", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity must have at most 7 integer digits (Decimal(10,3)), was 10000000");
        assertThatThrownBy(() -> item("1", "1E+7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("salePrice must have at most 7 integer digits (Decimal(10,3)), was 10000000");
    }

    @Test
    void rejectsBlankSku() {
        assertThatThrownBy(() -> InventoryItem.of(" ", BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sku must not be blank");
        assertThatThrownBy(() -> InventoryItem.of(null, BigDecimal.ONE)).isInstanceOf(NullPointerException.class);
    }
}
