package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The channel side: mutators, and that the API sees their effect with a moved last-update time. */
class StoreMutatorsTest {

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create(b -> b.noQuota().fixture(Fixture.of(31, 15, 10)));

    private String since;

    @BeforeEach
    void moveTime(SellerPanelSimulator sim) {
        sim.simulatedClock().advance(Duration.ofMinutes(30));
        since = sim.formatDate(sim.clock().instant());
    }

    private static JsonNode changedOrders(Http http, String since) {
        return http.call("orderList", "{\"updateDate\":\"" + since + "\"}").json().get("orderList");
    }

    private static JsonNode fetch(Http http, String orderNo) {
        return http.call("orderFetch", "{\"orderNo\":[\"" + orderNo + "\"]}").json().get("orders").get(0);
    }

    private static SimOrder pending(SellerPanelSimulator sim) {
        return sim.store().orders().stream().filter(o -> o.status() == 1).findFirst().orElseThrow();
    }

    @Test
    void addedAndGeneratedOrdersAppearInTheListing(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        assertThat(changedOrders(http, since)).isEmpty();
        SimAddress address = new SimAddress("Villa 7, Street 3", "Al Barsha", "Dubai", "Dubai", "ARE", "00000",
                "+971501234567");
        SimOrder added = sim.store().addOrder(SimOrder.of("TEST-1", "Mariam Haddad", address, Instant.EPOCH,
                List.of(SimOrderLine.of(1, "BS-DIA-00001", "Pampers Baby-Dry Diapers Size 3 (62 pcs)", 2,
                        new BigDecimal("59.00")))));
        assertThat(added.lastUpdate()).isEqualTo(sim.clock().instant());
        SimOrder generated = sim.store().generateOrder();
        assertThat(generated.status()).isEqualTo(1);
        assertThat(changedOrders(http, since).findValuesAsText("orderNo"))
                .containsExactly(generated.orderNo(), "TEST-1"); // same second: by order number
        JsonNode fetched = fetch(http, "TEST-1");
        assertThat(fetched.get("orderCurrency").asText()).isEqualTo("AED");
        assertThat(fetched.get("orderAmount").asText()).isEqualTo("118.00");
        assertThat(fetched.get("orderTaxAmount").asText()).isEqualTo("5.62");
        assertThatThrownBy(() -> sim.store().addOrder(added)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusMovesAreVisibleAndLogged(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = pending(sim);
        sim.store().setOrderStatus(o.orderNo(), OrderStatus.DELIVERED.code());
        JsonNode list = changedOrders(http, since);
        assertThat(list.findValuesAsText("orderNo")).containsExactly(o.orderNo());
        assertThat(list.get(0).get("orderStatus").asText()).isEqualTo("25");
        JsonNode line = fetch(http, o.orderNo()).get("orderItems").get(0);
        assertThat(line.get("deliveredQty").asText()).isEqualTo(line.get("orderQty").asText());
        assertThat(sim.store().changes()).last().satisfies(c -> {
            assertThat(c.orderNo()).isEqualTo(o.orderNo());
            assertThat(c.what()).isEqualTo("status 1 -> 25");
            assertThat(c.at()).isEqualTo(sim.clock().instant());
        });
        SimOrder held = sim.store().updateOrder(o.orderNo(), x -> x.withOnHold(true));
        assertThat(held.onHold()).isTrue();
        assertThatThrownBy(() -> sim.store().setOrderStatus("NOPE", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelCancellationIsRecordedWithItsSource(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = pending(sim);
        sim.store().cancelOnChannel(o.orderNo());
        assertThat(changedOrders(http, since).get(0).get("orderStatus").asText()).isEqualTo("8");
        assertThat(fetch(http, o.orderNo()).get("cancelRemark").asText()).isEqualTo("Cancelled by customer");
        assertThat(sim.store().cancellations()).singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(CancellationRecord.Source.CHANNEL));
    }

    @Test
    void itemLevelQuantityChangeCancelsPartOfALine(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = sim.store().orders().stream().filter(x -> x.status() == 1 && x.lines().size() > 1)
                .findFirst().orElseThrow();
        SimOrderLine first = o.lines().get(0);
        SimOrder changed = sim.store().changeLineQuantity(o.orderNo(), 1, 0);
        assertThat(changed.status()).isEqualTo(1);
        assertThat(changed.line(1).orElseThrow().cancelledQty()).isEqualTo(first.orderQty());
        JsonNode line = fetch(http, o.orderNo()).get("orderItems").get(0);
        assertThat(line.get("lineStatus").asText()).isEqualTo("8");
        assertThat(line.get("cancelledQty").asText()).isEqualTo(Integer.toString(first.orderQty()));
        assertThat(changedOrders(http, since).findValuesAsText("orderNo")).containsExactly(o.orderNo());

        SimOrder grown = sim.store().changeLineQuantity(o.orderNo(), 2, o.lines().get(1).orderQty() + 2);
        assertThat(grown.line(2).orElseThrow().orderQty()).isEqualTo(o.lines().get(1).orderQty() + 2);
        for (SimOrderLine l : grown.lines()) {
            sim.store().changeLineQuantity(o.orderNo(), l.lineNo(), 0);
        }
        assertThat(sim.store().order(o.orderNo()).orElseThrow().status()).isEqualTo(8);
    }

    @Test
    void productsCanBeAddedAndUpdated(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimProduct p = sim.store().putProduct(SimProduct.of("BS-NEW-00001", "", "Joie Travel Cot Grey", "Joie",
                new BigDecimal("499.00"), Instant.EPOCH));
        assertThat(p.hasValidVendorSkuCode()).isFalse();
        JsonNode listed = http.call("productFetch", "{\"updatedDate\":\"" + since + "\"}").json().get("productList");
        assertThat(listed.findValuesAsText("sku")).containsExactly("BS-NEW-00001");
        assertThat(listed.get(0).get("vendorSkuCode").asText()).isEmpty();
        sim.store().updateProduct("BS-NEW-00001", x -> x.withVendorSkuCode("V-NEW-1"));
        assertThat(sim.store().product("BS-NEW-00001").orElseThrow().hasValidVendorSkuCode()).isTrue();
        assertThat(http.call("inventoryPriceUpdate",
                "{\"invPriceList\":[{\"sku\":\"BS-NEW-00001\",\"invQty\":\"4\"}]}").code()).isZero();
    }

    @Test
    void returnsCanBeRaisedAndMoved(SellerPanelSimulator sim) {
        SimOrder o = sim.store().orders().get(0);
        SimReturn r = sim.store().addReturn(o.orderNo(), 1, 1);
        assertThat(r.returnStatus()).isEqualTo(5);
        SimReturn moved = sim.store().setReturnStatus(r.returnNo(), 10);
        assertThat(moved.returnStatus()).isEqualTo(10);
        assertThat(sim.store().returns()).contains(moved);
        assertThatThrownBy(() -> sim.store().addReturn(o.orderNo(), 1, 99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStockLevelEditedByHandIsWhatBabyshopHoldsUntilTheNextPush(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String sku = sim.store().products().get(0).sku();
        http.call("inventoryPriceUpdate", "{\"invPriceList\":[{\"sku\":\"" + sku + "\",\"invQty\":\"11\"}]}");
        int calls = sim.requests().all().size();
        sim.simulatedClock().advance(Duration.ofMinutes(1));

        InventoryUpdate edit = sim.store().editStockByHand(sku, new BigDecimal("4"));

        assertThat(edit.credential()).isEqualTo(SimulatorStore.BY_HAND);
        assertThat(edit.receivedAt()).isEqualTo(sim.clock().instant());
        assertThat(sim.store().latestInventory().get(sku).invQty()).isEqualByComparingTo("4");
        assertThat(sim.store().inventoryHistory(sku)).extracting(InventoryUpdate::invQty)
                .containsExactly(new BigDecimal("11"), new BigDecimal("4"));
        assertThat(sim.requests().all()).as("not an API call").hasSize(calls);
        http.call("inventoryPriceUpdate", "{\"invPriceList\":[{\"sku\":\"" + sku + "\",\"invQty\":\"11\"}]}");
        assertThat(sim.store().latestInventory().get(sku).invQty()).as("a push replaces it").isEqualByComparingTo("11");
        assertThatThrownBy(() -> sim.store().editStockByHand("NO-SUCH-SKU", BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.store().editStockByHand(sku, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
