package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.SimClients.answered;
import static io.github.babyshopsdk.testkit.client.SimClients.clientFor;
import static io.github.babyshopsdk.testkit.client.SimClients.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.ResponseCode;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.testkit.BackOrderItem;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * productFetch, inventoryPriceUpdate, inventoryPriceStatus and skuBackOrder through the public client,
 * checked against what the simulator holds and received.
 */
class CatalogAgainstSimulatorTest {

    private static final String UNKNOWN_SKU = "BS-NOPE-99999";

    private static SellerPanelSimulator simulator(Fixture fixture) {
        return SellerPanelSimulator.builder().fixture(fixture).build().start();
    }

    @Test
    void productsReadsEveryPageOfTheCatalogAndStopsAfterTheShortOne() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(11, 0, 230).withInvalidVendorSkuShare(0.25));
             BabyshopClient client = clientFor(sim)) {
            Instant since = sim.clock().instant().minus(Duration.ofDays(365));

            List<Page<Product>> pages = client.catalog().products(ProductQuery.builder().updatedSince(since).build())
                    .stream().toList();

            assertThat(pages).extracting(Page::pageNumber).containsExactly(1, 2, 3);
            assertThat(pages).extracting(p -> p.records().size()).containsExactly(100, 100, 30);
            assertThat(pages).allSatisfy(p -> assertThat(p.failures()).isEmpty());
            assertThat(sim.requests().of(Operation.PRODUCT_FETCH)).hasSize(3)
                    .allSatisfy(r -> assertThat(r.responseCode()).isZero())
                    .extracting(r -> r.requestBody()).allSatisfy(body -> assertThat(body)
                            .contains("\"updatedDate\":\"" + sim.formatDate(since) + "\""));
            assertThat(sent(client, Operation.PRODUCT_FETCH)).isEqualTo(3);

            // the listing order is the simulator's: last update, then SKU
            List<Product> products = pages.stream().flatMap(p -> p.records().stream()).toList();
            List<SimProduct> truth = sim.store().products().stream()
                    .sorted(Comparator.comparing(SimProduct::lastUpdate).thenComparing(SimProduct::sku)).toList();
            assertThat(products).extracting(Product::sku).containsExactlyElementsOf(truth.stream().map(SimProduct::sku).toList());

            Map<String, SimProduct> bySku = truth.stream().collect(Collectors.toMap(SimProduct::sku, Function.identity()));
            for (Product product : products) {
                SimProduct expected = bySku.get(product.sku());
                assertThat(product.hasValidVendorSkuCode()).as(product.sku()).isEqualTo(expected.hasValidVendorSkuCode());
                if (expected.hasValidVendorSkuCode()) {
                    assertThat(product.vendorSkuCode()).contains(expected.vendorSkuCode());
                }
                assertThat(product.skuName()).contains(expected.skuName());
                assertThat(product.brand()).contains(expected.brand());
                assertThat(product.mrp()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected.mrp()));
                assertThat(product.salePrice())
                        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected.salePrice()));
                assertThat(product.lastUpdated()).contains(expected.lastUpdate());
            }
            long invalid = truth.stream().filter(p -> !p.hasValidVendorSkuCode()).count();
            assertThat(invalid).isPositive();
            assertThat(products.stream().filter(p -> !p.hasValidVendorSkuCode()).count()).isEqualTo(invalid);
        }
    }

    @Test
    void productPageLooksSkusUpByCodeAndLeavesUnknownCodesOut() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(12, 0, 20)); BabyshopClient client = clientFor(sim)) {
            List<String> wanted = List.of(sim.store().products().get(3).sku(), UNKNOWN_SKU,
                    sim.store().products().get(17).sku());

            Page<Product> page = client.catalog().productPage(ProductQuery.builder().skuCodes(wanted).build());

            assertThat(page.records()).extracting(Product::sku).containsExactly(wanted.get(0), wanted.get(2));
            assertThat(page.isLast()).isTrue();
            assertThat(sim.requests().last(Operation.PRODUCT_FETCH).orElseThrow().requestBody())
                    .contains("\"skuCode\":[\"" + wanted.get(0) + "\",\"" + UNKNOWN_SKU + "\"");
        }
    }

    /**
     * The client sends one request per batch and does not bisect (the sync engine plans that): a batch with
     * an unknown SKU is refused whole with 304, one request, nothing applied; the known SKUs resent as one
     * batch are all accepted and recorded once each, as sent.
     */
    @Test
    void updateInventoryWithOneUnknownSkuIsRefusedWholeInOneRequestAndTheKnownNineteenGoThroughAlone() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(13, 0, 30)); BabyshopClient client = clientFor(sim)) {
            List<InventoryItem> items = new ArrayList<>();
            List<SimProduct> products = sim.store().products();
            for (int i = 0; i < 20; i++) {
                String sku = i == 7 ? UNKNOWN_SKU : products.get(i).sku();
                items.add(InventoryItem.builder().sku(sku).quantity(BigDecimal.valueOf(10 + i))
                        .salePrice(new BigDecimal("49.95")).build());
            }
            List<InventoryItem> known = items.stream().filter(item -> !item.sku().equals(UNKNOWN_SKU)).toList();

            assertThatThrownBy(() -> client.catalog().updateInventory(items))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((NotFoundException) e).responseCode())
                            .hasValue(ResponseCode.SKU_NOT_FOUND));
            assertThat(sim.requests().count(Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(1);
            assertThat(answered(sim, Operation.INVENTORY_PRICE_UPDATE, 304)).isEqualTo(1);
            assertThat(sim.store().inventoryUpdates()).as("a refused batch applies nothing").isEmpty();

            InventoryUpdateResult result = client.catalog().updateInventory(known);

            assertThat(result.allAccepted()).isTrue();
            assertThat(result.accepted()).extracting(InventoryModeration::sku)
                    .containsExactlyElementsOf(known.stream().map(InventoryItem::sku).toList());
            assertThat(result.accepted()).allSatisfy(m -> {
                assertThat(m.isPending()).isTrue();
                assertThat(m.approvedQuantity()).isEmpty();
            });

            // the simulator recorded exactly the 19, each once, with the quantity and price sent
            Map<String, InventoryUpdate> latest = sim.store().latestInventory();
            assertThat(latest.keySet()).containsExactlyInAnyOrderElementsOf(known.stream().map(InventoryItem::sku).toList());
            assertThat(sim.store().inventoryUpdates()).hasSize(19);
            for (InventoryItem item : known) {
                InventoryUpdate received = latest.get(item.sku());
                assertThat(received.invQty()).isEqualByComparingTo(item.quantity());
                assertThat(received.salePrice()).isEqualByComparingTo("49.95");
                assertThat(received.credential()).isEqualTo(SellerPanelSimulator.DEFAULT_USERNAME);
            }
            assertThat(result.accepted()).extracting(InventoryModeration::moderationId).containsExactlyInAnyOrderElementsOf(
                    latest.values().stream().map(u -> Long.toString(u.moderationId())).toList());

            assertThat(sim.requests().count(Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(2);
            assertThat(sent(client, Operation.INVENTORY_PRICE_UPDATE)).isEqualTo(2);
            assertThat(client.metrics().retries()).isZero();
            assertThat(sim.requests().all()).as("authToken + two updates, one permit each")
                    .hasSize(40 - client.quota().remaining());
        }
    }

    @Test
    void moderationStatusIsPendingUntilTheModerationDelayHasPassedThenApproved() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(14, 0, 10))
                .moderationDelay(Duration.ofMinutes(10)).build().start();
             BabyshopClient client = clientFor(sim)) {
            List<InventoryItem> items = sim.store().products().stream().limit(4)
                    .map(p -> InventoryItem.of(p.sku(), BigDecimal.valueOf(7))).toList();
            List<String> ids = client.catalog().updateInventory(items).accepted().stream()
                    .map(InventoryModeration::moderationId).toList();
            assertThat(ids).hasSize(4);

            Records<InventoryModeration> pending = client.catalog().moderationStatus(ids);

            assertThat(pending.failures()).isEmpty();
            assertThat(pending.records()).extracting(InventoryModeration::moderationId).containsExactlyElementsOf(ids);
            assertThat(pending.records()).allSatisfy(m -> {
                assertThat(m.isPending()).isTrue();
                assertThat(m.status()).contains("Pending");
                assertThat(m.requestedQuantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("7"));
                assertThat(m.approvedQuantity()).isEmpty();
                assertThat(sim.store().moderationStatus(Long.parseLong(m.moderationId()))).contains("Pending");
            });

            sim.simulatedClock().advance(Duration.ofMinutes(10).plusSeconds(1));
            Records<InventoryModeration> decided = client.catalog().moderationStatus(ids);

            assertThat(decided.records()).hasSize(4).allSatisfy(m -> {
                assertThat(m.isPending()).isFalse();
                assertThat(m.status()).contains("Approved");
                assertThat(m.approvedQuantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("7"));
                assertThat(sim.store().moderationStatus(Long.parseLong(m.moderationId()))).contains("Approved");
            });
            assertThat(sim.requests().count(Operation.INVENTORY_PRICE_STATUS)).isEqualTo(2);
            assertThat(sim.requests().last(Operation.INVENTORY_PRICE_STATUS).orElseThrow().requestBody())
                    .contains("\"moderationIdsList\":[" + String.join(",", ids) + "]");
        }
    }

    @Test
    void backOrdersReadsTheWholeBackOrderBook() {
        try (SellerPanelSimulator sim = simulator(Fixture.of(15, 5, 20)); BabyshopClient client = clientFor(sim)) {
            List<BackOrderItem> book = sim.store().backOrders();
            assertThat(book).isNotEmpty();

            Records<BackOrder> read = client.catalog().backOrders();

            assertThat(read.failures()).isEmpty();
            assertThat(read.records()).hasSameSizeAs(book);
            IntStream.range(0, book.size()).forEach(i -> {
                BackOrder got = read.records().get(i);
                BackOrderItem expected = book.get(i);
                assertThat(got.sku()).isEqualTo(expected.sku());
                assertThat(got.vendorCode()).contains(expected.vendorCode());
                assertThat(got.vendorSkuCode()).contains(expected.vendorSkuCode());
                assertThat(got.hasValidVendorSkuCode()).isTrue();
                assertThat(got.quantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo(expected.qty()));
                assertThat(got.price()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(expected.price()));
            });

            // the book is live: what the channel changes is what the next call reads
            sim.store().setBackOrders(List.of(new BackOrderItem("jit_02", book.get(0).sku(), new BigDecimal("4"),
                    new BigDecimal("12.50"), "")));
            assertThat(client.catalog().backOrders().records()).singleElement().satisfies(b -> {
                assertThat(b.vendorCode()).contains("jit_02");
                assertThat(b.hasValidVendorSkuCode()).isFalse();
            });
            assertThat(sim.requests().of(Operation.SKU_BACK_ORDER)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.httpStatus()).isEqualTo(200));
        }
    }
}
