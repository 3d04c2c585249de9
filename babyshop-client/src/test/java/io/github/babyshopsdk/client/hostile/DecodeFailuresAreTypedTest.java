package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9 item 6: a value of an impossible shape never escapes as an internal or JDK exception. Reads end in
 * {@link MalformedResponseException} (after the policy's 3 attempts), writes in
 * {@link OutcomeUnknownException}; response codes wider than an int are malformed, never truncated to 0.
 */
class DecodeFailuresAreTypedTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    private void enqueueThrice(String body) {
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(body));
        }
    }

    @Test
    void aListFieldHoldingAScalarIsAMalformedRead() {
        panel.enqueueToken();
        enqueueThrice("{\"responseCode\":0,\"productList\":\"N/A\"}");

        assertThatThrownBy(() -> panel.client().catalog().productPage(Queries.PRODUCTS))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("productList");
        assertThat(panel.server().getRequestCount()).isEqualTo(4);
    }

    @Test
    void anInvoiceNumberHoldingAnArrayIsAnUnknownOutcomeOfTheWrite() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"invoiceNo\":[\"A\",\"B\"]}"));

        assertThatThrownBy(() -> panel.client().fulfilment().generateInvoice(Queries.INVOICE))
                .isExactlyInstanceOf(OutcomeUnknownException.class)
                .hasCauseExactlyInstanceOf(MalformedResponseException.class);
        assertThat(panel.server().getRequestCount()).as("the invoice is not asked for twice").isEqualTo(2);
    }

    @Test
    void anExponentCodeInTheDocumentsEnvelopeIsMalformed() {
        panel.enqueueToken();
        enqueueThrice("{\"responseCode\": 1E2147483648}");

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("INV1", DocumentType.SHIPPING_LABEL))
                .isExactlyInstanceOf(MalformedResponseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "\"4294967296\"", "-4294967296", "1E2147483648", "0.5", "1e1",
            "99999999999999999999999999", "\"0x0\"", "true", "[0]", "{\"a\":0}"})
    void aResponseCodeThatIsNotAnExactIntIsMalformedOnARead(String code) {
        panel.enqueueToken();
        enqueueThrice("{\"responseCode\":" + code + ",\"orderList\":[]}");

        assertThatThrownBy(() -> panel.client().orders().listPage(Queries.ORDERS))
                .isExactlyInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aWideSuccessLookingCodeOnAWriteIsAnUnknownOutcome() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":4294967296,\"responseMessage\":\"Success\"}"));

        assertThatThrownBy(() -> panel.client().fulfilment().cancelOrder("AB1883884"))
                .isExactlyInstanceOf(OutcomeUnknownException.class)
                .hasCauseExactlyInstanceOf(MalformedResponseException.class);
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aWideCodeOnAuthTokenIsNotASuccess() {
        enqueueThrice("{\"status\":\"SUCCESS\",\"apiKey\":\"K-1\",\"responseCode\":4294967296}");

        assertThatThrownBy(() -> panel.client().authenticate())
                .isExactlyInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aDocumentedCodeAsTextStillReads() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":\" 0 \",\"orderList\":[]}"));

        assertThat(panel.client().orders().listPage(Queries.ORDERS).records()).isEmpty();
    }
}
