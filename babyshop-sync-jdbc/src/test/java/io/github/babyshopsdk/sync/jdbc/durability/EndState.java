package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.SkuLink;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.ReceivedShipment;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The end state both durability tests check, after the engine nodes converged: the host against the
 * simulator's record of truth, the engine's own state against both, and what the simulator received.
 */
final class EndState {
    private final SellerPanelSimulator sim;
    private final JdbcTestHost host;
    private final JdbcSyncStateStore state;

    EndState(SellerPanelSimulator sim, JdbcTestHost host, JdbcSyncStateStore state) {
        this.sim = sim;
        this.host = host;
        this.state = state;
    }

    /**
     * The orders the host must hold: those whose Babyshop status is mapped now, and those the host packed
     * (imported while mapped, Ready for Ship or Shipped since).
     */
    Set<String> expectedHostOrders(Set<String> packed) {
        Set<String> expected = new TreeSet<>(packed);
        for (SimOrder order : sim.store().orders()) {
            if (EngineNode.MAPPED_STATUS_CODES.contains(order.status())) {
                expected.add(order.orderNo());
            }
        }
        return expected;
    }

    /**
     * Whether the end state looks reached, judged from the host's tables and the simulator only (so that
     * polling it locks nothing the engines use): the mapped orders in the host, the host's stock of every
     * SKU with a valid Vendor SKU Code on Babyshop, and one invoice, label, shipment or cancellation for each
     * order the world packed, shipped or cancelled in the host.
     */
    boolean looksReached(Set<String> packed, Set<String> shipped, Set<String> cancelledInHost) {
        if (!host.orders().keySet().equals(expectedHostOrders(packed))) {
            return false;
        }
        Map<String, Map<String, BigDecimal>> stock = host.stock();
        Map<String, InventoryUpdate> latest = sim.store().latestInventory();
        for (SimProduct product : sim.store().products()) {
            if (product.hasValidVendorSkuCode()) {
                InventoryUpdate received = latest.get(product.sku());
                BigDecimal expected = EngineNode.expectedQuantity(stock.getOrDefault(product.vendorSkuCode(), Map.of()));
                if (received == null || received.invQty() == null || received.invQty().compareTo(expected) != 0) {
                    return false;
                }
            }
        }
        return sim.store().invoices().stream().filter(IssuedInvoice::viaApi).map(IssuedInvoice::orderNo)
                .collect(Collectors.toSet()).equals(packed)
                && host.labels().keySet().equals(packed)
                && sim.store().shipments().stream().map(ReceivedShipment::orderNo).collect(Collectors.toSet())
                        .equals(shipped)
                && sim.store().cancellations().stream().filter(c -> c.source() == CancellationRecord.Source.SELLER_API)
                        .map(CancellationRecord::orderNo).collect(Collectors.toSet()).equals(cancelledInHost);
    }

    /**
     * Every mapped order is in the host exactly once (none missing, none unmapped), created by exactly one
     * createOrder call that found no row; the engine's link of each points at that host order; a
     * Babyshop-cancelled order is cancelled in the host (or was created with the stage Cancelled maps to).
     */
    void assertOrdersImportedOnce(Set<String> packed, Set<String> cancelledInHost) {
        Map<String, JdbcTestHost.HostOrder> hostOrders = host.orders();
        Set<String> expected = expectedHostOrders(packed);
        assertThat(missing(expected, hostOrders.keySet())).as("mapped orders missing in the host (of %d)", expected.size())
                .isEmpty();
        assertThat(missing(hostOrders.keySet(), expected)).as("host orders that are not mapped on Babyshop").isEmpty();

        Map<String, Long> creations = host.createCallRows().stream().filter(JdbcTestHost.CallRow::created)
                .collect(Collectors.groupingBy(JdbcTestHost.CallRow::orderNo, TreeMap::new, Collectors.counting()));
        assertThat(creations.keySet()).as("orders created by a createOrder call").isEqualTo(expected);
        assertThat(creations.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList())
                .as("orders created by more than one createOrder call").isEmpty();

        Map<String, OrderRecord> records = state.inTransaction(tx -> {
            Map<String, OrderRecord> found = new HashMap<>();
            for (String orderNo : expected) {
                tx.orders().find(orderNo).ifPresent(r -> found.put(orderNo, r));
            }
            return found;
        });
        List<String> badLinks = new ArrayList<>();
        for (String orderNo : expected) {
            Optional<String> link = Optional.ofNullable(records.get(orderNo)).flatMap(OrderRecord::hostOrderId);
            if (!link.equals(Optional.of(hostOrders.get(orderNo).hostOrderId()))) {
                badLinks.add(orderNo + ": engine " + link + ", host " + hostOrders.get(orderNo).hostOrderId());
            }
        }
        assertThat(badLinks).as("engine links that do not point at the host order").isEmpty();

        List<String> notCancelled = new ArrayList<>();
        for (SimOrder order : sim.store().orders()) {
            JdbcTestHost.HostOrder hostOrder = hostOrders.get(order.orderNo());
            if (order.status() == 8 && !cancelledInHost.contains(order.orderNo())
                    && !(hostOrder.cancelled() || hostOrder.stage().equals("CANCELLED"))) {
                notCancelled.add(order.orderNo());
            }
        }
        assertThat(notCancelled).as("orders cancelled on Babyshop but open in the host").isEmpty();
    }

