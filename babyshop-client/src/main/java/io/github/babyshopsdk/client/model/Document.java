package io.github.babyshopsdk.client.model;

import java.io.InputStream;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A file answered by {@code fetchDocuments}: a shipping label or an invoice, with its content type and,
 * when the server named it, its file name. Immutable (the bytes are copied in and out).
 */
public final class Document {
    private final byte[] content;
    private final String contentType;
    private final String fileName;

    private Document(byte[] content, String contentType, String fileName) {
        this.content = content;
        this.contentType = contentType;
        this.fileName = fileName;
    }

    /**
     * Creates a document.
     *
     * @param contentType the media type, e.g. {@code application/pdf}; {@code application/octet-stream} when unknown
     * @param fileName the file name from {@code Content-Disposition}, or null
     * @throws NullPointerException if {@code content} or {@code contentType} is null
     */
    public static Document of(byte[] content, String contentType, String fileName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        return new Document(content.clone(), contentType, fileName == null || fileName.isBlank() ? null : fileName);
    }

    /** A copy of the file's bytes. */
    public byte[] content() {
        return content.clone();
    }

    /** The file's bytes as a stream. */
    public InputStream openStream() {
        return new ByteArrayInputStream(content);
    }

    /** The size in bytes. */
    public int size() {
        return content.length;
    }

    /** The media type the server declared, e.g. {@code application/pdf}. */
    public String contentType() {
        return contentType;
    }

    /** The file name the server suggested, if any. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** Whether the bytes start like a PDF file ({@code %PDF-}). */
    public boolean isPdf() {
        return content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D'
                && content[3] == 'F' && content[4] == '-';
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Document && Arrays.equals(((Document) other).content, content)
                && ((Document) other).contentType.equals(contentType)
                && Objects.equals(((Document) other).fileName, fileName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(content), contentType, fileName);
    }

    @Override
    public String toString() {
        return "Document{" + contentType + ", " + content.length + " bytes"
                + (fileName == null ? "" : ", " + fileName) + "}";
    }
}
