package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.host.StockLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHostTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final List<String> reports = new ArrayList<>();

    private FileHost open(InventoryCsv stock, HostEventsCsv events) {
        return FileHost.open(dir, "CANCELLED", stock, events, reports::add);
    }

    private FileHost open() {
        return open(InventoryCsv.empty(), HostEventsCsv.empty());
    }

    private static ImportedOrder order(String orderNo, String stage, String... skus) {
        var builder = Order.builder().orderNo(orderNo).masterOrderNo("BS" + orderNo).statusCode("5");
        for (int i = 0; i < skus.length; i++) {
            builder.addLines(OrderLine.builder().lineNo(Integer.toString(i + 1)).sku(skus[i])
                    .orderQty(new BigDecimal("2.000")).build());
        }
        return ImportedOrder.of(builder.build(), stage, "HUB-DXB");
    }

    private static Product product(String sku, String vendorSkuCode) {
        return Product.builder().sku(sku).vendorSkuCode(vendorSkuCode).skuName("Name of " + sku)
                .lastUpdated(Instant.parse("2026-01-01T00:00:00Z")).build();
    }

    private List<String> log() throws IOException {
        Path file = dir.resolve("host-events.jsonl");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private JsonNode orderFile(String orderNo) throws IOException {
        return JSON.readTree(dir.resolve("orders").resolve(orderNo + ".json").toFile());
    }

    @Test
    void createOrderIsIdempotentAcrossCallsAndRestarts() throws IOException {
        FileHost host = open();
        assertThat(host.createOrder(order("500", "NEW", "S1"))).isEqualTo("500");
        assertThat(host.createOrder(order("500", "NEW", "S1"))).isEqualTo("500");
        assertThat(open().createOrder(order("500", "NEW", "S1"))).isEqualTo("500");

        assertThat(log()).containsExactly("{\"event\":\"create\",\"orderNo\":\"500\"}");
        JsonNode file = orderFile("500");
        assertThat(file.path("orderNo").asText()).isEqualTo("500");
        assertThat(file.path("masterOrderNo").asText()).isEqualTo("BS500");
        assertThat(file.path("stage").asText()).isEqualTo("NEW");
        assertThat(file.path("hub").asText()).isEqualTo("HUB-DXB");
        assertThat(file.path("lines").get(0).toString()).isEqualTo("{\"sku\":\"S1\",\"vendorSkuCode\":null,\"qty\":2}");
        assertThat(host.counts().ordersCreated()).isEqualTo(1);
        try (var files = Files.list(dir.resolve("orders"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("500.json");
        }
    }

    @Test
    void vendorSkuCodesComeFromTheSkuMasterAndAreFilledInWhenTheSkuArrives() throws IOException {
        FileHost host = open();
        host.upsertSku(product("S1", "V1"));
        host.createOrder(order("500", "NEW", "S1", "S2"));
        assertThat(orderFile("500").path("lines").get(1).path("vendorSkuCode").isNull()).isTrue();

        open().upsertSku(product("S2", "V2")); // a later run

        assertThat(orderFile("500").path("lines").get(0).path("vendorSkuCode").asText()).isEqualTo("V1");
        assertThat(orderFile("500").path("lines").get(1).path("vendorSkuCode").asText()).isEqualTo("V2");
    }

    @Test
    void unchangedSkusAndKnownRejectionsAreNotCountedAgain() {
        FileHost host = open();
        host.upsertSku(product("S1", "V1"));
        host.upsertSku(product("S1", "V1"));
        assertThat(host.recordRejection("S9", "no valid Vendor SKU Code")).isTrue();
        assertThat(host.recordRejection("S9", "no valid Vendor SKU Code")).isFalse();
        assertThat(host.counts().skusImported()).isEqualTo(1);
        assertThat(host.counts().skusRejected()).isEqualTo(1);

        FileHost again = open();
        again.upsertSku(product("S1", "V1"));
        assertThat(again.recordRejection("S9", "no valid Vendor SKU Code")).isFalse();
        assertThat(again.counts().total()).isZero();
        assertThat(again.vendorSkuCodes()).containsEntry("S1", "V1");
    }

    @Test
    void cancellationSetsTheCancelledStageOnce() throws IOException {
        FileHost host = open();
        host.createOrder(order("500", "NEW", "S1"));
        host.cancelOrder("500", "500", "cancelled on Babyshop");
        host.cancelOrder("500", "500", "cancelled on Babyshop");
        assertThat(orderFile("500").path("stage").asText()).isEqualTo("CANCELLED");
        assertThat(log()).containsExactly("{\"event\":\"create\",\"orderNo\":\"500\"}",
                "{\"event\":\"cancel\",\"orderNo\":\"500\"}");
        assertThatThrownBy(() -> host.cancelOrder("501", "501", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> host.createOrder(order("../etc", "NEW", "S1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsWaitForTheirOrderAndCancelledEventsCancelTheHostOrderFirst() throws IOException {
        Path csv = Files.writeString(dir.resolve("events.csv"), "orderNo,event,transporter,awbNo\n"
                + "500,PACKED,Aramex,AWB1\n500,PACKED,Aramex,AWB1\n501,CANCELLED,,\n", StandardCharsets.UTF_8);
        FileHost host = open(InventoryCsv.empty(), HostEventsCsv.read(csv));
        host.createOrder(order("501", "NEW", "S1"));

        ChangeFeed<HostEvent> first = host.events(Optional.empty());

        assertThat(first.items()).extracting(HostEvent::eventId).containsExactly("501:CANCELLED");
        assertThat(orderFile("501").path("stage").asText()).isEqualTo("CANCELLED");
        assertThat(host.waitingEvents()).extracting(HostEventsCsv.Line::eventId).containsExactly("500:PACKED");
        assertThat(reports).containsExactly("host event line 2 (PACKED 500): the host holds no order 500; "
                + "tried again on the next run");

        host.createOrder(order("500", "NEW", "S1"));
        ChangeFeed<HostEvent> second = host.events(Optional.of(first.nextToken()));

        assertThat(second.items()).extracting(HostEvent::eventId).containsExactly("500:PACKED", "501:CANCELLED");
        assertThat(second.items().get(0).transporter()).contains("Aramex");
        assertThat(second.items().get(0).type()).isEqualTo(HostEventType.PACKED);
        assertThat(host.waitingEvents()).isEmpty();
        assertThat(log()).filteredOn(l -> l.contains("cancel")).hasSize(1);
    }

    @Test
    void theStockFeedAnnouncesTheFilesCodesWhenTheFileOrTheSkuMasterChanged() throws IOException {
        Path csv = Files.writeString(dir.resolve("stock.csv"), "vendorSkuCode,hub,available\nV1,A,1\nV1,B,2\nV2,A,5\n",
                StandardCharsets.UTF_8);
        FileHost host = open(InventoryCsv.read(csv), HostEventsCsv.empty());

        ChangeFeed<String> first = host.changedSkus(Optional.of("bridge:start"));
        assertThat(first.items()).containsExactly("V1", "V2");
        assertThat(host.changedSkus(Optional.of(first.nextToken())).items()).isEmpty();
        assertThat(host.available(List.of("V1", "V9"))).containsExactly(
                StockLevel.of("V1", "A", BigDecimal.ONE), StockLevel.of("V1", "B", new BigDecimal("2")));

        host.upsertSku(product("S1", "V1"));
        assertThat(host.changedSkus(Optional.of(first.nextToken())).items()).containsExactly("V1", "V2");
    }

    @Test
    void aLabelIsWrittenOnce() throws IOException {
        FileHost host = open();
        Document label = Document.of("%PDF-1.4 label".getBytes(StandardCharsets.US_ASCII), "application/pdf", "x.pdf");
        host.shipmentCreated("500", "INV1", label);
        host.shipmentCreated("500", "INV1", label);
        assertThat(Files.readString(dir.resolve("labels").resolve("500.pdf"))).isEqualTo("%PDF-1.4 label");
        assertThat(host.counts().labelsWritten()).isEqualTo(1);
    }

    @Test
    void aLabelThatIsNotAPdfIsRefusedAndNotSaved() throws IOException {
        FileHost host = open();
        for (String body : List.of("<html><body>502 Bad Gateway</body></html>", "\uFEFF%PDF-1.4 behind a BOM",
                "{\"responseCode\":1}", " %PDF-1.4", "%PDF", "")) {
            Document label = Document.of(body.getBytes(StandardCharsets.UTF_8), "application/pdf", "x.pdf");
            assertThatThrownBy(() -> host.shipmentCreated("500", "INV1", label)).as(body)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the AWB label of order 500 (invoice INV1) is not a PDF: ")
                    .hasMessageNotContaining("\n");
        }
        assertThat(dir.resolve("labels")).isEmptyDirectory();
        assertThat(host.counts().labelsWritten()).isZero();
    }

    @Test
    void hostileOrderNumbersNeverBecomeFileNames() throws IOException {
        FileHost host = open();
        for (String orderNo : List.of("../500", "..", ".hidden", "a/b", "a\\b", "x\u0000y", "5\nFORGED", "C:x",
                "O".repeat(101), "CON", "con", "nul.1", "Com1", "LPT9.json", "prn", "aux.x", " 500", "500 ",
                "٥٠٠", "500\u202E")) {
            assertThatThrownBy(() -> host.createOrder(order(orderNo, "NEW", "SKU-1"))).as(orderNo)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be a file name")
                    .hasMessageNotContaining("\n");
            assertThat(host.holds(orderNo)).isFalse();
        }
        assertThat(dir.resolve("orders")).isEmptyDirectory();
        assertThat(log()).isEmpty();
        host.createOrder(order("O".repeat(100), "NEW", "SKU-1"));
        host.createOrder(order("CONSOLE-1.x_y", "NEW", "SKU-1"));
        assertThat(host.holds("CONSOLE-1.x_y")).isTrue();
    }

    @Test
    void anOrderWhoseFileHoldsAnotherOrderNumberIsNotTakenForIt() throws IOException {
        // what a case-insensitive file system shows when AB1 arrives after ab1: the file of ab1
        Files.createDirectories(dir.resolve("orders"));
        Files.writeString(dir.resolve("orders").resolve("AB1.json"), "{\"orderNo\": \"ab1\", \"stage\": \"NEW\"}");
        FileHost host = open();
        assertThatThrownBy(() -> host.createOrder(order("AB1", "NEW", "SKU-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("would share the file AB1.json with order ab1");
        assertThat(host.holds("AB1")).isFalse();
        assertThat(log()).isEmpty();
    }

    @Test
    void checkDirectoryWritesNothing() throws IOException {
        Path out = dir.resolve("a").resolve("b");
        FileHost.checkDirectory(out);
        assertThat(Files.exists(dir.resolve("a"))).isFalse();
        Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> FileHost.checkDirectory(dir.resolve("f")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("is a file, not a directory");
        Files.createDirectories(dir.resolve("o"));
        Files.writeString(dir.resolve("o").resolve("catalog.jsonl"), "not json\n");
        assertThatThrownBy(() -> FileHost.checkDirectory(dir.resolve("o")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read what an earlier run");
        assertThat(dir.resolve("o")).isDirectoryNotContaining(p -> p.getFileName().toString().equals("orders"));
    }
}
