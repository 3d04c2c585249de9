package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** generateInvoice, fetchInvoice, fetchDocuments, orderShipping, orderCancellation. */
class CourierOperationsTest {

    @RegisterExtension
    final SellerPanelExtension ext = SellerPanelExtension.create(b -> b.noQuota().fixture(Fixture.of(21, 20, 10)));

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static SimOrder open(SellerPanelSimulator sim, int index) {
        return sim.store().orders().stream().filter(o -> !o.jit() && (o.status() == 1 || o.status() == 5))
                .skip(index).findFirst().orElseThrow();
    }

    private static String invoiceRequest(SimOrder o, String awb) {
        StringBuilder items = new StringBuilder();
        for (SimOrderLine l : o.lines()) {
            items.append(items.length() > 0 ? "," : "").append("{\"orderNo\":\"").append(o.orderNo())
                    .append("\",\"lineNo\":\"").append(l.lineNo()).append("\",\"transporterName\":\"Aramex\","
                            + "\"trackingNo\":\"").append(awb).append("\",\"imeiNos\":\"\",\"length\":\"10\","
                            + "\"bredth\":\"\",\"height\":\"\",\"weight\":\"1.5\"}");
        }
        return "{\"orderItemsList\":[" + items + "]}";
    }

    @Test
    void generateInvoiceCreatesOneInvoicePerCallAndMarksTheLines(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = open(sim, 0);
        JsonNode r = http.call("generateInvoice", invoiceRequest(o, "AWB12345")).json();
        assertThat(names(r)).containsExactly("responseCode", "responseMessage", "invoiceNo");
        assertThat(r.get("responseCode").asInt()).isZero();
        String invoiceNo = r.get("invoiceNo").asText();

        IssuedInvoice inv = sim.store().invoice(invoiceNo).orElseThrow();
        assertThat(inv.viaApi()).isTrue();
        assertThat(inv.orderNo()).isEqualTo(o.orderNo());
        assertThat(inv.transporterName()).isEqualTo("Aramex");
        assertThat(inv.trackingNo()).isEqualTo("AWB12345");
        assertThat(inv.weight()).isEqualTo("1.5");
        assertThat(inv.lineNos()).hasSize(o.lines().size());

        SimOrder after = sim.store().order(o.orderNo()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.READY_FOR_SHIP.code());
        assertThat(after.lines()).allSatisfy(l -> {
            assertThat(l.invoiceNo()).isEqualTo(invoiceNo);
            assertThat(l.transName()).isEqualTo("Aramex");
            assertThat(l.transCode()).isEqualTo("11");
            assertThat(l.awbNo()).isEqualTo("AWB12345");
        });
        JsonNode line = http.call("orderFetch", "{\"orderNo\":[\"" + o.orderNo() + "\"]}").json()
                .get("orders").get(0).get("orderItems").get(0);
        assertThat(line.get("invoiceNo").asText()).isEqualTo(invoiceNo);
        assertThat(line.get("awbNo").asText()).isEqualTo("AWB12345");

        SimOrder other = open(sim, 0);
        String supplied = "{\"orderItemsList\":[{\"orderNo\":\"" + other.orderNo() + "\",\"lineNo\":1,"
                + "\"invoiceNo\":\"MY-INV-1\",\"transporterName\":\"SMSA Express\",\"trackingNo\":\"77\"}]}";
        assertThat(http.call("generateInvoice", supplied).json().get("invoiceNo").asText()).isEqualTo("MY-INV-1");
        assertThat(sim.store().invoices().stream().filter(IssuedInvoice::viaApi)).hasSize(2);
    }

