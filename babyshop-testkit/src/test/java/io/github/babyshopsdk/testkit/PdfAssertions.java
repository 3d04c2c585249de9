package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Structural checks of a PDF: header, trailer, and every xref offset pointing at its object. */
final class PdfAssertions {

    private PdfAssertions() {
    }

    static void assertValidPdf(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-1.4\n");
        assertThat(text).endsWith("%%EOF\n");
        Matcher start = Pattern.compile("startxref\n(\\d+)\n%%EOF\n$").matcher(text);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(text.substring(xref)).startsWith("xref\n0 6\n0000000000 65535 f \n");
        Matcher entries = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(xref));
        int object = 1;
        while (entries.find()) {
            int offset = Integer.parseInt(entries.group(1));
            assertThat(text.substring(offset)).startsWith(object + " 0 obj\n");
            object++;
        }
        assertThat(object).isEqualTo(6);
        Matcher length = Pattern.compile("<< /Length (\\d+) >>\nstream\n").matcher(text);
        assertThat(length.find()).isTrue();
        int streamStart = length.end();
        assertThat(text.substring(streamStart + Integer.parseInt(length.group(1)))).startsWith("\nendstream\n");
        assertThat(text).contains("/Type /Catalog", "/Type /Page ", "/BaseFont /Helvetica");
    }
}
