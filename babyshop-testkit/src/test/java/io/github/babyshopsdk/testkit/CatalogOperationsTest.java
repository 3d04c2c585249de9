package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** productFetch, inventoryPriceUpdate, inventoryPriceStatus, skuBackOrder. */
class CatalogOperationsTest {

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create(b -> b.noQuota().fixture(Fixture.of(3, 12, 25)));

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void productFetchByDatePagesInLastUpdateOrderWithTheDocumentedFields(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        List<String> skus = new ArrayList<>();
        java.time.Instant previous = null;
        for (int page = 1; page <= 3; page++) {
            JsonNode r = http.call("productFetch",
                    "{\"updatedDate\":\"01/01/2015 00:00:00\",\"pageNumber\":" + page + ",\"limit\":10}").json();
            assertThat(names(r)).containsExactly("responseCode", "responseMessage", "productList");
            for (JsonNode p : r.get("productList")) {
                assertThat(names(p)).containsExactly("sku", "vendorSkuCode", "mfgSkuCode", "skuName", "mrp",
                        "salePrice", "baseCost", "status", "lastUpdateDate", "brand", "color", "size", "weight",
                        "length", "width", "height", "serialTracking");
                assertThat(p.get("mrp").isTextual()).isTrue();
                assertThat(p.get("mrp").asText()).matches("\\d+\\.\\d{2}");
                assertThat(p.get("lastUpdateDate").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
                java.time.Instant stamp = sim.parseDate(p.get("lastUpdateDate").asText());
                if (previous != null) {
                    assertThat(stamp).isAfterOrEqualTo(previous);
                }
                previous = stamp;
                skus.add(p.get("sku").asText());
            }
        }
        assertThat(skus).hasSize(25).doesNotHaveDuplicates();
        assertThat(skus).containsExactlyInAnyOrderElementsOf(
                sim.store().products().stream().map(SimProduct::sku).toList());
    }

    @Test
    void productFetchBySkuCodesAnswersTheKnownOnesInRequestOrder(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        List<SimProduct> products = sim.store().products();
        String a = products.get(3).sku();
        String b = products.get(0).sku();
        JsonNode r = http.call("productFetch",
                "{\"skuCode\":[\"" + a + "\",\"UNKNOWN\",\"" + b + "\"],\"pageNumber\":1,\"limit\":10}").json();
        assertThat(r.get("productList").findValuesAsText("sku")).containsExactly(a, b);
        assertThat(http.call("productFetch", "{\"pageNumber\":1}").code()).isEqualTo(9);
    }

    @Test
    void productFetchSeesAnUpdatedProductAfterItsNewDate(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        sim.simulatedClock().advance(Duration.ofMinutes(3));
        String since = sim.formatDate(sim.clock().instant());
        SimProduct p = sim.store().products().get(5);
        sim.store().updateProduct(p.sku(), x -> x.withSalePrice(new BigDecimal("19.99")));
        JsonNode r = http.call("productFetch", "{\"updatedDate\":\"" + since + "\"}").json();
        assertThat(r.get("productList")).hasSize(1);
        assertThat(r.get("productList").get(0).get("salePrice").asText()).isEqualTo("19.99");
        assertThat(r.get("productList").get(0).get("lastUpdateDate").asText()).isEqualTo(since);
    }

    @Test
    void inventoryPriceUpdateRecordsEachSkuWithAModerationId(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String sku1 = sim.store().products().get(0).sku();
        String sku2 = sim.store().products().get(1).sku();
        Http.Reply r = http.call("inventoryPriceUpdate", "{\"invPriceList\":[{\"sku\":\"" + sku1
                + "\",\"invQty\":\"11\",\"salePrice\":\"1299.00\"},{\"sku\":\"" + sku2 + "\",\"invQty\":\"0\"}]}");
        JsonNode json = r.json();
        assertThat(json.get("responseCode").asInt()).isZero();
        assertThat(json.get("skus")).hasSize(2);
        JsonNode row = json.get("skus").get(0);
        assertThat(names(row)).containsExactly("moderationId", "sku", "requestedInvQty", "approvedInvQty", "status",
                "requestedSalePrice");
        assertThat(row.get("moderationId").asText()).isEqualTo("1001");
        assertThat(row.get("requestedInvQty").asText()).isEqualTo("11");
        assertThat(row.get("approvedInvQty").isNull()).isTrue();
        assertThat(row.get("status").asText()).isEqualTo("Pending");
        assertThat(row.get("requestedSalePrice").asText()).isEqualTo("1299.00");
        assertThat(json.get("skus").get(1).get("requestedSalePrice").isNull()).isTrue();

        sim.simulatedClock().advance(Duration.ofMinutes(1));
        http.call("inventoryPriceUpdate", "{\"invPriceList\":[{\"sku\":\"" + sku1 + "\",\"invQty\":\"7\"}]}");
        assertThat(sim.store().inventoryHistory(sku1)).extracting(InventoryUpdate::invQty)
                .containsExactly(new BigDecimal("11"), new BigDecimal("7"));
        assertThat(sim.store().inventoryHistory(sku1).get(1).receivedAt())
                .isEqualTo(sim.store().inventoryHistory(sku1).get(0).receivedAt().plusSeconds(60));
        assertThat(sim.store().latestInventory().get(sku1).invQty()).isEqualByComparingTo("7");
        assertThat(sim.store().latestInventory()).containsKeys(sku1, sku2);
        assertThat(sim.store().inventoryUpdates()).hasSize(3);
    }

    @Test
    void inventoryPriceUpdateRejectsTheWholeBatchOnAnUnknownSkuWith304(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String sku = sim.store().products().get(0).sku();
        Http.Reply r = http.call("inventoryPriceUpdate", "{\"invPriceList\":[{\"sku\":\"" + sku
                + "\",\"invQty\":\"1\"},{\"sku\":\"NO-SUCH-SKU\",\"invQty\":\"2\"}]}");
        assertThat(r.code()).isEqualTo(304);
        assertThat(r.json().get("responseMessage").asText())
                .isEqualTo("[SKU & Seller] Code Combination not found in the System.");
        assertThat(sim.store().inventoryUpdates()).isEmpty();
        assertThat(http.call("inventoryPriceUpdate", "{\"invPriceList\":[]}").code()).isEqualTo(5);
        assertThat(http.call("inventoryPriceUpdate",
                "{\"invPriceList\":[{\"sku\":\"" + sku + "\",\"invQty\":\"many\"}]}").code()).isEqualTo(9);
    }

    @Test
    void moderationGoesFromPendingToApprovedAfterTheDelay(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String sku = sim.store().products().get(2).sku();
        String id = http.call("inventoryPriceUpdate", "{\"invPriceList\":[{\"sku\":\"" + sku + "\",\"invQty\":\"5\"}]}")
                .json().get("skus").get(0).get("moderationId").asText();
        String query = "{\"moderationIdsList\":[" + id + ",999999]}";
        JsonNode pending = http.call("inventoryPriceStatus", query).json();
        assertThat(names(pending)).containsExactly("responseCode", "responseMessage", "skus");
        assertThat(pending.get("skus")).hasSize(1);
        assertThat(pending.get("skus").get(0).get("status").asText()).isEqualTo("Pending");

        sim.simulatedClock().advance(Duration.ofMinutes(10));
        JsonNode approved = http.call("inventoryPriceStatus", "{\"moderationIdsList\":[\"" + id + "\"]}").json();
        JsonNode row = approved.get("skus").get(0);
        assertThat(row.get("status").asText()).isEqualTo("Approved");
        assertThat(row.get("approvedInvQty").asText()).isEqualTo("5");
        assertThat(sim.store().moderationStatus(Long.parseLong(id))).contains("Approved");
        assertThat(http.call("inventoryPriceStatus", "{\"moderationIdsList\":[]}").code()).isEqualTo(5);
    }

    @Test
    void aModerationDecidedAsRefusedIsPendingForTheDelayThenShowsTheVerdict(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        String sku = sim.store().products().get(3).sku();
        String body = "{\"invPriceList\":[{\"sku\":\"" + sku + "\",\"invQty\":\"7\"}]}";
        String refused = http.call("inventoryPriceUpdate", body).json().get("skus").get(0).get("moderationId").asText();
        String approved = http.call("inventoryPriceUpdate", body).json().get("skus").get(0).get("moderationId").asText();
        sim.store().decideModeration(Long.parseLong(refused), "Rejected");
        String query = "{\"moderationIdsList\":[" + refused + "," + approved + "]}";

        sim.simulatedClock().advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(http.call("inventoryPriceStatus", query).json().get("skus"))
                .extracting(row -> row.get("status").asText()).containsExactly("Pending", "Pending");

        sim.simulatedClock().advance(Duration.ofSeconds(1));
        JsonNode rows = http.call("inventoryPriceStatus", query).json().get("skus");
        assertThat(rows).extracting(row -> row.get("moderationId").asText() + " " + row.get("status").asText())
                .containsExactly(refused + " Rejected", approved + " Approved");
        assertThat(rows.get(0).get("approvedInvQty").isNull()).as("nothing approved").isTrue();
        assertThat(sim.store().moderationStatus(Long.parseLong(refused))).contains("Rejected");
        assertThatThrownBy(() -> sim.store().decideModeration(999_999L, "Rejected"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.store().decideModeration(Long.parseLong(approved), "Pending"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skuBackOrderAnswersTheConfiguredBookWithOrWithoutARequestBody(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        JsonNode withBody = http.call("skuBackOrder", "{}").json();
        assertThat(names(withBody)).containsExactly("data");
        assertThat(withBody.get("data")).isNotEmpty();
        assertThat(names(withBody.get("data").get(0))).containsExactly("vendorCode", "sku", "qty", "price",
                "vendorSKUCode");
        assertThat(http.post("skuBackOrder", sim.apiKey(), null).json()).isEqualTo(withBody);

        sim.store().setBackOrders(List.of(new BackOrderItem("jit_15", "SA2", new BigDecimal("3"),
                new BigDecimal("3000"), "abc123")));
        JsonNode one = http.call("skuBackOrder", "{}").json().get("data");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("vendorSKUCode").asText()).isEqualTo("abc123");
        assertThat(one.get(0).get("qty").asText()).isEqualTo("3");
        assertThat(http.post("skuBackOrder", "bad", "{}").code()).isEqualTo(2000);
    }
}
