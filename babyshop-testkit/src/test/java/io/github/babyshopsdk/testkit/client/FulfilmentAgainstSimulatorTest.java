package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.SimClients.clientFor;
import static io.github.babyshopsdk.testkit.client.SimClients.sent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.error.ApiException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.ServedDocument;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The courier flow through the public client: generateInvoice, fetchInvoice, fetchDocuments (both
 * documents), orderShipping; and orderCancellation. Each step is checked in the simulator's store.
 */
class FulfilmentAgainstSimulatorTest {

    static final String TRANSPORTER = "Aramex";
    static final String AWB = "31415926535";

    private static SellerPanelSimulator simulator() {
        return SellerPanelSimulator.builder().fixture(Fixture.of(31, 40, 20)).build().start();
    }

    static SimOrder pendingOrder(SellerPanelSimulator sim) {
        return sim.store().orders().stream().filter(o -> o.status() == OrderStatus.PENDING.code())
                .filter(o -> o.lines().size() >= 2).findFirst().orElseThrow();
    }

    static InvoiceRequest invoiceFor(SimOrder order) {
        InvoiceRequest.Builder request = InvoiceRequest.builder().orderNo(order.orderNo());
        for (SimOrderLine line : order.lines()) {
            request.addLines(InvoiceLineRequest.builder().lineNo(Integer.toString(line.lineNo()))
                    .transporterName(TRANSPORTER).trackingNo(AWB).weight(new BigDecimal("1.25"))
                    .length(new BigDecimal("30")).breadth(new BigDecimal("20")).height(new BigDecimal("10")).build());
        }
        return request.build();
    }

    @Test
    void invoiceDocumentsAndShipmentTakeAPendingOrderToShipped() {
        try (SellerPanelSimulator sim = simulator(); BabyshopClient client = clientFor(sim)) {
            SimOrder order = pendingOrder(sim);
            int fixtureInvoices = sim.store().invoices().size();

            // generateInvoice
            String invoiceNo = client.fulfilment().generateInvoice(invoiceFor(order));

            assertThat(invoiceNo).isNotBlank();
            assertThat(sim.store().invoices()).hasSize(fixtureInvoices + 1);
            IssuedInvoice issued = sim.store().invoice(invoiceNo).orElseThrow();
            assertThat(issued.viaApi()).isTrue();
            assertThat(issued.orderNo()).isEqualTo(order.orderNo());
            assertThat(issued.lineNos()).containsExactlyElementsOf(order.lines().stream().map(SimOrderLine::lineNo).toList());
            assertThat(issued.transporterName()).isEqualTo(TRANSPORTER);
            assertThat(issued.trackingNo()).isEqualTo(AWB);
            assertThat(issued.weight()).isEqualTo("1.25");
            assertThat(issued.breadth()).isEqualTo("20");
            SimOrder invoiced = sim.store().order(order.orderNo()).orElseThrow();
            assertThat(invoiced.status()).isEqualTo(OrderStatus.READY_FOR_SHIP.code());
            assertThat(invoiced.lines()).allSatisfy(l -> assertThat(l.invoiceNo()).isEqualTo(invoiceNo));

            // fetchInvoice
            Records<InvoiceItem> items = client.fulfilment().fetchInvoice(invoiceNo);

            assertThat(items.failures()).isEmpty();
            assertThat(items.records()).extracting(InvoiceItem::lineNo)
                    .containsExactlyElementsOf(order.lines().stream().map(l -> Integer.toString(l.lineNo())).toList());
            assertThat(items.records()).allSatisfy(item -> {
                assertThat(item.orderNo()).isEqualTo(order.orderNo());
                assertThat(item.invoiceNo()).contains(invoiceNo);
                assertThat(item.transporterName()).contains(TRANSPORTER);
                assertThat(item.trackingNo()).contains(AWB);
                assertThat(item.orderStatus()).isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.READY_FOR_SHIP);
                assertThat(item.lineStatus()).isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.READY_FOR_SHIP);
            });

            // fetchDocuments, both kinds: real PDFs, named by the server
            Document label = client.fulfilment().fetchDocument(invoiceNo, DocumentType.SHIPPING_LABEL);
            Document invoice = client.fulfilment().fetchDocument(invoiceNo, DocumentType.INVOICE);

