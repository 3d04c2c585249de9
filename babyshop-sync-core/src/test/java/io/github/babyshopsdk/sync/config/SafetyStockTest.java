package io.github.babyshopsdk.sync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SafetyStock} and {@link Reserve}: the rules in order, rounding, validation, text forms. */
class SafetyStockTest {

    private static Map<String, BigDecimal> hubs(Object... hubAndQuantity) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        for (int i = 0; i < hubAndQuantity.length; i += 2) {
            map.put((String) hubAndQuantity[i], new BigDecimal(hubAndQuantity[i + 1].toString()));
        }
        return map;
    }

    @Test
    void aGlobalReserveOfTwoTurnsFiveIntoThreeAndOneIntoZero() {
        SafetyStock two = SafetyStock.builder().global(Reserve.units(2)).build();

        assertThat(two.apply("V1", hubs("H", 5))).isEqualByComparingTo("3");
        assertThat(two.apply("V1", hubs("H", 1))).isEqualByComparingTo("0");
        assertThat(two.apply("V1", hubs("H", 2))).isEqualByComparingTo("0");
        assertThat(two.apply("V1", hubs())).isEqualByComparingTo("0");
    }

    @Test
    void noneIsThePlainSumFlooredAtZero() {
        assertThat(SafetyStock.none().isNone()).isTrue();
        assertThat(SafetyStock.none().apply("V1", hubs("A", 5, "B", "2.5"))).isEqualByComparingTo("7.5");
        assertThat(SafetyStock.none().apply("V1", hubs("A", -8, "B", 3))).isEqualByComparingTo("0");
    }

    @Test
    void aSkuReserveReplacesTheGlobalOne() {
        SafetyStock rule = SafetyStock.builder().global(Reserve.units(2)).putSkus("V-PRAM", Reserve.units(0))
                .putSkus("V-BOTTLE", Reserve.units(5)).build();

        assertThat(rule.apply("V-PRAM", hubs("H", 5))).isEqualByComparingTo("5");
        assertThat(rule.apply("V-BOTTLE", hubs("H", 7))).isEqualByComparingTo("2");
        assertThat(rule.apply("V-OTHER", hubs("H", 7))).isEqualByComparingTo("5");
    }

    @Test
    void hubReservesApplyToTheirHubOnlyAndNeverTakeMoreThanItsStock() {
        SafetyStock rule = SafetyStock.builder().putHubs("RETAIL", Reserve.units(3)).build();

        assertThat(rule.apply("V1", hubs("RETAIL", 10, "DC", 4))).isEqualByComparingTo("11");
        assertThat(rule.apply("V1", hubs("RETAIL", 1, "DC", 4))).as("RETAIL floored at 0, DC untouched")
                .isEqualByComparingTo("4");
    }

    @Test
    void anOversoldHubStillCountsAgainstTheOthersAndItsReserveDoesNotRaiseIt() {
        SafetyStock rule = SafetyStock.builder().putHubs("A", Reserve.units(1)).build();

        assertThat(rule.apply("V1", hubs("A", -3, "B", 5))).isEqualByComparingTo("2");
    }

    @Test
    void hubReservesFirstThenTheSkuOrGlobalReserveOnTheTotal() {
        SafetyStock rule = SafetyStock.builder().putHubs("A", Reserve.units(1)).global(Reserve.percent(50)).build();

        // A: 5 - 1 = 4, B: 6; total 10; 50% of 10 = 5
        assertThat(rule.apply("V1", hubs("A", 5, "B", 6))).isEqualByComparingTo("5");
    }

    @Test
    void percentageReservesRoundUpSoNothingIsOverSold() {
        SafetyStock tenPercent = SafetyStock.builder().global(Reserve.percent(10)).build();

        assertThat(tenPercent.apply("V1", hubs("H", 5))).as("0.5 reserved").isEqualByComparingTo("4.5");
        assertThat(tenPercent.apply("V1", hubs("H", "0.005"))).as("0.0005 rounds up to 0.001")
                .isEqualByComparingTo("0.004");
        assertThat(Reserve.percent(new BigDecimal("33.333")).of(new BigDecimal("1")))
                .isEqualByComparingTo("0.334");
        assertThat(Reserve.percent(100).of(new BigDecimal("7"))).isEqualByComparingTo("7");
        assertThat(Reserve.percent(10).of(new BigDecimal("-4"))).isEqualByComparingTo("0");
    }

    @Test
    void reservesParseAndPrintInOneForm() {
        assertThat(Reserve.parse("2")).isEqualTo(Reserve.units(2));
        assertThat(Reserve.parse(" 2.0 ")).isEqualTo(Reserve.units(2));
        assertThat(Reserve.parse("10%")).isEqualTo(Reserve.percent(10));
        assertThat(Reserve.parse("12.5 %")).isEqualTo(Reserve.percent(new BigDecimal("12.50")));
        assertThat(Reserve.parse("200")).hasToString("200");
        assertThat(Reserve.parse("10%")).hasToString("10%");
        assertThat(Reserve.parse(Reserve.percent(new BigDecimal("0.125")).toString()))
                .isEqualTo(Reserve.percent(new BigDecimal("0.125")));
    }

    @Test
    void badReservesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Reserve.units(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Reserve.percent(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100%");
        assertThatThrownBy(() -> Reserve.percent(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> Reserve.units(new BigDecimal("0.0001"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 3 decimals");
        assertThatThrownBy(() -> Reserve.units(new BigDecimal("1E+999999999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1000000000 units");
        for (String bad : new String[] {"", "%", "two", "1e3", "2%%", "--1", "5 units"}) {
            assertThatThrownBy(() -> Reserve.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a number of units");
        }
        assertThatThrownBy(() -> SafetyStock.builder().putHubs(" ", Reserve.units(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hub code");
        assertThatThrownBy(() -> SafetyStock.builder().putSkus("", Reserve.units(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Vendor SKU Code");
    }

    @Test
    void toStringNamesEveryReserveForTheConfigurationLog() {
        assertThat(SafetyStock.none()).hasToString("SafetyStock{none}");
        assertThat(SafetyStock.builder().global(Reserve.units(2)).putHubs("H", Reserve.percent(10))
                .putSkus("V1", Reserve.units(0)).build())
                .hasToString("SafetyStock{global=2, hubs={H=10%}, skus={V1=0}}");
    }
}
