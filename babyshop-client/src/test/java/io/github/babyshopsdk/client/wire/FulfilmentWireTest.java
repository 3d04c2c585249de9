package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertJson;
import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The courier-allocation writes and reads on the wire (reference §2.11, §2.12, §2.14, §2.15):
 * generateInvoice, fetchInvoice, orderShipping and orderCancellation. fetchDocuments has its own test.
 */
class FulfilmentWireTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    // ---------------------------------------------------------------- generateInvoice (§2.11)

    @Test
    void generateInvoiceSendsTheReferenceShapeWithStringLineNoEmptyDimensionsAndBredth() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.GENERATE_INVOICE));

        panel.client().fulfilment().generateInvoice(KeyedOperation.referenceInvoice());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "generateInvoice"), """
                {"orderItemsList": [
                  {"orderNo": "AB123456", "lineNo": "2", "invoiceNo": "3231311432432324",
                   "transporterName": "ECOM", "trackingNo": "123456",
                   "imeiNos": "1323454,24350990,894092492",
                   "length": "", "bredth": "", "height": "", "weight": ""}
                ]}
                """);
    }

    @Test
    void generateInvoiceRepeatsTheOrderInEveryEntryAndSendsDimensionsAsPlainStrings() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.GENERATE_INVOICE));

        panel.client().fulfilment().generateInvoice(InvoiceRequest.builder().orderNo("AB123456")
                .addLines(InvoiceLineRequest.builder().lineNo("1").transporterName("BlueDart").trackingNo("AWB9")
                        .length(new BigDecimal("12.5")).breadth(new BigDecimal("10")).height(new BigDecimal("8.00"))
                        .weight(new BigDecimal("0.75")).build())
                .addLines(InvoiceLineRequest.builder().lineNo("3").transporterName("BlueDart").trackingNo("AWB9")
                        .build())
                .build());

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "generateInvoice"), """
                {"orderItemsList": [
                  {"orderNo": "AB123456", "lineNo": "1", "transporterName": "BlueDart", "trackingNo": "AWB9",
                   "length": "12.5", "bredth": "10", "height": "8.00", "weight": "0.75"},
                  {"orderNo": "AB123456", "lineNo": "3", "transporterName": "BlueDart", "trackingNo": "AWB9",
                   "length": "", "bredth": "", "height": "", "weight": ""}
                ]}
                """);
    }

    @Test
    void generateInvoiceReturnsTheInvoiceNumberOfTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.GENERATE_INVOICE));

        assertThat(panel.client().fulfilment().generateInvoice(KeyedOperation.referenceInvoice()))
                .isEqualTo("3457899883249");
    }

    @Test
    void generateInvoiceSuccessWithoutAnInvoiceNumberIsAnUnknownOutcomeNotRepeated() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));

        assertThatThrownBy(() -> panel.client().fulfilment().generateInvoice(KeyedOperation.referenceInvoice()))
                .isInstanceOf(OutcomeUnknownException.class)
                .satisfies(e -> assertThat(((OutcomeUnknownException) e).operation())
                        .hasValue(Operation.GENERATE_INVOICE));
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- fetchInvoice (§2.12)

    @Test
    void fetchInvoiceSendsTheInvoiceNumber() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.FETCH_INVOICE));

        panel.client().fulfilment().fetchInvoice("AC0011617000001");

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "fetchInvoice"), """
                {"invoiceNo": "AC0011617000001"}
                """);
    }

    @Test
    void fetchInvoiceReadsTheReferenceAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.FETCH_INVOICE));

        Records<InvoiceItem> records = panel.client().fulfilment().fetchInvoice("AC0011617000001");

        assertThat(records.failures()).isEmpty();
        assertThat(records.records()).singleElement().satisfies(item -> {
            assertThat(item.orderNo()).isEqualTo("100000018");
            assertThat(item.orderDate()).hasValue(Instant.parse("2016-04-10T21:28:59Z"));
            assertThat(item.lastUpdated()).hasValue(Instant.parse("2016-06-06T13:04:54Z"));
            assertThat(item.orderStatusCode()).hasValue("25");
            assertThat(item.orderStatus()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(item.lineNo()).isEqualTo("1");
            assertThat(item.invoiceNo()).hasValue("AC0011617000001");
            assertThat(item.lineStatusCode()).hasValue("25");
            assertThat(item.lineStatus()).isEqualTo(OrderStatus.DELIVERED);
            assertThat(item.transporterCode()).hasValue("7");
            assertThat(item.transporterName()).hasValue("By Hand delivery");
            assertThat(item.trackingNo()).hasValue("123");
            assertThat(item.imeiNos()).isEmpty();
        });
    }

    @Test
    void fetchInvoiceOfAnUnknownInvoiceIsEmpty() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));

        Records<InvoiceItem> records = panel.client().fulfilment().fetchInvoice("NO-SUCH-INVOICE");

        assertThat(records.records()).isEmpty();
        assertThat(records.failures()).isEmpty();
    }

    // ---------------------------------------------------------------- orderShipping (§2.14)

    @Test
    void orderShippingSendsTheShipDetailsWithAllFourFieldsAsStrings() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));

        panel.client().fulfilment().ship(List.of(
                Shipment.of("100000018", "AC0011617000001", "delivery", "123123"),
                Shipment.of("100000054", "AC0011617000002", "delivery", "123123")));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderShipping"), """
                {"shipDetails": [
                  {"orderNo": "100000018", "invNo": "AC0011617000001", "transporter": "delivery", "awbNo": "123123"},
                  {"orderNo": "100000054", "invNo": "AC0011617000002", "transporter": "delivery", "awbNo": "123123"}
                ]}
                """);
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void orderShippingOfOneShipmentSendsAListOfOne() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));

        panel.client().fulfilment().ship(Shipment.of("100000018", "AC0011617000001", "delivery", "123123"));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "orderShipping"), """
                {"shipDetails": [
                  {"orderNo": "100000018", "invNo": "AC0011617000001", "transporter": "delivery", "awbNo": "123123"}
                ]}
                """);
    }

    @Test
    void formEncodingCarriesReservedAndNonAsciiCharactersIntactInUtf8() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));
        String transporter = "Blue&Dart+Co=1 100% \u2013 D\u00fcsseldorf \u0926\u093f\u0932\u094d\u0932\u0940";

        panel.client().fulfilment().ship(Shipment.of("100000018", "AC0011617000001", transporter, "AWB 1/2"));

        panel.take();
        RecordedRequest request = panel.take();
        // exactly one form field although the value holds '&', '=' and '+'; the JSON decodes back as sent
        JsonNode sent = assertKeyedFormPost(request, "orderShipping");
        assertThat(sent.get("shipDetails").get(0).get("transporter").textValue()).isEqualTo(transporter);
        assertThat(sent.get("shipDetails").get(0).get("awbNo").textValue()).isEqualTo("AWB 1/2");
        assertThat(request.getBody().utf8()).doesNotContain("Blue&", "+Co", "=1");
    }

    // ---------------------------------------------------------------- orderCancellation (§2.15)

    @Test
    void orderCancellationSendsTheOrderNumberAndAcceptsTheEnvelopeOnlyAnswer() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(ReferenceResponses.ENVELOPE_ONLY));

        panel.client().fulfilment().cancelOrder("AB1883884");

        panel.take();
        RecordedRequest request = panel.take();
        assertJson(assertKeyedFormPost(request, "orderCancellation"), """
                {"orderNo": "AB1883884"}
                """);
        // the literal form body of §1.4's example
        assertThat(request.getBody().utf8()).isEqualTo("RequestBody=%7B%22orderNo%22%3A%22AB1883884%22%7D");
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }
}
