package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.Address;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HostOrders;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One bad record never stops a run, whatever the store's column sizes: an order number of 600 characters,
 * one with a line break, a Vendor SKU Code of 606 characters and a SKU of 606 characters are set aside with
 * a reason (under {@link RemoteKey#storageForm}), while the valid records before and after them are
 * imported, the run ends {@link FlowOutcome#COMPLETED} and the cursor passes them; the next run does the
 * same and counts nothing twice. Runs the whole engine (orders and catalog flows) over the store under
 * test, a fake Babyshop and the in-memory host.
 */
public abstract class PoisonRecordContract extends StoreContractSupport {
    /** An order number of 600 characters. */
    protected static final String LONG_ORDER_NO = "9".repeat(600);
    /** An order number holding a line break. */
    protected static final String NEWLINE_ORDER_NO = "A-4\nINFO forged log line";
    /** A Vendor SKU Code of 606 characters. */
    protected static final String LONG_CODE = "V".repeat(606);
    /** A SKU of 606 characters. */
    protected static final String LONG_SKU = "S".repeat(606);

    private static final Instant BASE = Instant.parse("2026-11-20T08:00:00Z");

    private final PoisonChannel channel = new PoisonChannel();
    private final InMemoryHost host = InMemoryHost.create();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    /** The host's order port: the in-memory host, unless a test refuses orders. */
    private HostOrders hostOrders = host;

    private SyncEngine engine() {
        SyncEngine engine = SyncEngine.builder().stateStore(store).channel(channel)
                .hostOrders(hostOrders).hostCatalog(host).hostInventory(host).hostFulfilment(host)
                .hubResolver(HubResolver.byMapping()).statusMapper(StatusMapper.byMapping())
                .scheduler(IntervalSyncScheduler.defaults())
                .clock(Clock.fixed(BASE.plus(Duration.ofDays(1)), ZoneOffset.UTC))
                .options(EngineOptions.builder().maxAttempts(3).build())
                .listener(new SyncListener() {
                    @Override
                    public void orderSkipped(String orderNo, OrderReason reason, String detail) {
                        heard.add("orderSkipped " + orderNo + " " + reason);
                    }

                    @Override
                    public void skuRejected(String sku, String reason) {
                        heard.add("skuRejected " + sku + ": " + reason);
                    }
                }).build();
        engine.updateSettings("test", s -> StoreSettings.builder().from(s).orderSync(true).catalogSync(true).build());
        engine.updateStatusMapping("test", StatusMapping.builder().putInbound(OrderStatus.PENDING, "NEW").build());
        engine.updateHubMapping("test", HubMapping.builder().defaultHub("HUB-DXB").build());
        return engine;
    }

    @Test
    public void overLongAndControlCharacterOrderNumbersAreSetAsideOnceAndTheOthersAreImported() {
        channel.orders.add(order("A-1", BASE));
        channel.orders.add(order(LONG_ORDER_NO, BASE.plusSeconds(1)));
        channel.orders.add(order("A-2", BASE.plusSeconds(2)));
        channel.orders.add(order(NEWLINE_ORDER_NO, BASE.plusSeconds(3)));
        channel.orders.add(order("A-3", BASE.plusSeconds(4)));
        try (SyncEngine engine = engine()) {

            FlowReport first = engine.run(Flow.ORDERS);

            assertThat(first.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(first.error()).isEmpty();
            assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo)
                    .containsExactlyInAnyOrder("A-1", "A-2", "A-3");
            assertThat(first.imported()).isEqualTo(3);
            assertThat(first.failed()).isEqualTo(2);
            assertThat(first.skipped()).containsEntry(OrderReason.DEAD_LETTERED, 2);
            List<QuarantineEntry> setAside = read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS));
            assertThat(setAside).extracting(QuarantineEntry::key).containsExactlyInAnyOrder(
                    RemoteKey.storageForm(LONG_ORDER_NO), RemoteKey.storageForm(NEWLINE_ORDER_NO));
            assertThat(setAside).allSatisfy(entry -> {
                assertThat(entry.key()).startsWith(RemoteKey.INVALID_PREFIX).hasSizeLessThanOrEqualTo(RemoteKey.MAX_LENGTH)
                        .doesNotContain("\n");
                assertThat(RemoteKey.isValid(entry.key())).isTrue();
                assertThat(entry.deadLettered()).isTrue();
                assertThat(entry.attempts()).isEqualTo(1);
                assertThat(entry.reason()).startsWith("invalid order number");
            });
            assertThat(setAside).filteredOn(e -> e.key().equals(RemoteKey.storageForm(LONG_ORDER_NO)))
                    .singleElement().satisfies(e -> assertThat(e.reason()).contains("600 characters"));
            assertThat(read((SyncTransaction tx) -> tx.cursors().get("orders.updatedSince")))
                    .as("the cursor passes the bad records").contains(BASE.plusSeconds(4).toString());
            assertThat(heard).filteredOn(h -> h.startsWith("orderSkipped")).hasSize(2);
            assertThat(engine.explain(LONG_ORDER_NO).reason()).isEqualTo(OrderReason.DEAD_LETTERED);

            channel.orders.add(order("A-5", BASE.plusSeconds(5)));
            FlowReport second = engine.run(Flow.ORDERS);

            assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo)
                    .containsExactlyInAnyOrder("A-1", "A-2", "A-3", "A-5");
            assertThat(host.createCalls()).isEqualTo(4);
            assertThat(second.failed()).as("set aside once, not counted again").isZero();
            assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.ORDERS))).hasSize(2)
                    .allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(1));
            assertThat(heard).filteredOn(h -> h.startsWith("orderSkipped")).hasSize(2);
        }
    }

    @Test
    public void anOverLongVendorSkuCodeOrSkuIsRejectedAndTheOtherSkusAreImported() {
        channel.products.add(product("S1", "V1", BASE));
        channel.products.add(product("S2", LONG_CODE, BASE.plusSeconds(1)));
        channel.products.add(product("S3", "V3", BASE.plusSeconds(2)));
        channel.products.add(product(LONG_SKU, "V4", BASE.plusSeconds(3)));
        channel.products.add(product("S5", "V5", BASE.plusSeconds(4)));
        try (SyncEngine engine = engine()) {
            for (int run = 1; run <= 2; run++) {

                FlowReport report = engine.run(Flow.CATALOG);

                assertThat(report.outcome()).as("run " + run).isEqualTo(FlowOutcome.COMPLETED);
                assertThat(report.error()).isEmpty();
                assertThat(report.imported()).isEqualTo(3);
                assertThat(report.failed()).isEqualTo(2);
                assertThat(host.skus()).containsOnlyKeys("S1", "S3", "S5");
                assertThat(read((SyncTransaction tx) -> tx.catalog().links())).extracting(link -> link.vendorSkuCode() + "=" + link.sku())
                        .containsExactlyInAnyOrder("V1=S1", "V3=S3", "V5=S5");
                assertThat(read((SyncTransaction tx) -> tx.cursors().get("catalog.updatedSince")))
                        .contains(BASE.plusSeconds(4).toString());
            }
            assertThat(heard).filteredOn(h -> h.startsWith("skuRejected S2: ")).hasSize(2)
                    .allSatisfy(h -> assertThat(h).contains("606 characters"));
            assertThat(heard).filteredOn(h -> h.startsWith("skuRejected " + RemoteKey.storageForm(LONG_SKU) + ": "))
                    .as("reported once").hasSize(1);
            assertThat(read((SyncTransaction tx) -> tx.quarantine().all(Flow.CATALOG))).singleElement().satisfies(entry -> {
                assertThat(entry.key()).isEqualTo(RemoteKey.storageForm(LONG_SKU));
                assertThat(entry.deadLettered()).isTrue();
                assertThat(entry.reason()).startsWith("invalid SKU").contains("606 characters");
            });
        }
    }

    @Test
    public void aHugeHostErrorTextIsStoredBoundedAndTheRunCompletes() {
        String huge = "\u0000" + "x".repeat(1_100_000); // NUL: refused by PostgreSQL text columns
        hostOrders = new HostOrders() {
            @Override
            public String createOrder(ImportedOrder order) {
                if (order.orderNo().equals("B-1")) {
                    throw new IllegalStateException(huge);
                }
                return host.createOrder(order);
            }

            @Override
            public void cancelOrder(String orderNo, String hostOrderId, String reason) {
                host.cancelOrder(orderNo, hostOrderId, reason);
            }
        };
        channel.orders.add(order("B-1", BASE));
        channel.orders.add(order("B-2", BASE.plusSeconds(1)));
        try (SyncEngine engine = engine()) {

            FlowReport report = engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(host.orders()).extracting(InMemoryHost.HostOrder::orderNo).containsExactly("B-2");
            assertThat(report.skipped()).containsEntry(OrderReason.HOST_REJECTED, 1);
            String detail = read((SyncTransaction tx) -> tx.orders().find("B-1")).orElseThrow().detail().orElseThrow();
            assertThat(detail).hasSizeLessThan(3000).contains("more characters", "\\u0000").doesNotContain("\u0000");
        }
    }

    private static Order order(String orderNo, Instant updated) {
        return Order.builder().orderNo(orderNo).masterOrderNo("M-1").statusCode(OrderStatus.PENDING.code())
                .orderDate(updated.minusSeconds(3600)).lastUpdated(updated).currency("AED")
                .orderAmount(new BigDecimal("120.00"))
                .shippingAddress(Address.builder().countryCode("ARE").city("Dubai").state("Dubai").build())
                .addLines(OrderLine.builder().lineNo("1").sku("SKU-A").orderQty(BigDecimal.ONE)
                        .cancelledQty(BigDecimal.ZERO).lineStatusCode("1").build())
                .build();
    }

    private static Product product(String sku, String vendorSkuCode, Instant updated) {
        return Product.builder().sku(sku).vendorSkuCode(vendorSkuCode).lastUpdated(updated).build();
    }

    /** A Babyshop that lists and fetches the test's orders and products, in one page each. */
    private static final class PoisonChannel implements ChannelGateway {
        final List<Order> orders = new CopyOnWriteArrayList<>();
        final List<Product> products = new CopyOnWriteArrayList<>();

        @Override
        public Pages<OrderSummary> listOrders(Instant since) {
            List<OrderSummary> summaries = orders.stream().filter(o -> !o.lastUpdated().orElseThrow().isBefore(since))
                    .sorted(Comparator.comparing(o -> o.lastUpdated().orElseThrow()))
                    .<OrderSummary>map(o -> OrderSummary.builder().orderNo(o.orderNo()).statusCode(o.statusCode())
                            .lastUpdated(o.lastUpdated()).orderDate(o.orderDate()).build())
                    .toList();
            return Pages.of(page -> Page.of(page, 100, Records.<OrderSummary>builder()
                    .records(page == 1 ? summaries : List.of()).build()), 1, 10);
        }

        @Override
        public Records<Order> fetchOrders(Collection<String> orderNos) {
            List<Order> found = new ArrayList<>();
            List<String> missing = new ArrayList<>(orderNos);
            for (Order order : orders) {
                if (orderNos.contains(order.orderNo())) {
                    found.add(order);
                    missing.remove(order.orderNo());
                }
            }
            return Records.<Order>builder().records(found).missing(missing).build();
        }

        @Override
        public Pages<Product> listProducts(Instant since) {
            List<Product> listed = products.stream().filter(p -> !p.lastUpdated().orElseThrow().isBefore(since))
                    .toList();
            return Pages.of(page -> Page.of(page, 100, Records.<Product>builder()
                    .records(page == 1 ? listed : List.of()).build()), 1, 10);
        }

        @Override
        public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public String createInvoice(InvoiceRequest request) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public Document fetchLabel(String invoiceNo) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void ship(Shipment shipment) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void cancel(String orderNo) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public QuotaSnapshot quota() {
            return QuotaSnapshot.of(io.github.babyshopsdk.client.quota.QuotaLimits.vinculumDefault(), 40, Duration.ZERO);
        }
    }
}
