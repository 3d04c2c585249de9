package io.github.babyshopsdk.client.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 (low): a body that is neither the JSON envelope nor a PDF is never handed out as a label or an
 * invoice; the envelope is recognised behind a UTF-8 byte order mark and blanks.
 */
class DocumentsMustBePdfTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    private static MockResponse file(String contentType, byte[] body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", contentType)
                .body(new Buffer().write(body)).build();
    }

    @Test
    void anHtmlPageIsMalformedNotALabel() {
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(file("application/pdf",
                    "<html><body>Session expired</body></html>".getBytes(StandardCharsets.UTF_8)));
        }

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("INV1", DocumentType.SHIPPING_LABEL))
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("neither the JSON envelope nor a PDF");
    }

    @Test
    void aJsonErrorBehindAByteOrderMarkIsTheEnvelope() {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] json = " \r\n{\"responseCode\":11,\"responseMessage\":\"Invalid API credentials\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, body, 0, bom.length);
        System.arraycopy(json, 0, body, bom.length, json.length);
        panel.enqueueToken();
        panel.server().enqueue(file("application/octet-stream", body));

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("INV1", DocumentType.INVOICE))
                .isExactlyInstanceOf(AuthenticationException.class);
    }

    @Test
    void anImageIsNotAnInvoice() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(file("image/png", png));
        }

        assertThatThrownBy(() -> panel.client().fulfilment().fetchDocument("INV1", DocumentType.INVOICE))
                .isExactlyInstanceOf(MalformedResponseException.class);
    }

    @Test
    void aPdfIsStillADocument() {
        panel.enqueueToken();
        panel.server().enqueue(file("application/json", PDF));

        Document document = panel.client().fulfilment().fetchDocument("INV1", DocumentType.SHIPPING_LABEL);

        assertThat(document.content()).isEqualTo(PDF);
        assertThat(document.isPdf()).isTrue();
    }
}