    @Test
    void generateInvoiceErrorCodes(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder a = open(sim, 0);
        SimOrder b = open(sim, 1);
        String item = ",\"transporterName\":\"ECOM\",\"trackingNo\":\"1\"";
        assertThat(http.call("generateInvoice", "{\"orderItemsList\":[]}").code()).isEqualTo(5);
        assertThat(http.call("generateInvoice", "{\"orderItemsList\":[{\"lineNo\":\"1\"" + item + "}]}").code())
                .isEqualTo(103);
        Http.Reply multiple = http.call("generateInvoice", "{\"orderItemsList\":[{\"orderNo\":\"" + a.orderNo()
                + "\",\"lineNo\":\"1\"" + item + "},{\"orderNo\":\"" + b.orderNo() + "\",\"lineNo\":\"1\"" + item + "}]}");
        assertThat(multiple.code()).isEqualTo(102);
        assertThat(multiple.json().get("responseMessage").asText()).isEqualTo("Cannot process multiple Orders.");
        assertThat(http.call("generateInvoice", "{\"orderItemsList\":[{\"orderNo\":\"NOPE\",\"lineNo\":\"1\""
                + item + "}]}").code()).isEqualTo(101);
        assertThat(http.call("generateInvoice", "{\"orderItemsList\":[{\"orderNo\":\"" + a.orderNo()
                + "\",\"lineNo\":\"99\"" + item + "}]}").code()).isEqualTo(101);
        sim.store().cancelOnChannel(b.orderNo());
        assertThat(http.call("generateInvoice", "{\"orderItemsList\":[{\"orderNo\":\"" + b.orderNo()
                + "\",\"lineNo\":\"1\"" + item + "}]}").code()).isEqualTo(324);
        assertThat(sim.store().invoices().stream().filter(IssuedInvoice::viaApi)).isEmpty();
    }

    @Test
    void fetchInvoiceAnswersTheInvoiceLines(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = open(sim, 0);
        String invoiceNo = http.call("generateInvoice", invoiceRequest(o, "998877")).json().get("invoiceNo").asText();
        JsonNode r = http.call("fetchInvoice", "{\"invoiceNo\":\"" + invoiceNo + "\"}").json();
        assertThat(names(r)).containsExactly("responseCode", "responseMessage", "invoiceItems");
        assertThat(r.get("invoiceItems")).hasSize(o.lines().size());
        JsonNode item = r.get("invoiceItems").get(0);
        assertThat(names(item)).containsExactly("orderNo", "orderDate", "orderLastUpdateDate", "orderStatus", "lineNo",
                "lineInvoiceNo", "lineStatus", "lineTransporterCode", "lineTransporterName", "lineTrackingNo",
                "lineImeiNos");
        assertThat(item.get("lineInvoiceNo").asText()).isEqualTo(invoiceNo);
        assertThat(item.get("lineTrackingNo").asText()).isEqualTo("998877");
        assertThat(item.get("orderStatus").asText()).isEqualTo("10");

        JsonNode unknown = http.call("fetchInvoice", "{\"invoiceNo\":\"NOPE\"}").json();
        assertThat(unknown.get("responseCode").asInt()).isZero();
        assertThat(unknown.get("invoiceItems")).isEmpty();
        assertThat(http.call("fetchInvoice", "{\"invoiceNo\":\"\"}").code()).isEqualTo(5);
    }

