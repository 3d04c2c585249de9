package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertJson;
import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The listing operations on the wire (reference §2.2 to §2.5): productFetch, inventoryPriceUpdate,
 * inventoryPriceStatus and skuBackOrder, request JSON and the reference's example answers.
 */
class CatalogWireTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    // ---------------------------------------------------------------- productFetch (§2.2)

    @Test
    void productFetchByDateSendsUpdatedDateInIstAndNumericPaging() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.PRODUCT_FETCH));

        panel.client().catalog().productPage(ProductQuery.builder()
                .updatedSince(Instant.parse("2014-12-31T18:30:00Z")).pageNumber(1).limit(10).build());

        panel.take();
        JsonNode sent = assertKeyedFormPost(panel.take(), "productFetch");
        assertJson(sent, """
                {"updatedDate": "01/01/2015 00:00:00", "pageNumber": 1, "limit": 10}
                """);
    }

    @Test
    void productFetchBySkuCodesSendsThemAsAnArray() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.PRODUCT_FETCH));

        panel.client().catalog().productPage(ProductQuery.builder()
                .addSkuCodes("TEST_STORE_ABC_TESTING_001", "TEST_STORE_ABC_TESTING-003").limit(2).build());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "productFetch"), """
                {"skuCode": ["TEST_STORE_ABC_TESTING_001", "TEST_STORE_ABC_TESTING-003"],
                 "pageNumber": 1, "limit": 2}
                """);
    }

    @Test
    void productFetchReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.PRODUCT_FETCH));

        Page<Product> page = panel.client().catalog().productPage(ProductQuery.builder()
                .updatedSince(Instant.parse("2014-12-31T18:30:00Z")).limit(10).build());

        assertThat(page.pageNumber()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(10);
        assertThat(page.failures()).isEmpty();
        assertThat(page.isLast()).isTrue();
        assertThat(page.records()).hasSize(1);
        Product product = page.records().get(0);
        assertThat(product.sku()).isEqualTo("NYJCH00000001");
        assertThat(product.vendorSkuCode()).hasValue("100061_INTIMA");
        assertThat(product.manufacturerSkuCode()).hasValue("100061_INTIMA");
        assertThat(product.skuName()).hasValue("NYJCH00000001");
        assertThat(product.mrp().orElseThrow()).isEqualByComparingTo("1500");
        assertThat(product.salePrice().orElseThrow()).isEqualByComparingTo("1500");
        assertThat(product.baseCost().orElseThrow()).isEqualByComparingTo("1000");
        assertThat(product.statusCode()).hasValue("1");
        assertThat(product.lastUpdated()).hasValue(Instant.parse("2017-04-12T10:41:38Z"));
        assertThat(product.brand()).hasValue("Natrol");
        assertThat(product.color()).isEmpty();
        assertThat(product.size()).isEmpty();
        assertThat(product.weight().orElseThrow()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(product.length().orElseThrow()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(product.width().orElseThrow()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(product.height().orElseThrow()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(product.serialTracking()).hasValue("0");
        assertThat(product.hasValidVendorSkuCode()).isTrue();
    }

    // ---------------------------------------------------------------- inventoryPriceUpdate (§2.3)

    @Test
    void inventoryPriceUpdateSendsTheInvPriceListWithQuantityAndPriceAsStrings() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.INVENTORY_PRICE_UPDATE));

        panel.client().catalog().updateInventory(List.of(InventoryItem.builder()
                .sku("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1").quantity(new BigDecimal("11"))
                .salePrice(new BigDecimal("1299.00")).build()));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "inventoryPriceUpdate"), """
                {"invPriceList": [
                  {"sku": "TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1", "invQty": "11", "salePrice": "1299.00"}
                ]}
                """);
    }

    @Test
    void inventoryPriceUpdateLeavesOutAnAbsentPriceAndWritesPlainDecimals() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("""
                {"responseCode": 0, "responseMessage": "Success", "skus": [
                  {"moderationId": "25", "sku": "SKU-A", "requestedInvQty": "0", "status": "Pending"},
                  {"moderationId": "26", "sku": "SKU-B", "requestedInvQty": "2.5", "status": "Pending",
                   "requestedSalePrice": "1000"}
                ]}
                """));

        InventoryUpdateResult result = panel.client().catalog().updateInventory(List.of(
                InventoryItem.of("SKU-A", BigDecimal.ZERO),
                InventoryItem.builder().sku("SKU-B").quantity(new BigDecimal("2.500"))
                        .salePrice(new BigDecimal("1E+3")).build()));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "inventoryPriceUpdate"), """
                {"invPriceList": [
                  {"sku": "SKU-A", "invQty": "0"},
                  {"sku": "SKU-B", "invQty": "2.500", "salePrice": "1000"}
                ]}
                """);
        assertThat(result.allAccepted()).isTrue();
        assertThat(result.accepted()).extracting(InventoryModeration::moderationId).containsExactly("25", "26");
    }

    @Test
    void inventoryPriceUpdateReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.INVENTORY_PRICE_UPDATE));

        InventoryUpdateResult result = panel.client().catalog().updateInventory(List.of(InventoryItem.builder()
                .sku("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1").quantity(new BigDecimal("11"))
                .salePrice(new BigDecimal("1299.00")).build()));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).hasSize(1);
        InventoryModeration moderation = result.accepted().get(0);
        assertThat(moderation.moderationId()).isEqualTo("24");
        assertThat(moderation.sku()).isEqualTo("TEST_STORE_ABC_TESTING-004-BUY-3-FREE-1");
        assertThat(moderation.requestedQuantity().orElseThrow()).isEqualByComparingTo("11");
        assertThat(moderation.approvedQuantity()).isEmpty();
        assertThat(moderation.status()).hasValue("Pending");
        assertThat(moderation.isPending()).isTrue();
        assertThat(moderation.requestedSalePrice()).isEmpty();
    }

    @Test
    void inventoryPriceUpdateCode304ForTheOnlySkuIsATypedNotFoundNamingIt() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(304, "[SKU & Seller] Code Combination not found in the System."));

        assertThatThrownBy(() -> panel.client().catalog()
                .updateInventory(List.of(InventoryItem.of("UNKNOWN-SKU", new BigDecimal("3")))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("UNKNOWN-SKU")
                .satisfies(e -> {
                    NotFoundException notFound = (NotFoundException) e;
                    assertThat(notFound.responseCode()).hasValue(ResponseCode.SKU_NOT_FOUND);
                    assertThat(notFound.serverMessage())
                            .hasValue("[SKU & Seller] Code Combination not found in the System.");
                });
        assertThat(panel.server().getRequestCount()).as("authToken + one call, no retry").isEqualTo(2);
    }

    // ---------------------------------------------------------------- inventoryPriceStatus (§2.4)

    @Test
    void inventoryPriceStatusSendsTheModerationIdsAsJsonIntegers() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.INVENTORY_PRICE_STATUS));

        panel.client().catalog().moderationStatus(List.of("108", "109"));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "inventoryPriceStatus"), """
                {"moderationIdsList": [108, 109]}
                """);
    }

    @Test
    void inventoryPriceStatusReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.INVENTORY_PRICE_STATUS));

        Records<InventoryModeration> records = panel.client().catalog().moderationStatus(List.of("108", "109"));

        assertThat(records.failures()).isEmpty();
        InventoryModeration moderation = records.records().get(0);
        assertThat(records.records()).hasSize(1);
        assertThat(moderation.moderationId()).isEqualTo("108");
        assertThat(moderation.sku()).isEqualTo("224808");
        assertThat(moderation.requestedQuantity().orElseThrow()).isEqualByComparingTo("1");
        assertThat(moderation.approvedQuantity()).isEmpty();
        assertThat(moderation.status()).hasValue("Pending");
        assertThat(moderation.requestedSalePrice().orElseThrow()).isEqualByComparingTo("1299");
    }

    /**
     * A moderation id that could not be sent back to inventoryPriceStatus as a JSON integer ("null", "N/A",
     * "-1", 19 digits) makes its record a per-record failure, so no caller stores an id that a later status
     * request would refuse before any call (found by the hostile-input harness).
     */
    @ParameterizedTest
    @ValueSource(strings = {"null", "N/A", "-1", "12abc", "1234567890123456789"})
    void aModerationIdThatCannotBeSentBackIsARecordFailure(String id) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"skus\":[{\"moderationId\":\"" + id
                + "\",\"sku\":\"A\",\"status\":\"Pending\"},{\"moderationId\":24,\"sku\":\"B\","
                + "\"status\":\"Approved\"}]}"));

        Records<InventoryModeration> records = panel.client().catalog().moderationStatus(List.of("24"));

        assertThat(records.records()).extracting(InventoryModeration::moderationId).containsExactly("24");
        assertThat(records.failures()).singleElement().satisfies(failure ->
                assertThat(failure.reason()).contains("moderationId"));
    }

    // ---------------------------------------------------------------- skuBackOrder (§2.5)

    @Test
    void skuBackOrderSendsAnEmptyJsonObjectAsTheOnlyFormField() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.SKU_BACK_ORDER));

        panel.client().catalog().backOrders();

        panel.take();
        RecordedRequest request = panel.take();
        assertJson(assertKeyedFormPost(request, "skuBackOrder"), "{}");
        assertThat(request.getBody().utf8()).isEqualTo("RequestBody=%7B%7D");
    }

    @Test
    void skuBackOrderReadsTheReferenceAnswerWhichHasNoResponseCode() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.SKU_BACK_ORDER));

        assertReferenceBackOrder(panel.client().catalog().backOrders());
    }

    @Test
    void skuBackOrderAlsoReadsTheAnswerWithAnEnvelope() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("""
                {"responseCode": 0, "responseMessage": "Success", "data": [
                  {"vendorCode": "jit_15", "sku": "SA2", "qty": "3", "price": "3000", "vendorSKUCode": "abc123"}
                ]}
                """));

        assertReferenceBackOrder(panel.client().catalog().backOrders());
    }

    @Test
    void skuBackOrderWithNeitherResponseCodeNorDataIsNotTakenForSuccess() {
        panel.enqueueToken();
        for (int attempt = 0; attempt < 3; attempt++) {
            panel.server().enqueue(MockSellerPanel.json("{\"something\": \"else\"}"));
        }

        assertThatThrownBy(() -> panel.client().catalog().backOrders())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("responseCode");
    }

    private static void assertReferenceBackOrder(Records<BackOrder> records) {
        assertThat(records.failures()).isEmpty();
        assertThat(records.records()).singleElement().satisfies(backOrder -> {
            assertThat(backOrder.sku()).isEqualTo("SA2");
            assertThat(backOrder.vendorCode()).hasValue("jit_15");
            assertThat(backOrder.vendorSkuCode()).hasValue("abc123");
            assertThat(backOrder.quantity().orElseThrow()).isEqualByComparingTo("3");
            assertThat(backOrder.price().orElseThrow()).isEqualByComparingTo("3000");
        });
    }
}
