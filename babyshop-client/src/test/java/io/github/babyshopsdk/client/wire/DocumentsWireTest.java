package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertJson;
import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.fulfilment.FulfilmentService;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * fetchDocuments on the wire (reference §2.13, Q52): a file on success, the JSON envelope on failure, and
 * "not found" both as {@code responseCode} 404 and as HTTP 404.
 */
class DocumentsWireTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void fetchDocumentsSendsTheInvoiceAndTheShippingLabelType() {
        panel.enqueueToken();
        panel.server().enqueue(KeyedOperation.pdf());

        panel.client().fulfilment().fetchDocument("43549032482934345", DocumentType.SHIPPING_LABEL);

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "fetchDocuments"), """
                {"invoiceNo": "43549032482934345", "documentType": "shippingLabel"}
                """);
    }

    @Test
    void fetchDocumentsSendsInvoiceWithACapitalIAndAConfiguredSpelling() {
        panel.enqueueToken();
        panel.server().enqueue(KeyedOperation.pdf());
        panel.server().enqueue(KeyedOperation.pdf());

        FulfilmentService fulfilment = panel.client().fulfilment();

        fulfilment.fetchDocument("43549032482934345", DocumentType.INVOICE);
        fulfilment.fetchDocument("43549032482934345", DocumentType.of("shippingLable"));

        panel.take();
        assertJson(assertKeyedFormPost(panel.take(), "fetchDocuments"), """
                {"invoiceNo": "43549032482934345", "documentType": "Invoice"}
                """);
        assertJson(assertKeyedFormPost(panel.take(), "fetchDocuments"), """
                {"invoiceNo": "43549032482934345", "documentType": "shippingLable"}
                """);
    }

    @Test
    void aPdfAnswerBecomesADocumentWithItsBytesContentTypeAndFileName() throws IOException {
        panel.enqueueToken();
        panel.server().enqueue(KeyedOperation.pdf());

        Document document = panel.client().fulfilment().fetchDocument("43549032482934345", DocumentType.SHIPPING_LABEL);

        assertThat(document.content()).isEqualTo(KeyedOperation.PDF);
        assertThat(document.size()).isEqualTo(KeyedOperation.PDF.length);
        assertThat(document.contentType()).isEqualTo("application/pdf");
        assertThat(document.fileName()).hasValue("label-43549032482934345.pdf");
        assertThat(document.isPdf()).isTrue();
        try (InputStream stream = document.openStream()) {
            assertThat(stream.readAllBytes()).isEqualTo(KeyedOperation.PDF);
        }
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFileWithoutContentDispositionHasNoFileName() {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/pdf")
                .body(new Buffer().write(KeyedOperation.PDF)).build());

        Document document = panel.client().fulfilment().fetchDocument("43549032482934345", DocumentType.INVOICE);

        assertThat(document.content()).isEqualTo(KeyedOperation.PDF);
        assertThat(document.fileName()).isEmpty();
        assertThat(document.isPdf()).isTrue();
    }

    @Test
    void responseCode404InAJsonBodyIsNotFoundAndNotRetried() {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(404, "Not Found"));

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("43549032482934345",
                DocumentType.SHIPPING_LABEL))
                .isExactlyInstanceOf(NotFoundException.class)
                .satisfies(e -> {
                    BabyshopException failure = (BabyshopException) e;
                    assertThat(failure.code()).hasValue(404);
                    assertThat(failure.operation()).hasValue(Operation.FETCH_DOCUMENTS);
                    assertThat(failure.serverMessage()).hasValue("Not Found");
                });
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void http404IsNotFoundAndNotRetried() {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                .body("<html><body>404 Not Found</body></html>").build());

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("43549032482934345",
                DocumentType.SHIPPING_LABEL))
                .isExactlyInstanceOf(NotFoundException.class)
                .satisfies(e -> {
                    BabyshopException failure = (BabyshopException) e;
                    assertThat(failure.operation()).hasValue(Operation.FETCH_DOCUMENTS);
                    assertThat(failure.code()).as("no responseCode: the status said it").isEmpty();
                })
                .hasMessageContaining("404");
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aJsonEnvelopeServedWithAFileContentTypeIsStillReadAsTheEnvelope() {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body("  {\"responseCode\":11,\"responseMessage\":\"Invalid API credentials\"}").build());

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("43549032482934345",
                DocumentType.SHIPPING_LABEL))
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((BabyshopException) e).code()).hasValue(11));
    }

    @Test
    void anEncodedFileNameIsDecoded() {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/pdf")
                .setHeader("Content-Disposition", "attachment; filename*=UTF-8''Invoice%20AC0011617000001.pdf")
                .body(new Buffer().write(KeyedOperation.PDF)).build());

        Document document = panel.client().fulfilment().fetchDocument("AC0011617000001", DocumentType.INVOICE);

        assertThat(document.fileName()).hasValue("Invoice AC0011617000001.pdf");
    }

    @Test
    void aFileNameWithALanguageTagKeepsOnlyTheName() {
        panel.enqueueToken();
        panel.server().enqueue(new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/pdf")
                .setHeader("Content-Disposition", "attachment; filename*=utf-8'en'label.pdf")
                .body(new Buffer().write("%PDF-1.7 x".getBytes(StandardCharsets.US_ASCII))).build());

        Document document = panel.client().fulfilment().fetchDocument("AC0011617000001", DocumentType.INVOICE);

        assertThat(document.fileName()).hasValue("label.pdf");
    }
}
