package io.github.babyshopsdk.client.model;

import java.util.Objects;

/**
 * The kind of document fetchDocuments downloads for an invoice: the wire value of its
 * {@code documentType} field.
 *
 * <p>The reference's description lists {@code "shippingLable"} while its example sends
 * {@code "shippingLabel"} (Q22). {@link #SHIPPING_LABEL} follows the example; a deployment that wants the
 * misspelling uses {@code DocumentType.of("shippingLable")}. Immutable; equality is by exact
 * (case-sensitive) wire value.
 */
public final class DocumentType {

    /** The shipping (AWB) label: wire value {@code "shippingLabel"}. */
    public static final DocumentType SHIPPING_LABEL = new DocumentType("shippingLabel");

    /** The invoice document: wire value {@code "Invoice"} (capital I, as the reference writes it). */
    public static final DocumentType INVOICE = new DocumentType("Invoice");

    private final String wireValue;

    private DocumentType(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * A document type with the given wire value, sent exactly as given.
     *
     * @param wireValue the {@code documentType} value, at most 200 characters (Varchar(200))
     * @return the document type
     * @throws IllegalArgumentException if {@code wireValue} is {@code null}, blank or longer than 200
     */
    public static DocumentType of(String wireValue) {
        if (wireValue == null || wireValue.isBlank()) {
            throw new IllegalArgumentException("documentType must not be blank");
        }
        if (wireValue.length() > 200) {
            throw new IllegalArgumentException(
                    "documentType must be at most 200 characters, was " + wireValue.length());
        }
        return new DocumentType(wireValue);
    }

    /** The exact value sent as {@code documentType}; never blank. */
    public String wireValue() {
        return wireValue;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentType && ((DocumentType) other).wireValue.equals(wireValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wireValue);
    }

    /** The wire value, e.g. {@code DocumentType[shippingLabel]}. */
    @Override
    public String toString() {
        return "DocumentType[" + wireValue + "]";
    }
}
