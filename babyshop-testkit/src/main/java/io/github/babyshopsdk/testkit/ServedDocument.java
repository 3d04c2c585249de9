package io.github.babyshopsdk.testkit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A document served by fetchDocuments. Immutable: the content is copied in and out.
 *
 * @param invoiceNo invoice number
 * @param documentType document type as requested (e.g. {@code "shippingLabel"}, {@code "Invoice"})
 * @param fileName file name given in {@code Content-Disposition}
 * @param contentType content type ({@code application/pdf})
 * @param content the bytes sent
 * @param servedAt simulated time
 */
public record ServedDocument(String invoiceNo, String documentType, String fileName, String contentType,
                             byte[] content, Instant servedAt) {

    /** Copies the content. */
    public ServedDocument {
        content = content.clone();
    }

    /**
     * The bytes sent.
     *
     * @return a copy of the content
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServedDocument d && invoiceNo.equals(d.invoiceNo)
                && documentType.equals(d.documentType) && fileName.equals(d.fileName)
                && contentType.equals(d.contentType) && Arrays.equals(content, d.content)
                && servedAt.equals(d.servedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(invoiceNo, documentType, fileName, servedAt) * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ServedDocument[invoiceNo=" + invoiceNo + ", documentType=" + documentType + ", fileName="
                + fileName + ", contentType=" + contentType + ", bytes=" + content.length + ", servedAt="
                + servedAt + "]";
    }
}
