package io.github.babyshopsdk.examples;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.ClientMetrics;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.ReturnStatus;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A tour of the client: every SellerPanel V3 operation once, against the in-JVM simulator on loopback
 * with a seeded store. Prints one line per operation and, last, a JSON summary line; exits 0.
 *
 * <p>Simulated time: the client's sleeper advances the simulator's clock, so quota waits cost no real
 * time.
 */
public final class ClientTour {
    private static final String USER = "demo-seller";
    private static final String PASSWORD = "demo-password";

    private ClientTour() {
    }

    /** Runs the tour on a fresh simulator and prints to standard output. */
    public static void main(String[] args) {
        TourSummary summary = run(System.out);
        System.exit(summary.ordersFetched() > 0 ? 0 : 1);
    }

    /** Runs the tour, printing progress to {@code out}; returns what it saw. */
    public static TourSummary run(PrintStream out) {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder()
                .credentials(USER, PASSWORD)
                .fixture(Fixture.of(2026, 1500, 250).withInvalidVendorSkuShare(0.1).withJitShare(0.05))
                .build().start();
             BabyshopClient client = BabyshopClient.builder()
                     .baseUrl(sim.baseUrl())
                     .allowInsecureHttp()                     // loopback simulator only
                     .credentials(Credentials.of(USER, PASSWORD))
                     .zone(sim.zone())
                     .clock(sim.clock())
                     .sleeper(duration -> sim.simulatedClock().advance(duration))
                     .build()) {
            return tour(client, sim, out);
        }
    }

    /** Every order of {@code orderNos}: orderFetch takes at most {@link ChannelLimits#MAX_BATCH} numbers a request. */
    private static Records<Order> fetchAll(List<String> orderNos, Function<List<String>, Records<Order>> fetch) {
        Records.Builder<Order> all = Records.builder();
        for (int from = 0; from < orderNos.size(); from += ChannelLimits.MAX_BATCH) {
            Records<Order> chunk = fetch.apply(orderNos.subList(from, Math.min(orderNos.size(),
                    from + ChannelLimits.MAX_BATCH)));
            all.addAllRecords(chunk.records()).addAllFailures(chunk.failures()).addAllMissing(chunk.missing());
        }
        return all.build();
    }

    private static TourSummary tour(BabyshopClient client, SellerPanelSimulator sim, PrintStream out) {
        Instant start = sim.clock().instant();
        out.printf("authToken            key for seller %s (owner %s)%n", USER,
                client.authenticate().apiOwner().orElse("-"));

        List<Product> products = client.catalog().products(ProductQuery.builder()
                .updatedSince(Instant.parse("2015-01-01T00:00:00Z")).build()).records().collect(Collectors.toList());
        long valid = products.stream().filter(Product::hasValidVendorSkuCode).count();
        out.printf("productFetch         %d SKUs, %d with a valid Vendor SKU Code%n", products.size(), valid);

        List<InventoryItem> stock = new ArrayList<>();
        for (Product product : products.subList(0, Math.min(20, products.size()))) {
            stock.add(InventoryItem.of(product.sku(), BigDecimal.valueOf(product.sku().hashCode() & 31)));
        }
        InventoryUpdateResult pushed = client.catalog().updateInventory(stock);
        int refused = 0;
        String refusal = "-";
        try {
            // one request: an unknown SKU refuses its whole batch (304); a caller with many SKUs splits and resends
            client.catalog().updateInventory(List.of(InventoryItem.of("NO-SUCH-SKU", BigDecimal.ONE)));
        } catch (NotFoundException e) {
            refused = 1;
            refusal = e.getMessage();
        }
        out.printf("inventoryPriceUpdate %d accepted, %d rejected (%s)%n", pushed.accepted().size(),
                pushed.rejected().size() + refused, refusal);

        sim.simulatedClock().advance(Duration.ofMinutes(15));
        Records<InventoryModeration> moderation = client.catalog().moderationStatus(pushed.accepted().stream()
                .map(InventoryModeration::moderationId).collect(Collectors.toList()));
        out.printf("inventoryPriceStatus %s%n", moderation.records().stream().collect(Collectors.groupingBy(
                m -> m.status().orElse("?"), Collectors.counting())));

        out.printf("skuBackOrder         %d back-ordered SKUs%n", client.catalog().backOrders().records().size());

        List<String> orderNos = client.orders().list(OrderListQuery.builder()
                        .updatedSince(Instant.parse("2015-01-01T00:00:00Z")).build())
                .records().map(OrderSummary::orderNo).distinct().collect(Collectors.toList());
        out.printf("orderList            %d orders%n", orderNos.size());
        Records<Order> orders = fetchAll(orderNos, client.orders()::fetch);
        Map<OrderStatus, Long> byStatus = orders.records().stream()
                .collect(Collectors.groupingBy(Order::status, Collectors.counting()));
        out.printf("orderFetch           %d orders, %d unreadable: %s%n", orders.records().size(),
                orders.failures().size(), byStatus);

        List<String> jit = client.orders().listJit(OrderListQuery.builder()
                .updatedSince(Instant.parse("2015-01-01T00:00:00Z")).addStatusCodes("7", "10").build())
                .records().map(OrderSummary::orderNo).collect(Collectors.toList());
        out.printf("orderListJIT         %d JIT orders; orderFetchJIT read %d%n", jit.size(),
                jit.isEmpty() ? 0 : fetchAll(jit, client.orders()::fetchJit).records().size());

        Instant now = sim.clock().instant();
        long returns = client.orders().returns(ReturnQuery.builder().updatedFrom(now.minus(Duration.ofDays(6)))
                .updatedTo(now).addStatusCodes(ReturnStatus.PENDING.code(), ReturnStatus.CONFIRMED.code()).build())
                .records().count();
        out.printf("orderReturn          %d returns in the last 6 days%n", returns);

        Order confirmed = orders.records().stream().filter(o -> o.status() == OrderStatus.CONFIRMED)
                .findFirst().orElseThrow(() -> new IllegalStateException("the seeded store has no Confirmed order"));
        var invoice = InvoiceRequest.builder().orderNo(confirmed.orderNo());
        confirmed.lines().forEach(line -> invoice.addLines(InvoiceLineRequest.builder().lineNo(line.lineNo())
                .transporterName("Aramex").trackingNo("AWB-" + confirmed.orderNo()).build()));
        String invoiceNo = client.fulfilment().generateInvoice(invoice.build());
        out.printf("generateInvoice      order %s -> invoice %s%n", confirmed.orderNo(), invoiceNo);
        out.printf("fetchInvoice         %d invoice lines%n", client.fulfilment().fetchInvoice(invoiceNo).records().size());
        Document label = client.fulfilment().fetchDocument(invoiceNo, DocumentType.SHIPPING_LABEL);
        out.printf("fetchDocuments       %s (pdf: %s)%n", label, label.isPdf());
        try {
            client.fulfilment().fetchDocument("NO-SUCH-INVOICE", DocumentType.SHIPPING_LABEL);
        } catch (NotFoundException e) {
            out.printf("fetchDocuments       unknown invoice -> %s%n", e.getClass().getSimpleName());
        }
        client.fulfilment().ship(Shipment.of(confirmed.orderNo(), invoiceNo, "Aramex", "AWB-" + confirmed.orderNo()));
        out.printf("orderShipping        order %s handed over%n", confirmed.orderNo());

        Order pending = orders.records().stream().filter(o -> o.status() == OrderStatus.PENDING)
                .findFirst().orElseThrow(() -> new IllegalStateException("the seeded store has no Pending order"));
        client.fulfilment().cancelOrder(pending.orderNo());
        out.printf("orderCancellation    order %s cancelled%n", pending.orderNo());

        ClientMetrics metrics = client.metrics();
        TourSummary summary = new TourSummary(products.size(), pushed.accepted().size(), pushed.rejected().size() + refused,
                orders.records().size(), metrics.requests(), metrics.quotaWaits(),
                Duration.between(start, sim.clock().instant()));
        out.println(summary.toJson());
        return summary;
    }
}
