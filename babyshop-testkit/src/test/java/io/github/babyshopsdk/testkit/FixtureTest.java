package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FixtureTest {

    private static SimulatorStore store(Fixture f) {
        return SellerPanelSimulator.builder().fixture(f).build().store();
    }

    @Test
    void sameSeedGivesAnIdenticalStore() {
        SimulatorStore a = store(Fixture.of(5, 60, 30));
        SimulatorStore b = store(Fixture.of(5, 60, 30));
        assertThat(a.orders()).isEqualTo(b.orders());
        assertThat(a.products()).isEqualTo(b.products());
        assertThat(a.invoices()).isEqualTo(b.invoices());
        assertThat(a.returns()).isEqualTo(b.returns());
        assertThat(a.backOrders()).isEqualTo(b.backOrders());
    }

    @Test
    void differentSeedGivesADifferentStore() {
        SimulatorStore a = store(Fixture.of(5, 60, 30));
        SimulatorStore c = store(Fixture.of(6, 60, 30));
        assertThat(a.orders()).isNotEqualTo(c.orders());
        assertThat(a.products()).isNotEqualTo(c.products());
        assertThat(a.orders()).hasSameSizeAs(c.orders());
    }

    @Test
    void aFixedAnchorMakesTheStoreIndependentOfTheClock() {
        Instant anchor = Instant.parse("2026-05-01T08:00:00Z");
        SimulatorStore a = SellerPanelSimulator.builder().clock(new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z")))
                .fixture(Fixture.of(1, 20, 10).anchoredAt(anchor)).build().store();
        SimulatorStore b = SellerPanelSimulator.builder().clock(new SimulatedClock(Instant.parse("2027-01-01T00:00:00Z")))
                .fixture(Fixture.of(1, 20, 10).anchoredAt(anchor)).build().store();
        assertThat(a.orders()).isEqualTo(b.orders());
        assertThat(a.orders()).allMatch(o -> !o.lastUpdate().isAfter(anchor));
    }

    @Test
    void ordersLookLikeUaeAndKsaBabyShopOrders() {
        SimulatorStore s = store(Fixture.of(12, 300, 40));
        List<SimOrder> orders = s.orders();
        assertThat(orders).hasSize(300);
        assertThat(orders).extracting(SimOrder::orderNo).doesNotHaveDuplicates();
        assertThat(orders).extracting(SimOrder::currency).containsOnly("AED", "SAR").contains("AED", "SAR");
        assertThat(orders).extracting(o -> o.address().countryCode()).containsOnly("ARE", "SAU");
        Map<String, Set<String>> cities = Map.of("ARE", Set.of("Dubai", "Abu Dhabi", "Sharjah"),
                "SAU", Set.of("Riyadh", "Jeddah", "Dammam"));
        Set<String> products = s.products().stream().map(SimProduct::sku).collect(Collectors.toSet());
        for (SimOrder o : orders) {
            String country = o.address().countryCode();
            assertThat(o.currency()).isEqualTo(country.equals("ARE") ? "AED" : "SAR");
            assertThat(cities.get(country)).contains(o.address().city());
            assertThat(o.address().phone()).startsWith(country.equals("ARE") ? "+9715" : "+9665").hasSize(13);
            assertThat(o.lines()).hasSizeBetween(1, 4);
            assertThat(o.lines()).allSatisfy(l -> assertThat(products).contains(l.skuCode()));
            assertThat(o.lastUpdate()).isAfterOrEqualTo(o.orderDate());
            assertThat(o.lastUpdate()).isBeforeOrEqualTo(SellerPanelSimulator.DEFAULT_START);
            assertThat(o.email()).endsWith("@example.com");
            if (o.status() >= 10 && o.status() != 8) {
                assertThat(o.lines()).allSatisfy(l -> assertThat(s.invoice(l.invoiceNo())).isPresent());
            }
            if (o.status() == 8) {
                assertThat(o.lines()).allSatisfy(l -> assertThat(l.cancelledQty()).isEqualTo(l.orderQty()));
            }
        }
        Map<Integer, Long> byStatus = orders.stream()
                .collect(Collectors.groupingBy(SimOrder::status, Collectors.counting()));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(1, 5, 8, 10, 15, 25);
        assertThat(byStatus.get(1) + byStatus.get(5)).isGreaterThan(150L);
        assertThat(byStatus.get(8)).isLessThan(byStatus.get(1));
        assertThat(s.returns()).isNotEmpty().allSatisfy(r ->
                assertThat(s.order(r.orderNo()).orElseThrow().status()).isEqualTo(25));
        assertThat(s.backOrders()).hasSize(5);
    }

    @Test
    void productsAreBabyProductsAndAShareHasNoValidVendorSkuCode() {
        SimulatorStore s = store(Fixture.of(3, 0, 400).withInvalidVendorSkuShare(0.25));
        List<SimProduct> products = s.products();
        long invalid = products.stream().filter(p -> !p.hasValidVendorSkuCode()).count();
        assertThat(invalid).isBetween(60L, 140L);
        assertThat(products.stream().filter(p -> !p.hasValidVendorSkuCode()).map(SimProduct::vendorSkuCode))
                .anyMatch(v -> v == null).anyMatch(v -> v != null && v.isBlank());
        Map<String, SimProduct> bySku = products.stream().collect(Collectors.toMap(SimProduct::sku, Function.identity()));
        assertThat(bySku).hasSize(400);
        assertThat(products).extracting(SimProduct::brand)
                .contains("Pampers", "Philips Avent", "Aptamil", "Mustela", "Chicco", "Fisher-Price");
        assertThat(products).allSatisfy(p -> {
            assertThat(p.skuName()).startsWith(p.brand());
            assertThat(p.salePrice()).isLessThanOrEqualTo(p.mrp());
            assertThat(p.sku()).matches("BS-[A-Z]{3}-\\d{5}");
        });
        assertThat(store(Fixture.of(3, 0, 50).withInvalidVendorSkuShare(0)).products())
                .allMatch(SimProduct::hasValidVendorSkuCode);
    }

    @Test
    void emptyFixtureHasNothing() {
        SimulatorStore s = store(Fixture.empty());
        assertThat(s.orders()).isEmpty();
        assertThat(s.products()).isEmpty();
        assertThat(s.backOrders()).isEmpty();
    }
}
