package io.github.babyshopsdk.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link SafetyStock#apply}: never negative, never more than the plain sum floored at 0, and monotone
 * in stock (more stock in any hub never pushes less), for random rules and quantities of at most 3 decimals.
 */
class SafetyStockPropertyTest {
    private static final List<String> HUBS = List.of("A", "B", "C");
    private static final List<String> SKUS = List.of("V1", "V2");

    @Provide
    Arbitrary<Reserve> reserves() {
        Arbitrary<Reserve> units = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50"))
                .ofScale(3).map(Reserve::units);
        Arbitrary<Reserve> percents = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100"))
                .ofScale(3).map(Reserve::percent);
        return Arbitraries.oneOf(units, percents);
    }

    @Provide
    Arbitrary<SafetyStock> rules() {
        Arbitrary<Map<String, Reserve>> hubReserves = Arbitraries.maps(Arbitraries.of(HUBS), reserves()).ofMaxSize(3);
        Arbitrary<Map<String, Reserve>> skuReserves = Arbitraries.maps(Arbitraries.of(SKUS), reserves()).ofMaxSize(2);
        return Combinators.combine(reserves().optional(), hubReserves, skuReserves)
                .as((global, hubs, skus) -> SafetyStock.builder().global(global).putAllHubs(hubs).putAllSkus(skus)
                        .build());
    }

    @Provide
    Arbitrary<Map<String, BigDecimal>> stock() {
        return Arbitraries.maps(Arbitraries.of(HUBS), quantity()).ofMaxSize(3);
    }

    private static Arbitrary<BigDecimal> quantity() {
        return Arbitraries.bigDecimals().between(new BigDecimal("-20"), new BigDecimal("200")).ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> extra() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(3);
    }

    private static BigDecimal plainSum(Map<String, BigDecimal> stock) {
        BigDecimal sum = stock.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.signum() < 0 ? BigDecimal.ZERO : sum;
    }

    @Property(tries = 500)
    void neverNegativeAndNeverMoreThanThePlainSum(@ForAll("rules") SafetyStock rule,
                                                  @ForAll("stock") Map<String, BigDecimal> stock,
                                                  @ForAll("skus") String sku) {
        BigDecimal pushed = rule.apply(sku, stock);

        assertThat(pushed).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(pushed).isLessThanOrEqualTo(plainSum(stock));
        assertThat(SafetyStock.none().apply(sku, stock)).isEqualByComparingTo(plainSum(stock));
    }

    @Property(tries = 500)
    void moreStockInAnyHubNeverPushesLess(@ForAll("rules") SafetyStock rule,
                                          @ForAll("stock") Map<String, BigDecimal> stock,
                                          @ForAll("skus") String sku, @ForAll("hubNames") String hub,
                                          @ForAll("extra") BigDecimal extra) {
        Map<String, BigDecimal> more = new LinkedHashMap<>(stock);
        more.merge(hub, extra, BigDecimal::add);

        assertThat(rule.apply(sku, more)).isGreaterThanOrEqualTo(rule.apply(sku, stock));
    }

    @Provide
    Arbitrary<String> skus() {
        return Arbitraries.of("V1", "V2", "V3");
    }

    @Provide
    Arbitrary<String> hubNames() {
        return Arbitraries.of(HUBS);
    }
}
