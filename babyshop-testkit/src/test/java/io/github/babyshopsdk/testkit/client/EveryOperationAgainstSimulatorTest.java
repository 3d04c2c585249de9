package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.FulfilmentAgainstSimulatorTest.AWB;
import static io.github.babyshopsdk.testkit.client.FulfilmentAgainstSimulatorTest.TRANSPORTER;
import static io.github.babyshopsdk.testkit.client.FulfilmentAgainstSimulatorTest.invoiceFor;
import static io.github.babyshopsdk.testkit.client.SimClients.clientFor;
import static io.github.babyshopsdk.testkit.client.SimClients.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A tour of all 15 operations through the public client on one simulator: each reaches the simulator
 * on its own path and method, succeeds, and the client's per-operation metrics match what the simulator
 * recorded. The other classes check each operation's results in depth.
 */
class EveryOperationAgainstSimulatorTest {

    @Test
    void eachOfTheFifteenOperationsIsServedAndCountedAlikeByClientAndSimulator() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(91, 40, 20).withJitShare(0.3))
                .build().start();
             BabyshopClient client = clientFor(sim)) {
            Instant since = sim.clock().instant().minus(Duration.ofDays(30));
            List<SimOrder> pending = sim.store().orders().stream()
                    .filter(o -> !o.jit() && o.status() == OrderStatus.PENDING.code()).toList();
            SimOrder jit = sim.store().orders().stream().filter(SimOrder::jit).findFirst().orElseThrow();
            SimOrder toShip = pending.get(0);
            SimOrder toCancel = pending.get(1);

            client.authenticate();
            client.catalog().productPage(ProductQuery.builder().updatedSince(since).build());
            String moderationId = client.catalog().updateInventory(List.of(InventoryItem.of(
                    sim.store().products().get(0).sku(), BigDecimal.ONE))).accepted().get(0).moderationId();
            assertThat(client.catalog().moderationStatus(List.of(moderationId)).records())
                    .extracting(InventoryModeration::moderationId).containsExactly(moderationId);
            client.catalog().backOrders();
            client.orders().listPage(OrderListQuery.builder().updatedSince(since).build());
            client.orders().listJitPage(OrderListQuery.builder().updatedSince(since).build());
            assertThat(client.orders().fetch(List.of(toShip.orderNo())).records()).hasSize(1);
            assertThat(client.orders().fetchJit(List.of(jit.orderNo())).records()).hasSize(1);
            client.orders().returnsPage(ReturnQuery.builder().returnNo("RET-NONE").build());
            String invoiceNo = client.fulfilment().generateInvoice(invoiceFor(toShip));
            assertThat(client.fulfilment().fetchInvoice(invoiceNo).records()).isNotEmpty();
            assertThat(client.fulfilment().fetchDocument(invoiceNo, DocumentType.SHIPPING_LABEL).isPdf()).isTrue();
            client.fulfilment().ship(Shipment.of(toShip.orderNo(), invoiceNo, TRANSPORTER, AWB));
            client.fulfilment().cancelOrder(toCancel.orderNo());

            List<RecordedRequest> all = sim.requests().all();
            assertThat(all.stream().map(RecordedRequest::operation).collect(Collectors.toCollection(
                    () -> EnumSet.noneOf(Operation.class)))).isEqualTo(EnumSet.allOf(Operation.class));
            assertThat(all).allSatisfy(r -> {
                assertThat(r.httpStatus()).as(r.operation().path()).isEqualTo(200);
                assertThat(r.responseCode()).as(r.operation().path()).isZero();
                assertThat(r.method()).as(r.operation().path()).isEqualTo(r.operation().method());
                assertThat(r.path()).isEqualTo(SellerPanelSimulator.BASE_PATH + r.operation().path());
            });
            for (Operation op : Operation.values()) {
                assertThat(sent(client, op)).as(op.path()).isEqualTo(sim.requests().count(op));
            }
            assertThat(client.metrics().requests()).isEqualTo(all.size());
            assertThat(client.metrics().retries()).isZero();
            assertThat(sim.store().order(toShip.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED.code());
            assertThat(sim.store().order(toCancel.orderNo()).orElseThrow().status())
                    .isEqualTo(OrderStatus.CANCELLED.code());
        }
    }
}
