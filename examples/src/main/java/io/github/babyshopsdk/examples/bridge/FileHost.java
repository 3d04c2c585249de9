package io.github.babyshopsdk.examples.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.host.ImportedOrder;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The bridge's host: a directory of files standing for an OMS. It implements every host port of the engine.
 *
 * <pre>
 * DIR/orders/&lt;orderNo&gt;.json   the current state of each host order (written atomically: temp file + move)
 *                              {"orderNo", "masterOrderNo", "stage", "hub", "lines": [{"sku", "vendorSkuCode", "qty"}]}
 * DIR/host-events.jsonl        one line per host call that changed an order: {"event": "create" | "cancel", "orderNo"}
 * DIR/labels/&lt;orderNo&gt;.pdf     the AWB label of each shipment ("Print AWB")
 * DIR/catalog.jsonl            the host's SKU master, append-only (the last line of a SKU wins); also the SKUs
 *                              rejected for want of a valid Vendor SKU Code
 * </pre>
 *
 * <p>File names: an order number becomes a file name only if it is 1 to 100 characters of {@code A-Z a-z 0-9
 * . _ -} starting with a letter or digit and is not a name Windows reserves ({@code CON}, {@code NUL.1},
 * {@code com1}, ...); any other order number (path separators, {@code ..}, NUL, control characters, over-long)
 * is refused by {@link #createOrder} with an {@link IllegalArgumentException}, and the engine reports the order.
 * Two order numbers that differ only in case (one file on a case-insensitive file system) are told apart by the
 * {@code orderNo} inside the file: the second is refused rather than taken for the first.
 *
 * <p>Labels: a label is saved as {@code labels/<orderNo>.pdf} only if its content starts with {@code %PDF-};
 * any other body (an HTML error page, JSON, a byte-order mark) is refused with an
 * {@link IllegalStateException}, so the engine fetches it again on a later run and dead-letters the shipment's
 * label step if it never becomes a PDF.
 *
 * <p>Orders: {@link #createOrder} is idempotent by order number (an existing file is the order); a line's
 * {@code vendorSkuCode} comes from the SKU master and is filled in when the SKU arrives later.
 * {@link #cancelOrder} (and a CANCELLED host event) sets the stage Cancelled maps to and appends one
 * {@code cancel} line, once.
 *
 * <p>Stock: the rows of the inventory CSV. Its change feed announces every Vendor SKU Code of the file whenever
 * the file or the SKU master changed since the token the engine holds (the engine pushes only quantities that
 * differ from what Babyshop acknowledged); codes absent from the file are never announced.
 *
 * <p>Events: the host-events CSV, in file order, each (orderNo, event) once. An event is released to the engine
 * only once the host holds its order; until then it is reported and tried again on every later read (so the
 * engine never gives up on it). A CANCELLED event first cancels the host's own order. Event ids are
 * {@code orderNo:EVENT}: the engine applies each at most once however often the same file is read.
 *
 * <p>Thread-safe (every method is synchronized).
 */
public final class FileHost implements HostOrders, HostCatalog, HostInventory, HostFulfilment {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Names Windows reserves for devices, whatever the case and extension ({@code CON}, {@code nul.x}, ...). */
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\\..*)?");
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final Path ordersDir;
    private final Path labelsDir;
    private final Path eventsLog;
    private final Path catalogLog;
    private final String cancelledStage;
    private final InventoryCsv stock;
    private final HostEventsCsv events;
    private final Consumer<String> reporter;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Set<String> loggedCreates = new HashSet<>();
    private final Set<String> loggedCancels = new HashSet<>();
    private final Map<String, SkuEntry> skus = new LinkedHashMap<>();
    private final Map<String, String> rejected = new LinkedHashMap<>();
    private final Map<String, Set<String>> ordersWithoutVendorCode = new HashMap<>();
    private final Map<String, HostEventsCsv.Line> waiting = new LinkedHashMap<>();
    private final Set<String> reportedWaiting = new HashSet<>();
    private int catalogLines;
    private final Counts counts = new Counts();

    /** A SKU of the SKU master. */
    private record SkuEntry(String vendorSkuCode, String name, String lastUpdated) {
    }

    /** What this host did since it was opened. */
    public static final class Counts {
        private int ordersCreated;
        private int ordersCancelled;
        private int skusImported;
        private int skusRejected;
        private int labelsWritten;

        /** Host orders created ({@code create} lines written). */
        public int ordersCreated() {
            return ordersCreated;
        }

        /** Host orders cancelled ({@code cancel} lines written), by Babyshop or by a host CANCELLED event. */
        public int ordersCancelled() {
            return ordersCancelled;
        }

        /** SKUs that are new in the SKU master or changed. */
        public int skusImported() {
            return skusImported;
        }

        /** SKUs newly rejected (no valid Vendor SKU Code). */
        public int skusRejected() {
            return skusRejected;
        }

        /** AWB labels written. */
        public int labelsWritten() {
            return labelsWritten;
        }

        private Counts copy() {
            Counts copy = new Counts();
            copy.ordersCreated = ordersCreated;
            copy.ordersCancelled = ordersCancelled;
            copy.skusImported = skusImported;
            copy.skusRejected = skusRejected;
            copy.labelsWritten = labelsWritten;
            return copy;
        }

        /** The sum of every count: a change of it means the host changed. */
        public int total() {
            return ordersCreated + ordersCancelled + skusImported + skusRejected + labelsWritten;
        }
    }

    private FileHost(Path dir, String cancelledStage, InventoryCsv stock, HostEventsCsv events,
                     Consumer<String> reporter) {
        this.ordersDir = dir.resolve("orders");
        this.labelsDir = dir.resolve("labels");
        this.eventsLog = dir.resolve("host-events.jsonl");
        this.catalogLog = dir.resolve("catalog.jsonl");
        this.cancelledStage = Objects.requireNonNull(cancelledStage, "cancelledStage");
        this.stock = Objects.requireNonNull(stock, "stock");
        this.events = Objects.requireNonNull(events, "events");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /**
     * Opens (creating it if needed) the host directory {@code dir} and loads what earlier runs left there.
     *
     * @param cancelledStage the stage a cancelled host order gets
     * @param stock the host's stock
     * @param events the host's order events
     * @param reporter where reports go (events waiting for their order)
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static FileHost open(Path dir, String cancelledStage, InventoryCsv stock, HostEventsCsv events,
                                Consumer<String> reporter) {
        FileHost host = new FileHost(dir, cancelledStage, stock, events, reporter);
        try {
            Files.createDirectories(host.ordersDir);
            Files.createDirectories(host.labelsDir);
            host.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the host directory " + dir + ": " + e.getMessage(), e);
        }
        return host;
    }

    /**
     * Checks, without writing anything, that {@code dir} can be the host directory: it is a writable directory
     * whose {@code orders/} and {@code labels/} are directories and whose {@code host-events.jsonl},
     * {@code catalog.jsonl} and order files are readable (as an earlier run left them), or it does not exist
     * and its nearest existing ancestor is a writable directory.
     *
     * @throws IllegalArgumentException with the reason, when it cannot be
     */
    public static void checkDirectory(Path dir) {
        Path target;
        try {
            target = dir.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a usable path", e);
        }
        if (!Files.exists(target)) {
            Path ancestor = target.getParent();
            while (ancestor != null && !Files.exists(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor == null) {
                throw new IllegalArgumentException("cannot be created: no existing parent directory");
            }
            if (!Files.isDirectory(ancestor)) {
                throw new IllegalArgumentException("cannot be created: " + SafeText.of(ancestor.toString())
                        + " is a file, not a directory");
            }
            if (!Files.isWritable(ancestor) || !Files.isExecutable(ancestor)) {
                throw new IllegalArgumentException("cannot be created: " + SafeText.of(ancestor.toString())
                        + " is not writable");
            }
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("is a file, not a directory");
        }
        if (!Files.isWritable(target) || !Files.isExecutable(target)) {
            throw new IllegalArgumentException("is not writable");
        }
        FileHost probe = new FileHost(target, "-", InventoryCsv.empty(), HostEventsCsv.empty(), message -> { });
        for (Path sub : List.of(probe.ordersDir, probe.labelsDir)) {
            if (Files.exists(sub) && !(Files.isDirectory(sub) && Files.isWritable(sub) && Files.isExecutable(sub))) {
                throw new IllegalArgumentException(sub.getFileName() + " is not a writable directory");
            }
        }
        for (Path file : List.of(probe.eventsLog, probe.catalogLog)) {
            if (Files.exists(file) && !(Files.isRegularFile(file) && Files.isWritable(file))) {
                throw new IllegalArgumentException(file.getFileName() + " is not a writable file");
            }
        }
        try {
            probe.load();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read what an earlier run left there: "
                    + SafeText.of(String.valueOf(e.getMessage())), e);
        }
    }

    private void load() throws IOException {
        for (JsonNode line : readJsonLines(eventsLog)) {
            String orderNo = line.path("orderNo").asText();
            if ("create".equals(line.path("event").asText())) {
                loggedCreates.add(orderNo);
            } else if ("cancel".equals(line.path("event").asText())) {
                loggedCancels.add(orderNo);
            }
        }
        for (JsonNode line : readJsonLines(catalogLog)) {
            catalogLines++;
            String sku = line.path("sku").asText();
            if (line.hasNonNull("rejected")) {
                rejected.put(sku, line.get("rejected").asText());
            } else {
                skus.put(sku, new SkuEntry(line.path("vendorSkuCode").asText(), text(line, "name"),
                        text(line, "lastUpdated")));
                rejected.remove(sku);
            }
        }
        if (!Files.isDirectory(ordersDir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ordersDir, "*.json")) {
            for (Path file : files) {
                JsonNode order = json.readTree(file.toFile());
                String orderNo = order.path("orderNo").asText();
                for (JsonNode line : order.path("lines")) {
                    if (line.path("vendorSkuCode").isNull()) {
                        ordersWithoutVendorCode.computeIfAbsent(line.path("sku").asText(), k -> new LinkedHashSet<>())
                                .add(orderNo);
                    }
                }
            }
        }
    }

    private List<JsonNode> readJsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
        }
        return lines;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    // ---- orders ------------------------------------------------------------------------------------

    @Override
    public synchronized String createOrder(ImportedOrder order) {
        String orderNo = safe(order.orderNo());
        Path file = orderFile(orderNo);
        if (Files.exists(file)) {
            String holder = readOrder(file).path("orderNo").asText();
            if (!orderNo.equals(holder)) {
                throw new IllegalStateException("order " + orderNo + " would share the file " + file.getFileName()
                        + " with order " + SafeText.of(holder) + " (a case-insensitive file system); not created");
            }
        } else {
            ObjectNode node = json.createObjectNode();
            node.put("orderNo", orderNo);
            node.put("masterOrderNo", order.order().masterOrderNo().orElse(null));
            node.put("stage", order.stage());
            node.put("hub", order.hub());
            ArrayNode lines = node.putArray("lines");
            for (OrderLine line : order.order().lines()) {
                ObjectNode l = lines.addObject();
                l.put("sku", line.sku());
                SkuEntry sku = skus.get(line.sku());
                if (sku == null) {
                    l.putNull("vendorSkuCode");
                    ordersWithoutVendorCode.computeIfAbsent(line.sku(), k -> new LinkedHashSet<>()).add(orderNo);
                } else {
                    l.put("vendorSkuCode", sku.vendorSkuCode());
                }
                l.put("qty", quantity(line.orderQty().orElse(BigDecimal.ZERO)));
            }
            writeAtomically(file, pretty(node));
        }
        if (loggedCreates.add(orderNo)) {
            appendEvent("create", orderNo);
            counts.ordersCreated++;
        }
        return orderNo;
    }

    @Override
    public synchronized void cancelOrder(String orderNo, String hostOrderId, String reason) {
        if (!holds(safe(orderNo))) {
            throw new IllegalStateException("the host holds no order " + SafeText.of(orderNo));
        }
        cancel(orderNo);
    }

    /** Whether the order's file is there (the host id is the order number): a deleted file is a lost order. */
    @Override
    public synchronized Optional<Boolean> hasOrder(String orderNo, String hostOrderId) {
        return Optional.of(orderNo.equals(hostOrderId) && holds(orderNo));
    }

    /** Cancels the host order (stage of the Cancelled mapping); false when it was cancelled already. */
    private boolean cancel(String orderNo) {
        Path file = orderFile(safe(orderNo));
        ObjectNode node = readOrder(file);
        if (cancelledStage.equals(node.path("stage").asText())) {
            return false;
        }
        node.put("stage", cancelledStage);
        writeAtomically(file, pretty(node));
        if (loggedCancels.add(orderNo)) {
            appendEvent("cancel", orderNo);
            counts.ordersCancelled++;
        }
        return true;
    }

    /** Whether the host holds {@code orderNo}. */
    public synchronized boolean holds(String orderNo) {
        if (!safeName(orderNo) || !Files.exists(orderFile(orderNo))) {
            return false;
        }
        return orderNo.equals(readOrder(orderFile(orderNo)).path("orderNo").asText());
    }

    private Path orderFile(String orderNo) {
        return ordersDir.resolve(orderNo + ".json");
    }

    private ObjectNode readOrder(Path file) {
        try {
            return (ObjectNode) json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read host order " + file + ": " + e.getMessage(), e);
        }
    }

    private static String safe(String orderNo) {
        if (!safeName(orderNo)) {
            throw new IllegalArgumentException("order number '" + SafeText.of(orderNo) + "' cannot be a file name "
                    + "(1 to 100 of A-Z a-z 0-9 . _ -, starting with a letter or digit, not a reserved device name)");
        }
        return orderNo;
    }

    /** Whether {@code orderNo} may be used as a file name on every common file system. */
    static boolean safeName(String orderNo) {
        return orderNo != null && SAFE_NAME.matcher(orderNo).matches() && !WINDOWS_RESERVED.matcher(orderNo).matches();
    }

    private static BigDecimal quantity(BigDecimal qty) {
        BigDecimal stripped = qty.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---- catalog -----------------------------------------------------------------------------------

    @Override
    public synchronized void upsertSku(Product product) {
        String vendorSkuCode = product.vendorSkuCode().filter(c -> !c.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("SKU " + SafeText.of(product.sku())
                        + " has no Vendor SKU Code"));
        SkuEntry entry = new SkuEntry(vendorSkuCode, product.skuName().orElse(null),
                product.lastUpdated().map(Object::toString).orElse(null));
        if (entry.equals(skus.get(product.sku()))) {
            return;
        }
        ObjectNode line = json.createObjectNode();
        line.put("sku", product.sku());
        line.put("vendorSkuCode", entry.vendorSkuCode());
        line.put("name", entry.name());
        line.put("lastUpdated", entry.lastUpdated());
        append(catalogLog, line);
        catalogLines++;
        skus.put(product.sku(), entry);
        rejected.remove(product.sku());
        counts.skusImported++;
        fillVendorCodes(product.sku(), vendorSkuCode);
    }

    private void fillVendorCodes(String sku, String vendorSkuCode) {
        Set<String> orders = ordersWithoutVendorCode.remove(sku);
        if (orders == null) {
            return;
        }
        for (String orderNo : orders) {
            Path file = orderFile(orderNo);
            if (!Files.exists(file)) {
                continue;
            }
            ObjectNode node = readOrder(file);
            for (JsonNode line : node.path("lines")) {
                if (sku.equals(line.path("sku").asText()) && line.path("vendorSkuCode").isNull()) {
                    ((ObjectNode) line).put("vendorSkuCode", vendorSkuCode);
                }
            }
            writeAtomically(file, pretty(node));
        }
    }

    /**
     * Records that the catalog flow rejected {@code sku}; true when that is news (not recorded before with the
     * same reason), so a SKU re-read by a later run is not counted again.
     */
    public synchronized boolean recordRejection(String sku, String reason) {
        if (reason.equals(rejected.get(sku))) {
            return false;
        }
        ObjectNode line = json.createObjectNode();
        line.put("sku", sku);
        line.put("rejected", reason);
        append(catalogLog, line);
        catalogLines++;
        rejected.put(sku, reason);
        counts.skusRejected++;
        return true;
    }

    /** The SKU master: Babyshop SKU to Vendor SKU Code. */
    public synchronized Map<String, String> vendorSkuCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        skus.forEach((sku, entry) -> codes.put(sku, entry.vendorSkuCode()));
        return codes;
    }

    // ---- inventory ---------------------------------------------------------------------------------

    @Override
    public synchronized ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        String current = "stock:" + stock.version() + "/catalog:" + catalogLines;
        if (afterToken.filter(current::equals).isPresent()) {
            return ChangeFeed.of(List.of(), current, false);
        }
        Set<String> codes = new LinkedHashSet<>();
        stock.levels().forEach(level -> codes.add(level.vendorSkuCode()));
        return ChangeFeed.of(List.copyOf(codes), current, false);
    }

    @Override
    public synchronized List<StockLevel> available(Collection<String> vendorSkuCodes) {
        Set<String> wanted = new HashSet<>(vendorSkuCodes);
        return stock.levels().stream().filter(level -> wanted.contains(level.vendorSkuCode())).toList();
    }

    // ---- fulfilment --------------------------------------------------------------------------------

    @Override
    public synchronized ChangeFeed<HostEvent> events(Optional<String> afterToken) {
        List<HostEvent> released = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        waiting.clear();
        for (HostEventsCsv.Line line : events.events()) {
            if (!seen.add(line.eventId())) {
                continue; // the same (orderNo, event) again: applied once
            }
            if (!holds(line.orderNo())) {
                waiting.put(line.eventId(), line);
                if (reportedWaiting.add(line.eventId())) {
                    reporter.accept("host event line " + line.line() + " (" + line.type() + " "
                            + SafeText.of(line.orderNo()) + "): the host holds no order " + SafeText.of(line.orderNo())
                            + "; tried again on the next run");
                }
                continue;
            }
            if (line.type() == HostEventType.CANCELLED) {
                cancel(line.orderNo());
            }
            released.add(HostEvent.builder().eventId(line.eventId()).orderNo(line.orderNo()).type(line.type())
                    .transporter(line.transporter()).awbNo(line.awbNo()).build());
        }
        return ChangeFeed.of(released, "events:" + released.size(), false);
    }

    /** Events read by the last feed read that wait because the host does not hold their order. */
    public synchronized List<HostEventsCsv.Line> waitingEvents() {
        return List.copyOf(waiting.values());
    }

    @Override
    public synchronized void shipmentCreated(String orderNo, String invoiceNo, Document label) {
        Path file = labelsDir.resolve(safe(orderNo) + ".pdf");
        byte[] content = label.content();
        if (!isPdf(content)) {
            throw new IllegalStateException("the AWB label of order " + orderNo + " (invoice " + SafeText.of(invoiceNo)
                    + ") is not a PDF: " + content.length + " bytes starting '" + start(content) + "'; not saved");
        }
        try {
            if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), label.content())) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(file, label.content());
        counts.labelsWritten++;
    }

    /** Whether {@code content} starts with the PDF magic {@code %PDF-}. */
    static boolean isPdf(byte[] content) {
        return content.length >= PDF_MAGIC.length
                && Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
    }

    /** The first bytes of {@code content} as printable ASCII (others as '?'), for a message. */
    private static String start(byte[] content) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(content.length, 16); i++) {
            int b = content[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return text.toString();
    }

    /** What this host did since it was opened (a snapshot). */
    public synchronized Counts counts() {
        return counts.copy();
    }

    // ---- files -------------------------------------------------------------------------------------

    private byte[] pretty(ObjectNode node) {
        try {
            return (pretty.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendEvent(String event, String orderNo) {
        ObjectNode line = json.createObjectNode();
        line.put("event", event);
        line.put("orderNo", orderNo);
        append(eventsLog, line);
    }

    private void append(Path file, ObjectNode line) {
        try {
            Files.write(file, (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
