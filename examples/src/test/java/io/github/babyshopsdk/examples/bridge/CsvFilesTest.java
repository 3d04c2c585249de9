package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.host.StockLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void inventoryReadsQuotedFieldsBomCrlfAndBlankLines() throws IOException {
        InventoryCsv stock = InventoryCsv.read(file("inventory.csv",
                "\uFEFFvendorSkuCode,hub,available\r\n\"V,1\", HUB-DXB ,3\r\n\r\n\"V \"\"2\"\"\",HUB-RUH,-1\r\n"));
        assertThat(stock.levels()).containsExactly(StockLevel.of("V,1", "HUB-DXB", new BigDecimal("3")),
                StockLevel.of("V \"2\"", "HUB-RUH", new BigDecimal("-1")));
        assertThat(stock.rejected()).isEmpty();
    }

    @Test
    void theVersionFollowsTheContent() throws IOException {
        String a = InventoryCsv.read(file("a.csv", "vendorSkuCode,hub,available\nV,H,1\n")).version();
        String b = InventoryCsv.read(file("b.csv", "vendorSkuCode,hub,available\nV,H,2\n")).version();
        String c = InventoryCsv.read(file("c.csv", "vendorSkuCode,hub,available\nV,H,1\n")).version();
        assertThat(a).isEqualTo(c).isNotEqualTo(b);
    }

    @Test
    void inventoryErrorsNameFileAndLine() throws IOException {
        Path quote = file("quote.csv", "vendorSkuCode,hub,available\n\"V,H,1\n");
        assertThatThrownBy(() -> InventoryCsv.read(quote)).hasMessage(quote + " line 2: a quoted field is not closed");
        Path empty = file("empty.csv", "\n\n");
        assertThatThrownBy(() -> InventoryCsv.read(empty))
                .hasMessage(empty + ": the file is empty; it needs the header 'vendorSkuCode,hub,available'");
        Path extra = file("extra.csv", "vendorSkuCode,hub,available\nV,H,1,2\n");
        assertThatThrownBy(() -> InventoryCsv.read(extra))
                .hasMessage(extra + " line 2: expected 3 fields (vendorSkuCode,hub,available), found 4");
    }

    @Test
    void aLineWithABadValueIsRejectedWithItsSkuAndTheOtherLinesAreKept() throws IOException {
        Path file = file("stock.csv", "vendorSkuCode,hub,available\n"
                + "V,H,1\nW,H,1\nV,H,2\n"                         // duplicate: V rejected in every hub
                + ",H,1\nX,,1\n"                                   // empty code, empty hub
                + "A,H,1e999999999\nA,G,3\n"                        // the value: A rejected in every hub
                + "B,H,2.5\nC,H,0x10\nD,H,1000000001\nE,H,-1000000001\nF,H, \n"
                + "G,H,1000000000\nG,G,-1000000000\nK,H,+5\nL,H,12.000\n");
        InventoryCsv stock = InventoryCsv.read(file);
        assertThat(stock.levels()).extracting(StockLevel::vendorSkuCode).containsExactly("W", "G", "G", "K", "L");
        assertThat(stock.levels()).extracting(StockLevel::available).map(BigDecimal::toPlainString)
                .containsExactly("1", "1000000000", "-1000000000", "5", "12");
        assertThat(stock.rejected()).containsExactly(
                file + " line 4: vendorSkuCode V in hub H is already on line 2; V is not pushed this run",
                file + " line 5: vendorSkuCode is empty",
                file + " line 6: hub is empty; X is not pushed this run",
                file + " line 7: available must be a whole number from -1000000000 to 1000000000, not '1e999999999'; "
                        + "A is not pushed this run",
                file + " line 9: available must be a whole number from -1000000000 to 1000000000, not '2.5'; "
                        + "B is not pushed this run",
                file + " line 10: available must be a whole number from -1000000000 to 1000000000, not '0x10'; "
                        + "C is not pushed this run",
                file + " line 11: available must be a whole number from -1000000000 to 1000000000, not '1000000001'; "
                        + "D is not pushed this run",
                file + " line 12: available must be a whole number from -1000000000 to 1000000000, not '-1000000001'; "
                        + "E is not pushed this run",
                file + " line 13: available must be a whole number from -1000000000 to 1000000000, not ''; "
                        + "F is not pushed this run");
    }

    @Test
    void anEnormousLineIsRejectedWithACutMessage() throws IOException {
        Path file = file("big.csv", "vendorSkuCode,hub,available\n" + "V".repeat(5_000_000) + ",H,1\nW,H,2\n");
        InventoryCsv stock = InventoryCsv.read(file);
        assertThat(stock.levels()).extracting(StockLevel::vendorSkuCode).containsExactly("W");
        assertThat(stock.rejected()).singleElement().asString().hasSizeLessThan(500)
                .contains("is longer than 100 characters or holds a control character").contains("(5000000 chars)");
    }

    @Test
    void hostEventsReadInFileOrderWithTheirIds() throws IOException {
        HostEventsCsv events = HostEventsCsv.read(file("events.csv",
                "orderNo,event,transporter,awbNo\n5001,packed,Aramex,AWB1\n5001,SHIPPED,,\n5002,CANCELLED,,\n"));
        assertThat(events.events()).extracting(HostEventsCsv.Line::eventId)
                .containsExactly("5001:PACKED", "5001:SHIPPED", "5002:CANCELLED");
        assertThat(events.events().get(0)).isEqualTo(new HostEventsCsv.Line(2, "5001", HostEventType.PACKED,
                Optional.of("Aramex"), Optional.of("AWB1")));
        assertThat(events.events().get(1).transporter()).isEmpty();
    }

    @Test
    void hostEventErrorsNameFileAndLine() throws IOException {
        Path header = file("h.csv", "orderNo,event,awbNo\n");
        assertThatThrownBy(() -> HostEventsCsv.read(header)).hasMessage(header
                + " line 1: the header must be 'orderNo,event,transporter,awbNo', found 'orderNo,event,awbNo'");
        Path noOrder = file("n.csv", "orderNo,event,transporter,awbNo\n,SHIPPED,,\n");
        assertThatThrownBy(() -> HostEventsCsv.read(noOrder)).hasMessage(noOrder + " line 2: orderNo is empty");
        Path unknown = file("u.csv", "orderNo,event,transporter,awbNo\n1,LOST,,\n");
        assertThatThrownBy(() -> HostEventsCsv.read(unknown))
                .hasMessage(unknown + " line 2: unknown event 'LOST' (known: PACKED, SHIPPED, DELIVERED, CANCELLED)");
    }
}