            assertThat(label.isPdf()).isTrue();
            assertThat(label.contentType()).startsWith("application/pdf");
            assertThat(label.fileName()).contains(invoiceNo + "-shippingLabel.pdf");
            assertThat(new String(label.content(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains(AWB);
            assertThat(invoice.isPdf()).isTrue();
            assertThat(invoice.contentType()).startsWith("application/pdf");
            assertThat(invoice.fileName()).contains(invoiceNo + "-Invoice.pdf");
            List<ServedDocument> served = sim.store().documents();
            assertThat(served).hasSize(2);
            assertThat(served.get(0).content()).isEqualTo(label.content());
            assertThat(served.get(0).documentType()).isEqualTo("shippingLabel");
            assertThat(served.get(1).content()).isEqualTo(invoice.content());
            assertThat(served.get(1).documentType()).isEqualTo("Invoice");

            // orderShipping
            client.fulfilment().ship(Shipment.of(order.orderNo(), invoiceNo, TRANSPORTER, AWB));

            assertThat(sim.store().shipments()).singleElement().satisfies(s -> {
                assertThat(s.orderNo()).isEqualTo(order.orderNo());
                assertThat(s.invoiceNo()).isEqualTo(invoiceNo);
                assertThat(s.transporter()).isEqualTo(TRANSPORTER);
                assertThat(s.awbNo()).isEqualTo(AWB);
            });
            assertThat(sim.store().order(order.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED.code());
            Order readBack = client.orders().fetch(List.of(order.orderNo())).records().get(0);
            assertThat(readBack.status()).isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.SHIPPED);

            for (Operation op : List.of(Operation.GENERATE_INVOICE, Operation.FETCH_INVOICE, Operation.ORDER_SHIPPING)) {
                assertThat(sim.requests().count(op)).as(op.path()).isEqualTo(1);
                assertThat(sent(client, op)).as(op.path()).isEqualTo(1);
            }
            assertThat(sim.requests().count(Operation.FETCH_DOCUMENTS)).isEqualTo(2);
        }
    }

    @Test
    void refusalsOfTheSimulatorArriveAsTypedExceptionsAndChangeNothing() {
        try (SellerPanelSimulator sim = simulator(); BabyshopClient client = clientFor(sim)) {
            SimOrder order = pendingOrder(sim);
            SimOrder cancelled = sim.store().orders().stream().filter(o -> o.status() == OrderStatus.CANCELLED.code())
                    .findFirst().orElseThrow();
            int invoices = sim.store().invoices().size();

            assertThatThrownBy(() -> client.fulfilment().fetchDocument("BSINV-NOPE", DocumentType.INVOICE))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).hasValue(404));
            assertThatThrownBy(() -> client.fulfilment().generateInvoice(InvoiceRequest.builder()
                    .orderNo(order.orderNo()).addLines(InvoiceLineRequest.builder().lineNo("99")
                            .transporterName(TRANSPORTER).trackingNo(AWB).build()).build()))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).hasValue(101));
            assertThatThrownBy(() -> client.fulfilment().generateInvoice(invoiceFor(cancelled)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).hasValue(324));
            assertThat(client.fulfilment().fetchInvoice("BSINV-NOPE").records()).isEmpty();

            assertThat(sim.store().invoices()).hasSize(invoices);
            assertThat(sim.store().documents()).isEmpty();
            // refusals are final: none was sent twice
            assertThat(sim.requests().count(Operation.GENERATE_INVOICE)).isEqualTo(2);
            assertThat(sim.requests().count(Operation.FETCH_DOCUMENTS)).isEqualTo(1);
            assertThat(client.metrics().retries()).isZero();
        }
    }

    @Test
    void cancelOrderCancelsTheWholeOrderInTheStore() {
        try (SellerPanelSimulator sim = simulator(); BabyshopClient client = clientFor(sim)) {
            SimOrder order = pendingOrder(sim);

            client.fulfilment().cancelOrder(order.orderNo());

            SimOrder cancelled = sim.store().order(order.orderNo()).orElseThrow();
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED.code());
            assertThat(cancelled.lines()).allSatisfy(l -> {
                assertThat(l.status()).isEqualTo(OrderStatus.CANCELLED.code());
                assertThat(l.cancelledQty()).isEqualTo(l.orderQty());
            });
            assertThat(sim.store().cancellations()).singleElement().satisfies(c -> {
                assertThat(c.orderNo()).isEqualTo(order.orderNo());
                assertThat(c.source()).isEqualTo(CancellationRecord.Source.SELLER_API);
                assertThat(c.applied()).isTrue();
            });
            Order readBack = client.orders().fetch(List.of(order.orderNo())).records().get(0);
            assertThat(readBack.status()).isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED);
            assertThat(readBack.lines()).allSatisfy(l -> assertThat(l.lineStatus())
                    .isEqualTo(io.github.babyshopsdk.client.model.OrderStatus.CANCELLED));
            assertThat(sim.requests().count(Operation.ORDER_CANCELLATION)).isEqualTo(1);
            assertThat(sim.requests().last(Operation.ORDER_CANCELLATION).orElseThrow().requestBody())
                    .isEqualTo("{\"orderNo\":\"" + order.orderNo() + "\"}");
        }
    }
}
