package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.OrderExplanation;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost.HostOrder;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shipments, cancellations both ways and item-level changes end to end: host events go through the
 * engine's outbox to the simulator; Babyshop-side changes come back through the orders flow.
 */
class FulfilmentAndCancellationEndToEndTest {
    private static final Set<Operation> WRITES = Set.of(Operation.GENERATE_INVOICE, Operation.ORDER_SHIPPING,
            Operation.ORDER_CANCELLATION, Operation.INVENTORY_PRICE_UPDATE);
    private final AtomicInteger eventIds = new AtomicInteger();
    private SimWorld world;
    private List<SimOrder> open;

    @BeforeEach
    void importOrders() {
        world = SimWorld.with(Fixture.of(99, 80, 25)).start();
        FlowReport report = world.engine.run(Flow.ORDERS);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        // imported orders that are still open on Babyshop (Pending or Confirmed), several lines first
        open = new ArrayList<>(world.simOrders().values().stream()
                .filter(o -> o.status() == OrderStatus.PENDING.code() || o.status() == OrderStatus.CONFIRMED.code())
                .filter(o -> world.host.order(o.orderNo()).isPresent())
                .sorted((a, b) -> Integer.compare(b.lines().size(), a.lines().size()))
                .toList());
        assertThat(open).hasSizeGreaterThan(6);
        assertThat(open.get(0).lines()).hasSizeGreaterThan(1);
        world.advance(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void packedCreatesTheInvoiceWithTransporterAndAwbAndHandsTheLabelToTheHostThenShippedAndDelivered() {
        SimOrder order = open.get(1);
        world.host.addEvent(event(order.orderNo(), HostEventType.PACKED).transporter("Aramex").awbNo("AWB-E2E-0001").build());

        FlowReport packed = world.engine.run(Flow.SHIPMENTS);

        assertThat(packed.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(packed.pushed()).isEqualTo(1);
        List<IssuedInvoice> invoices = world.sim.store().invoices().stream()
                .filter(i -> i.viaApi() && i.orderNo().equals(order.orderNo())).toList();
        assertThat(invoices).singleElement().satisfies(invoice -> {
            assertThat(invoice.transporterName()).isEqualTo("Aramex");
            assertThat(invoice.trackingNo()).isEqualTo("AWB-E2E-0001");
            assertThat(invoice.lineNos()).containsExactlyInAnyOrderElementsOf(
                    order.lines().stream().map(SimOrderLine::lineNo).toList());
        });
        String invoiceNo = invoices.get(0).invoiceNo();
        SimOrder invoiced = world.sim.store().order(order.orderNo()).orElseThrow();
        assertThat(invoiced.status()).isEqualTo(OrderStatus.READY_FOR_SHIP.code());
        assertThat(invoiced.lines()).allSatisfy(line -> {
            assertThat(line.invoiceNo()).isEqualTo(invoiceNo);
            assertThat(line.awbNo()).isEqualTo("AWB-E2E-0001");
        });
        Document label = world.host.labels().get(order.orderNo());
        assertThat(label).as("the AWB label reached the host").isNotNull();
        assertThat(label.isPdf()).isTrue();
        assertThat(new String(label.content(), StandardCharsets.ISO_8859_1)).contains("AWB-E2E-0001").contains(invoiceNo);
        assertThat(world.sim.store().documents()).anySatisfy(d -> assertThat(d.invoiceNo()).isEqualTo(invoiceNo));
        assertThat(world.sim.requests().count(Operation.GENERATE_INVOICE)).isEqualTo(1);
        OrderExplanation why = world.engine.explain(order.orderNo());
        assertThat(why.details()).contains("invoice " + invoiceNo).contains("create_shipment done");

        // the invoice moved the order to Ready for Ship (unmapped): the orders flow leaves the host order alone
        world.advance(Duration.ofMinutes(31));
        world.engine.run(Flow.ORDERS);
        assertThat(world.host.order(order.orderNo()).orElseThrow().cancelled()).isFalse();
        assertThat(world.engine.explain(order.orderNo()).reason()).isEqualTo(OrderReason.IMPORTED);

        world.host.addEvent(event(order.orderNo(), HostEventType.SHIPPED).build());
        FlowReport shipped = world.engine.run(Flow.SHIPMENTS);

        assertThat(shipped.pushed()).isEqualTo(1);
        assertThat(world.sim.store().order(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED.code());
        assertThat(world.sim.store().shipments()).singleElement().satisfies(s -> {
            assertThat(s.orderNo()).isEqualTo(order.orderNo());
            assertThat(s.invoiceNo()).isEqualTo(invoiceNo);
            assertThat(s.transporter()).isEqualTo("Aramex");
            assertThat(s.awbNo()).isEqualTo("AWB-E2E-0001");
        });

        int requestsBefore = world.sim.requests().size();
        world.host.addEvent(event(order.orderNo(), HostEventType.DELIVERED).build());
        FlowReport delivered = world.engine.run(Flow.SHIPMENTS);

        assertThat(delivered.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(delivered.pushed()).isZero();
        assertThat(world.sim.requests().all().subList(requestsBefore, world.sim.requests().size()))
                .as("Delivered has no SellerPanel operation: nothing is sent").isEmpty();
        assertThat(world.sim.store().order(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED.code());
        assertThat(world.listener.events("outboundSettled")).anySatisfy(e -> assertThat(e)
                .startsWith("outboundSettled " + order.orderNo() + ": DELIVERED SKIPPED")
                .contains("no operation for Delivered"));
        assertThat(world.engine.explain(order.orderNo()).details())
                .anySatisfy(d -> assertThat(d).startsWith("ship skipped").contains("Delivered"));
        assertThat(world.sim.requests().count(Operation.GENERATE_INVOICE)).isEqualTo(1);
        assertThat(world.sim.requests().count(Operation.ORDER_SHIPPING)).isEqualTo(1);
    }

    @Test
    void aCancellationOnBabyshopCancelsTheHostOrderOnTheNextOrdersRun() {
        SimOrder order = open.get(2);
        world.sim.store().cancelOnChannel(order.orderNo());
        world.advance(Duration.ofMinutes(31));

        FlowReport report = world.engine.runDue(world.clock.instant()).stream()
                .filter(r -> r.flow() == Flow.ORDERS).findFirst().orElseThrow();

        assertThat(report.updated()).isEqualTo(1);
        HostOrder hostOrder = world.host.order(order.orderNo()).orElseThrow();
        assertThat(hostOrder.cancelled()).isTrue();
        assertThat(hostOrder.cancelReason()).isEqualTo("cancelled on Babyshop");
        OrderExplanation why = world.engine.explain(order.orderNo());
        assertThat(why.reason()).isEqualTo(OrderReason.CANCELLED_ON_CHANNEL);
        assertThat(why.state()).hasValue(OrderState.CANCELLED);
        assertThat(world.listener.subjects("orderCancelled")).containsExactly(order.orderNo());
        assertThat(world.sim.requests().count(Operation.ORDER_CANCELLATION)).as("nothing sent back").isZero();
        assertThat(world.host.orders().stream().filter(HostOrder::cancelled)).hasSize(1);
    }

    @Test
    void aHostCancellationIsPushedOnlyWhileAutomatedCancellationIsOnAndAPartialOneIsRefused() {
        SimOrder whole = open.get(3);
        world.host.addEvent(event(whole.orderNo(), HostEventType.CANCELLED).build());

        FlowReport pushed = world.engine.run(Flow.CANCELLATIONS);

        assertThat(pushed.pushed()).isEqualTo(1);
        assertThat(world.sim.store().order(whole.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED.code());
        assertThat(world.sim.store().cancellations()).singleElement().satisfies(c -> {
            assertThat(c.orderNo()).isEqualTo(whole.orderNo());
            assertThat(c.source()).isEqualTo(CancellationRecord.Source.SELLER_API);
            assertThat(c.applied()).isTrue();
        });
        assertThat(world.engine.explain(whole.orderNo()).details()).contains("cancel done");
        // the next orders run sees Cancelled on Babyshop: the host cancelled it itself, so no host call
        world.advance(Duration.ofMinutes(31));
        world.engine.run(Flow.ORDERS);
        assertThat(world.host.order(whole.orderNo()).orElseThrow().cancelled()).as("the engine did not cancel it again")
                .isFalse();
        assertThat(world.engine.explain(whole.orderNo()).reason()).isEqualTo(OrderReason.CANCELLED_ON_CHANNEL);
        assertThat(world.engine.explain(whole.orderNo()).summary()).contains("cancelled in the host and pushed to Babyshop");

        // automated cancellation off: queued, explained, never sent
        world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s).autoCancelOnChannel(false).build());
        SimOrder kept = open.get(4);
        world.host.addEvent(event(kept.orderNo(), HostEventType.CANCELLED).build());
        int cancellationsBefore = world.sim.requests().count(Operation.ORDER_CANCELLATION);

        FlowReport off = world.engine.run(Flow.CANCELLATIONS);

        assertThat(off.pushed()).isZero();
        assertThat(world.sim.requests().count(Operation.ORDER_CANCELLATION)).isEqualTo(cancellationsBefore);
        assertThat(world.sim.store().order(kept.orderNo()).orElseThrow().status()).isEqualTo(kept.status());
        assertThat(world.engine.explain(kept.orderNo()).details()).anySatisfy(d -> assertThat(d)
                .isEqualTo("cancel skipped: Automated Order Cancellation On Sales Channel is off"));
        assertThat(world.listener.events("outboundSettled")).anySatisfy(e -> assertThat(e)
                .startsWith("outboundSettled " + kept.orderNo() + ": CANCEL SKIPPED"));
        assertThat(world.engine.configurationLog()).anySatisfy(change -> {
            assertThat(change.subject()).isEqualTo("settings");
            assertThat(change.after()).contains("autoCancelOnChannel=false");
        });

        // on again: a cancellation of some lines only is refused, nothing half-applied
        world.engine.updateSettings(SimWorld.ACTOR, s -> StoreSettings.builder().from(s).autoCancelOnChannel(true).build());
        SimOrder partial = open.get(0);
        world.host.addEvent(event(partial.orderNo(), HostEventType.CANCELLED).addLineNos("1").build());

        FlowReport refused = world.engine.run(Flow.CANCELLATIONS);

        assertThat(refused.pushed()).isZero();
        assertThat(world.sim.requests().count(Operation.ORDER_CANCELLATION)).isEqualTo(cancellationsBefore);
        SimOrder stillOpen = world.sim.store().order(partial.orderNo()).orElseThrow();
        assertThat(stillOpen.status()).isEqualTo(partial.status());
        assertThat(stillOpen.lines()).allSatisfy(l -> assertThat(l.cancelledQty()).isZero());
        assertThat(world.engine.explain(partial.orderNo()).details()).anySatisfy(d -> assertThat(d)
                .startsWith("cancel skipped: partial cancellation refused"));
        assertThat(world.listener.events("warning")).anySatisfy(w -> assertThat(w)
                .contains(partial.orderNo()).contains("partial cancellation refused"));
        assertThat(world.host.order(partial.orderNo()).orElseThrow().cancelled()).isFalse();
    }

    @Test
    void anItemLevelChangeOnBabyshopIsReportedOnceAndNotApplied() {
        SimOrder order = open.get(0);
        SimOrderLine line = order.lines().get(0);
        HostOrder before = world.host.order(order.orderNo()).orElseThrow();
        int newQty = line.orderQty() > 1 ? line.orderQty() - 1 : 0;
        world.sim.store().changeLineQuantity(order.orderNo(), line.lineNo(), newQty);
        assertThat(world.sim.store().order(order.orderNo()).orElseThrow().status())
                .as("other lines keep the order open").isNotEqualTo(OrderStatus.CANCELLED.code());
        world.advance(Duration.ofMinutes(31));

        FlowReport report = world.engine.run(Flow.ORDERS);

        assertThat(report.skipped()).containsEntry(OrderReason.ITEM_LEVEL_CHANGE, 1);
        assertThat(world.listener.events("itemLevelChange")).singleElement().satisfies(e -> assertThat(e)
                .startsWith("itemLevelChange " + order.orderNo() + ": ")
                .contains("line " + line.lineNo() + " cancelled quantity 0 -> " + (line.orderQty() - newQty)));
        assertThat(world.host.order(order.orderNo())).hasValue(before);
        assertThat(world.host.createCalls()).isEqualTo(world.host.orders().size());
        OrderExplanation why = world.engine.explain(order.orderNo());
        assertThat(why.reason()).isEqualTo(OrderReason.ITEM_LEVEL_CHANGE);
        assertThat(why.summary()).contains("reported, not applied");

        world.advance(Duration.ofMinutes(31));
        world.engine.run(Flow.ORDERS);
        assertThat(world.listener.events("itemLevelChange")).as("reported once").hasSize(1);
        assertThat(world.host.order(order.orderNo())).hasValue(before);
        assertThat(world.sim.requests().all()).extracting(RecordedRequest::operation).doesNotContainAnyElementsOf(WRITES);
    }

    private HostEvent.Builder event(String orderNo, HostEventType type) {
        return HostEvent.builder().eventId("ev-" + eventIds.incrementAndGet()).orderNo(orderNo).type(type)
                .occurredAt(world.clock.instant());
    }
}
