package io.github.babyshopsdk.client.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Q3: five response schemas are declared as {@code items} without {@code type: array}, so the answer may
 * be a JSON array holding the envelope; {@code orders} and {@code returns} may likewise be one object
 * instead of a list. The client must read both shapes alike.
 */
class ArrayWrappedEnvelopeWireTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyedOperation.class,
            names = {"PRODUCT_FETCH", "INVENTORY_PRICE_UPDATE", "INVENTORY_PRICE_STATUS", "ORDER_LIST", "ORDER_LIST_JIT"})
    void anArrayHoldingTheEnvelopeReadsExactlyLikeTheEnvelope(KeyedOperation operation) {
        String envelope = body(operation);
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("[" + envelope + "]"));
        panel.server().enqueue(MockSellerPanel.json(envelope));
        BabyshopClient client = panel.client();

        Object fromArray = operation.invoke(client);
        Object fromObject = operation.invoke(client);

        assertThat(fromArray).isNotNull().isEqualTo(fromObject);
        assertThat(recordsIn(fromArray)).as("records read from the array answer").isEqualTo(1);
        assertThat(panel.server().getRequestCount()).isEqualTo(3);
    }

    @Test
    void aFailureCodeInsideTheArrayIsStillTheCodesFailure() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("[{\"responseCode\":14,\"responseMessage\":\"API credentials are no more active\"}]"));

        assertThatThrownBy(() -> KeyedOperation.ORDER_LIST.invoke(panel.client()))
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((BabyshopException) e).code()).hasValue(14));
    }

    @Test
    void ordersGivenAsOneObjectInsteadOfAListAreAListOfOne() {
        String single = ReferenceResponses.ORDER_FETCH.replaceFirst("\"orders\": \\[", "\"orders\": ")
                .replaceFirst("\\]\\s*}\\s*$", "}");
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(single));

        Records<Order> records = panel.client().orders().fetch(List.of("100000019", "100000020"));

        assertThat(single).doesNotContain("\"orders\": [");
        assertThat(records.failures()).isEmpty();
        assertThat(records.records()).extracting(Order::orderNo).containsExactly("501242014-33");
        assertThat(records.records().get(0).lines()).hasSize(1);
    }

    @Test
    void returnsGivenAsOneObjectInsteadOfAListAreAListOfOne() {
        String single = ReferenceResponses.ORDER_RETURN.replaceFirst("\"returns\": \\[", "\"returns\": ")
                .replaceFirst("\\]\\s*}\\s*$", "}");
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(single));

        Page<ReturnOrder> page = panel.client().orders().returnsPage(ReturnQuery.builder().returnNo("RET-1").build());

        assertThat(single).doesNotContain("\"returns\": [");
        assertThat(page.failures()).isEmpty();
        assertThat(page.records()).extracting(ReturnOrder::internalReturnNo).containsExactly("mwhc2353");
    }

    @Test
    void anArrayOfSeveralEnvelopesYieldsTheRecordsOfEveryEnvelope() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("""
                [
                  {"responseCode": 0, "responseMessage": "Success", "productList": [{"sku": "PRODUCT-A"}]},
                  {"responseCode": 0, "responseMessage": "Success", "productList": [{"sku": "PRODUCT-B"}]}
                ]
                """));

        Page<Product> page = panel.client().catalog().productPage(ProductQuery.builder()
                .updatedSince(Instant.parse("2014-12-31T18:30:00Z")).limit(2).build());

        assertThat(page.records()).extracting(Product::sku).containsExactly("PRODUCT-A", "PRODUCT-B");
    }

    private static int recordsIn(Object result) {
        if (result instanceof Page) {
            return ((Page<?>) result).records().size();
        }
        if (result instanceof Records) {
            return ((Records<?>) result).records().size();
        }
        return ((InventoryUpdateResult) result).accepted().size();
    }

    private static String body(KeyedOperation operation) {
        switch (operation) {
            case PRODUCT_FETCH:
                return ReferenceResponses.PRODUCT_FETCH;
            case INVENTORY_PRICE_UPDATE:
                return ReferenceResponses.INVENTORY_PRICE_UPDATE;
            case INVENTORY_PRICE_STATUS:
                return ReferenceResponses.INVENTORY_PRICE_STATUS;
            case ORDER_LIST:
            case ORDER_LIST_JIT:
                return ReferenceResponses.ORDER_LIST;
            default:
                throw new IllegalArgumentException(operation.name());
        }
    }
}
