package io.github.babyshopsdk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a minimal, valid one-page PDF 1.4 by hand: catalog, page tree, page (4 x 6 inch label
 * size), one content stream of Helvetica text lines, a font, and an exact cross-reference table.
 * Non-ASCII characters are written as {@code ?}. Stateless.
 */
public final class PdfWriter {

    private PdfWriter() {
    }

    /**
     * A page with a title and text lines.
     *
     * @param title first line, in a larger font
     * @param lines further lines
     * @return the PDF bytes
     */
    public static byte[] page(String title, List<String> lines) {
        StringBuilder content = new StringBuilder();
        content.append("BT\n/F1 16 Tf\n24 400 Td\n(").append(escape(title)).append(") Tj\n/F1 10 Tf\n");
        for (String line : lines) {
            content.append("0 -18 Td\n(").append(escape(line)).append(") Tj\n");
        }
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);

        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add(null); // the content stream, written below
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            write(out, (i + 1) + " 0 obj\n");
            if (objects.get(i) == null) {
                write(out, "<< /Length " + stream.length + " >>\nstream\n");
                out.write(stream, 0, stream.length);
                write(out, "\nendstream\n");
            } else {
                write(out, objects.get(i) + "\n");
            }
            write(out, "endobj\n");
        }
        long xref = out.size();
        write(out, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) {
            write(out, String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.write(b, 0, b.length);
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 32 || c > 126) {
                sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : '?');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