    @Test
    void fetchDocumentsServesAValidPdfLabelAndInvoice(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = open(sim, 0);
        String invoiceNo = http.call("generateInvoice", invoiceRequest(o, "AWB-55501")).json().get("invoiceNo").asText();

        Http.Reply label = http.call("fetchDocuments",
                "{\"invoiceNo\":\"" + invoiceNo + "\",\"documentType\":\"shippingLabel\"}");
        assertThat(label.status()).isEqualTo(200);
        assertThat(label.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(label.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + invoiceNo + "-shippingLabel.pdf\"");
        PdfAssertions.assertValidPdf(label.body());
        assertThat(new String(label.body(), StandardCharsets.ISO_8859_1)).contains("(AWB: AWB-55501)");

        Http.Reply invoice = http.call("fetchDocuments",
                "{\"invoiceNo\":\"" + invoiceNo + "\",\"documentType\":\"Invoice\"}");
        assertThat(invoice.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + invoiceNo + "-Invoice.pdf\"");
        PdfAssertions.assertValidPdf(invoice.body());
        assertThat(new String(invoice.body(), StandardCharsets.ISO_8859_1)).contains("TAX INVOICE", invoiceNo);

        assertThat(http.call("fetchDocuments", "{\"invoiceNo\":\"" + invoiceNo + "\",\"documentType\":\"shippingLable\"}")
                .header("Content-Type")).isEqualTo("application/pdf");
        assertThat(sim.store().documents()).hasSize(3);
        assertThat(sim.store().documents().get(0).fileName()).isEqualTo(invoiceNo + "-shippingLabel.pdf");
        assertThat(sim.store().documents().get(0).content()).isEqualTo(label.body());
    }

    @Test
    void fetchDocumentsAnswers404InTheEnvelopeForAnUnknownInvoice(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        Http.Reply r = http.call("fetchDocuments", "{\"invoiceNo\":\"NOPE\",\"documentType\":\"shippingLabel\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.code()).isEqualTo(404);
        assertThat(r.json().get("responseMessage").asText()).isEqualTo("Not Found");
        assertThat(http.call("fetchDocuments", "{\"invoiceNo\":\"NOPE\"}").code()).isEqualTo(5);
    }

    @Test
    void orderShippingMovesTheOrderToShippedAndRecordsTheDetails(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = open(sim, 0);
        String invoiceNo = http.call("generateInvoice", invoiceRequest(o, "123123")).json().get("invoiceNo").asText();
        JsonNode r = http.call("orderShipping", "{\"shipDetails\":[{\"orderNo\":\"" + o.orderNo() + "\",\"invNo\":\""
                + invoiceNo + "\",\"transporter\":\"delivery\",\"awbNo\":\"123123\"}]}").json();
        assertThat(names(r)).containsExactly("responseCode", "responseMessage");
        assertThat(r.get("responseCode").asInt()).isZero();

        SimOrder shipped = sim.store().order(o.orderNo()).orElseThrow();
        assertThat(shipped.status()).isEqualTo(15);
        assertThat(shipped.lines()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(15);
            assertThat(l.shippedQty()).isEqualTo(l.orderQty());
        });
        assertThat(sim.store().shipments()).singleElement().satisfies(s -> {
            assertThat(s.orderNo()).isEqualTo(o.orderNo());
            assertThat(s.invoiceNo()).isEqualTo(invoiceNo);
            assertThat(s.transporter()).isEqualTo("delivery");
            assertThat(s.awbNo()).isEqualTo("123123");
        });
        assertThat(http.call("orderList", "{\"filterStatusList\":\"15\"}").json().get("orderList")
                .findValuesAsText("orderNo")).contains(o.orderNo());

        SimOrder other = open(sim, 0);
        assertThat(http.call("orderShipping", "{\"shipDetails\":[{\"orderNo\":\"" + other.orderNo() + "\",\"invNo\":\""
                + invoiceNo + "\"}]}").code()).isEqualTo(9);
        assertThat(http.call("orderShipping", "{\"shipDetails\":[]}").code()).isEqualTo(5);
        assertThat(sim.store().shipments()).hasSize(1);
    }

    @Test
    void orderCancellationCancelsTheOrderAndItsLines(SellerPanelSimulator sim) {
        Http http = new Http(sim);
        SimOrder o = open(sim, 0);
        JsonNode r = http.call("orderCancellation", "{\"orderNo\":\"" + o.orderNo() + "\"}").json();
        assertThat(names(r)).containsExactly("responseCode", "responseMessage");
        assertThat(r.get("responseCode").asInt()).isZero();
        SimOrder cancelled = sim.store().order(o.orderNo()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(8);
        assertThat(cancelled.lines()).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(8);
            assertThat(l.cancelledQty()).isEqualTo(l.orderQty());
        });
        assertThat(cancelled.lastUpdate()).isEqualTo(sim.clock().instant());
        assertThat(http.call("orderCancellation", "{\"orderNo\":\"" + o.orderNo() + "\"}").code()).isZero();
        assertThat(sim.store().cancellations()).extracting(CancellationRecord::applied).containsExactly(true, false);
        assertThat(sim.store().cancellations()).allMatch(c -> c.source() == CancellationRecord.Source.SELLER_API);
        assertThat(http.call("orderCancellation", "{\"orderNo\":\"NOPE\"}").code()).isEqualTo(9);
        assertThat(http.call("orderCancellation", "{\"orderNo\":\"\"}").code()).isEqualTo(5);
        SimOrder shipped = sim.store().setOrderStatus(open(sim, 0).orderNo(), 15);
        assertThat(http.call("orderCancellation", "{\"orderNo\":\"" + shipped.orderNo() + "\"}").code()).isEqualTo(9);
    }
}