    /** Every linked SKU: the simulator's latest quantity is the host's (mapped hubs, floored at 0); nothing queued. */
    int assertInventoryMatchesHost() {
        List<SkuLink> links = state.inTransaction(tx -> tx.catalog().links());
        long valid = sim.store().products().stream().filter(SimProduct::hasValidVendorSkuCode).count();
        assertThat(links).as("every SKU with a valid Vendor SKU Code is linked").hasSize((int) valid);
        Map<String, Map<String, BigDecimal>> stock = host.stock();
        Map<String, InventoryUpdate> latest = sim.store().latestInventory();
        List<String> wrong = new ArrayList<>();
        for (SkuLink link : links) {
            BigDecimal expected = EngineNode.expectedQuantity(stock.getOrDefault(link.vendorSkuCode(), Map.of()));
            InventoryUpdate received = latest.get(link.sku());
            if (received == null || received.invQty() == null || received.invQty().compareTo(expected) != 0) {
                Optional<InventoryState> ledger = state.inTransaction(tx -> tx.inventory().find(link.vendorSkuCode()));
                wrong.add(link.sku() + " (" + link.vendorSkuCode() + "): host " + expected + " " + stock.get(
                        link.vendorSkuCode()) + ", Babyshop " + (received == null ? "nothing" : received.invQty())
                        + ", engine ledger " + ledger.map(Object::toString).orElse("none") + ", link " + link);
            }
        }
        assertThat(wrong).as("SKUs whose latest Babyshop quantity is not the host's").isEmpty();
        List<InventoryState> pending = state.inTransaction(tx -> tx.inventory().pending(1_000));
        assertThat(pending).as("inventory still queued").isEmpty();
        return links.size();
    }

    /**
     * Every host event was settled DONE; each packed order got one invoice and its label, each shipped order
     * one shipment, each host-cancelled order one orderCancellation; no order got two of any.
     */
    void assertOutboundOnce(Set<String> packed, Set<String> shipped, Set<String> cancelledInHost) {
        List<JdbcTestHost.EventRow> events = host.eventRows();
        Map<String, OutboxEntry> entries = state.inTransaction(tx -> {
            Map<String, OutboxEntry> found = new HashMap<>();
            events.forEach(e -> tx.outbox().find(e.eventId()).ifPresent(entry -> found.put(e.eventId(), entry)));
            return found;
        });
        List<String> unsettled = events.stream()
                .filter(e -> !Optional.ofNullable(entries.get(e.eventId())).map(OutboxEntry::status)
                        .equals(Optional.of(OutboxStatus.DONE)))
                .map(e -> e.eventId() + " " + e.type() + " " + e.orderNo() + ": "
                        + Optional.ofNullable(entries.get(e.eventId())).map(x -> x.status() + " " + x.lastError().orElse(""))
                        .orElse("not in the outbox"))
                .toList();
        assertThat(unsettled).as("host events not settled DONE").isEmpty();
        Set<String> packedEvents = events.stream().filter(e -> e.type() == HostEventType.PACKED)
                .map(JdbcTestHost.EventRow::orderNo).collect(Collectors.toCollection(TreeSet::new));
        assertThat(packedEvents).as("orders with a PACKED event").isEqualTo(new TreeSet<>(packed));

        Map<String, Long> invoices = countBy(sim.store().invoices().stream().filter(IssuedInvoice::viaApi).toList(),
                IssuedInvoice::orderNo);
        assertThat(invoices.keySet()).as("orders invoiced through the API").isEqualTo(new TreeSet<>(packed));
        assertThat(duplicates(invoices)).as("orders invoiced twice").isEmpty();
        Map<String, JdbcTestHost.LabelRow> labels = host.labels();
        assertThat(new TreeSet<>(labels.keySet())).as("orders whose AWB label reached the host")
                .isEqualTo(new TreeSet<>(packed));
        for (JdbcTestHost.LabelRow label : labels.values()) {
            assertThat(label.bytes()).as("label of %s", label.orderNo()).isPositive();
        }

        Map<String, Long> shipments = countBy(sim.store().shipments(), ReceivedShipment::orderNo);
        assertThat(shipments.keySet()).as("orders shipped through the API").isEqualTo(new TreeSet<>(shipped));
        assertThat(duplicates(shipments)).as("orders shipped twice").isEmpty();

        Map<String, Long> cancellations = countBy(sim.store().cancellations().stream()
                .filter(c -> c.source() == CancellationRecord.Source.SELLER_API).toList(), CancellationRecord::orderNo);
        assertThat(cancellations.keySet()).as("orders cancelled through the API").isEqualTo(new TreeSet<>(cancelledInHost));
        assertThat(duplicates(cancellations)).as("orders cancelled twice through the API").isEmpty();
    }

    /** Per SKU, how many received entries repeat the quantity of the entry just before (a push sent again). */
    static Map<String, Integer> repeatedPushes(List<InventoryUpdate> updates) {
        Map<String, BigDecimal> last = new HashMap<>();
        Map<String, Integer> repeats = new TreeMap<>();
        for (InventoryUpdate update : updates) {
            BigDecimal previous = last.put(update.sku(), update.invQty());
            if (previous != null && update.invQty() != null && previous.compareTo(update.invQty()) == 0) {
                repeats.merge(update.sku(), 1, Integer::sum);
            }
        }
        return repeats;
    }

    /** What {@code wanted} has and {@code present} lacks, each with its Babyshop status and last update. */
    private List<String> missing(Set<String> wanted, Set<String> present) {
        List<String> missing = new ArrayList<>();
        for (String orderNo : new TreeSet<>(wanted)) {
            if (!present.contains(orderNo)) {
                missing.add(orderNo + sim.store().order(orderNo).map(o -> " (status " + o.status() + ", updated "
                        + o.lastUpdate() + ")").orElse(""));
            }
        }
        return missing;
    }

    private static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static List<String> duplicates(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " x" + e.getValue())
                .toList();
    }
}
