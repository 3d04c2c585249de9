package io.github.babyshopsdk.testkit;

import io.github.babyshopsdk.testkit.internal.Numbers;
import io.github.babyshopsdk.testkit.internal.OrderMoves;
import io.github.babyshopsdk.testkit.internal.State;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The simulated marketplace's data: the record of truth (orders, SKUs, returns), what the simulator
 * received (inventory, invoices, shipments, cancellations, served documents), and mutators that
 * play the channel's side. Thread-safe: every method is atomic with respect to API calls. Views
 * return immutable snapshots. Every order mutator stamps the order's {@code orderLastUpdateDate}
 * with the clock's current second and appends to {@link #changes()}.
 */
public final class SimulatorStore {

    private final State state;

    SimulatorStore(State state) {
        this.state = state;
    }

    // ---- record of truth ---------------------------------------------------------------------

    /**
     * Every order (regular and JIT), sorted by order number.
     *
     * @return a snapshot
     */
    public List<SimOrder> orders() {
        return state.orders();
    }

    /**
     * One order.
     *
     * @param orderNo order number or master order number
     * @return the order, or empty
     */
    public Optional<SimOrder> order(String orderNo) {
        return state.findOrder(orderNo);
    }

    /**
     * What orderList with only {@code updateDate = since} would return over all its pages right
     * now: non-JIT orders with last update at or after {@code since}, sorted by (last update, order
     * number). Compare with what a client collected to find skipped or repeated orders.
     *
     * @param since the lower bound
     * @return a snapshot
     */
    public List<SimOrder> ordersUpdatedSince(Instant since) {
        return state.orderListing(Objects.requireNonNull(since, "since"), null, false);
    }

    /**
     * The order change log: every change made through the API, the mutators or a drift fault.
     *
     * @return a snapshot, oldest first
     */
    public List<OrderChange> changes() {
        return state.changes();
    }

    /**
     * Every SKU, sorted by SKU code.
     *
     * @return a snapshot
     */
    public List<SimProduct> products() {
        return state.products();
    }

    /**
     * One SKU.
     *
     * @param sku SKU code
     * @return the product, or empty
     */
    public Optional<SimProduct> product(String sku) {
        return state.product(sku);
    }

    /**
     * Every return, in creation order.
     *
     * @return a snapshot
     */
    public List<SimReturn> returns() {
        return state.returns();
    }

    /**
     * The back-order book answered by skuBackOrder.
     *
     * @return the entries
     */
    public List<BackOrderItem> backOrders() {
        return state.backOrders();
    }

    /**
     * The seller id orderReturn accepts in {@code sellerId}.
     *
     * @return the id
     */
    public String sellerId() {
        return state.sellerId();
    }

    // ---- what was received -------------------------------------------------------------------

    /**
     * Every inventory entry received by inventoryPriceUpdate, oldest first (the history with time).
     *
     * @return a snapshot
     */
    public List<InventoryUpdate> inventoryUpdates() {
        return state.inventory();
    }

    /**
     * The entries received for one SKU, oldest first.
     *
     * @param sku SKU code
     * @return a snapshot
     */
    public List<InventoryUpdate> inventoryHistory(String sku) {
        return state.inventory().stream().filter(u -> u.sku().equals(sku)).toList();
    }

    /**
     * The last entry received per SKU ("inventory as last received").
     *
     * @return SKU to latest entry, in SKU order of first receipt
     */
    public Map<String, InventoryUpdate> latestInventory() {
        Map<String, InventoryUpdate> latest = new LinkedHashMap<>();
        state.inventory().forEach(u -> latest.put(u.sku(), u));
        return java.util.Collections.unmodifiableMap(latest);
    }

    /** The {@link InventoryUpdate#credential()} of a stock level edited by hand ({@link #editStockByHand}). */
    public static final String BY_HAND = "seller-panel (by hand)";

    /**
     * Plays a seller (or Babyshop's own staff) changing a SKU's stock by hand in the seller panel, not through the
     * API: the SKU's stock on Babyshop becomes {@code qty}, as {@link #latestInventory()} and
     * {@link #inventoryHistory(String)} show it (the entry's credential is {@link #BY_HAND}, its price none); no
     * API call is recorded. The engine only learns of it by pushing again (a hard sync or the periodic
     * re-assertion), which replaces it.
     *
     * @param sku a SKU code of the catalog
     * @param qty the stock now on Babyshop, not negative
     * @return the entry recorded
     * @throws IllegalArgumentException for an unknown SKU or a negative quantity
     */
    public InventoryUpdate editStockByHand(String sku, java.math.BigDecimal qty) {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(qty, "qty");
        if (qty.signum() < 0) {
            throw new IllegalArgumentException("a stock level is not negative: " + qty);
        }
        if (product(sku).isEmpty()) {
            throw new IllegalArgumentException("unknown SKU " + sku);
        }
        return state.recordInventory(sku, qty, null, BY_HAND);
    }

    /**
     * The moderation status inventoryPriceStatus would answer now.
     *
     * @param moderationId a moderation id
     * @return "Pending", then "Approved" or the verdict set by {@link #decideModeration}; empty for an unknown id
     */
    public Optional<String> moderationStatus(long moderationId) {
        return state.moderation(moderationId).map(state::moderationStatus);
    }

    /**
     * Decides how a moderation ends: inventoryPriceStatus answers "Pending" for the simulator's moderation
     * delay after the entry was received (see {@code SellerPanelSimulator.Builder#moderationDelay}), then
     * {@code verdict} instead of "Approved" (e.g. "Rejected": a refusal). May be called before or after the
     * delay has passed.
     *
     * @param moderationId a moderation id answered by inventoryPriceUpdate
     * @param verdict the final status, not blank and not "Pending"
     * @throws IllegalArgumentException if the id is unknown or the verdict blank or "Pending"
     */
    public void decideModeration(long moderationId, String verdict) {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict.isBlank() || verdict.equalsIgnoreCase("Pending")) {
            throw new IllegalArgumentException("a verdict is a final status, not blank nor Pending: " + verdict);
        }
        if (!state.decideModeration(moderationId, verdict)) {
            throw new IllegalArgumentException("unknown moderation id " + moderationId);
        }
    }

    /**
     * Every invoice (fixture ones first, then those generated through the API).
     *
     * @return a snapshot
     */
    public List<IssuedInvoice> invoices() {
        return state.invoices();
    }

    /**
     * One invoice.
     *
     * @param invoiceNo invoice number
     * @return the invoice, or empty
     */
    public Optional<IssuedInvoice> invoice(String invoiceNo) {
        return state.invoice(invoiceNo);
    }

    /**
     * Every shipment accepted by orderShipping.
     *
     * @return a snapshot
     */
    public List<ReceivedShipment> shipments() {
        return state.shipments();
    }

    /**
     * Every cancellation, from the API and from {@link #cancelOnChannel(String)}.
     *
     * @return a snapshot
     */
    public List<CancellationRecord> cancellations() {
        return state.cancellations();
    }

    /**
     * Every document served by fetchDocuments.
     *
     * @return a snapshot
     */
    public List<ServedDocument> documents() {
        return state.documents();
    }

    // ---- mutators ----------------------------------------------------------------------------

    /**
     * Adds an order as given, except that its last update becomes now.
     *
     * @param order the order; its number must be new
     * @return the stored order
     * @throws IllegalArgumentException if the number exists
     */
    public SimOrder addOrder(SimOrder order) {
        return state.insertOrder(order, "added");
    }

    /**
     * Adds a realistic new Pending order over the current SKUs (seeded, so repeatable).
     *
     * @return the stored order
     * @throws IllegalStateException if the store has no SKUs
     */
    public SimOrder generateOrder() {
        return state.generateOrder("generated", false);
    }

    /**
     * Applies any change to an order.
     *
     * @param orderNo order number or master order number
     * @param change the change; must keep the order number
     * @return the stored order
     * @throws IllegalArgumentException for an unknown order
     */
    public SimOrder updateOrder(String orderNo, UnaryOperator<SimOrder> change) {
        return state.atomically(() -> state.saveOrder(change.apply(existing(orderNo)), "updated"));
    }

    /**
     * Moves an order and its open lines to a status (quantities follow: shipped, delivered or
     * cancelled), as the channel would.
     *
     * @param orderNo order number or master order number
     * @param status status code, e.g. {@code OrderStatus.SHIPPED.code()}
     * @return the stored order
     * @throws IllegalArgumentException for an unknown order
     */
    public SimOrder setOrderStatus(String orderNo, int status) {
        return state.atomically(() -> {
            SimOrder o = existing(orderNo);
            return state.saveOrder(OrderMoves.toStatus(o, status, state.now()),
                    "status " + o.status() + " -> " + status);
        });
    }

    /**
     * Cancels an order on the channel side (customer or marketplace): Cancelled (8), lines
     * cancelled, recorded in {@link #cancellations()} with source CHANNEL.
     *
     * @param orderNo order number or master order number
     * @return the stored order
     * @throws IllegalArgumentException for an unknown order
     */
    public SimOrder cancelOnChannel(String orderNo) {
        return state.atomically(() -> {
            SimOrder o = existing(orderNo);
            boolean already = o.status() == OrderStatus.CANCELLED.code();
            SimOrder saved = state.saveOrder(OrderMoves.cancel(o, "Cancelled by customer", state.now()),
                    "cancelled on channel");
            state.addCancellation(new CancellationRecord(o.orderNo(), CancellationRecord.Source.CHANNEL,
                    state.now(), !already));
            return saved;
        });
    }

    /**
     * Item-level change: the line's effective quantity becomes {@code newQty}. Below the ordered
     * quantity the difference becomes {@code cancelledQty} (the line is Cancelled at 0, and the
     * order too when no line is left); above it the ordered quantity grows.
     *
     * @param orderNo order number or master order number
     * @param lineNo line number
     * @param newQty the new quantity, at least 0
     * @return the stored order
     * @throws IllegalArgumentException for an unknown order or line, or a negative quantity
     */
    public SimOrder changeLineQuantity(String orderNo, int lineNo, int newQty) {
        return state.atomically(() -> {
            SimOrder o = existing(orderNo);
            return state.saveOrder(OrderMoves.changeLineQty(o, lineNo, newQty, state.now()),
                    "line " + lineNo + " quantity -> " + newQty);
        });
    }

    /**
     * Adds or replaces a SKU; its last update becomes now.
     *
     * @param product the product
     * @return the stored product
     */
    public SimProduct putProduct(SimProduct product) {
        return state.saveProduct(product);
    }

    /**
     * Changes a SKU; its last update becomes now.
     *
     * @param sku SKU code
     * @param change the change; must keep the SKU code
     * @return the stored product
     * @throws IllegalArgumentException for an unknown SKU
     */
    public SimProduct updateProduct(String sku, UnaryOperator<SimProduct> change) {
        return state.atomically(() -> {
            SimProduct p = state.product(sku).orElseThrow(() -> new IllegalArgumentException("no SKU " + sku));
            SimProduct changed = change.apply(p);
            if (!changed.sku().equals(sku)) {
                throw new IllegalArgumentException("the change must keep the SKU code");
            }
            return state.saveProduct(changed);
        });
    }

    /**
     * Raises a customer return (status Pending, 5) for a line of an order.
     *
     * @param orderNo order number or master order number
     * @param lineNo line number
     * @param qty returned quantity, 1..ordered quantity
     * @return the stored return
     * @throws IllegalArgumentException for an unknown order or line or a bad quantity
     */
    public SimReturn addReturn(String orderNo, int lineNo, int qty) {
        return state.atomically(() -> {
            SimOrder o = existing(orderNo);
            SimOrderLine line = o.line(lineNo)
                    .orElseThrow(() -> new IllegalArgumentException("order " + orderNo + " has no line " + lineNo));
            if (qty < 1 || qty > line.orderQty()) {
                throw new IllegalArgumentException("returned quantity must be 1.." + line.orderQty());
            }
            long seq = state.nextReturnSeq();
            Instant now = state.now();
            return state.saveReturn(new SimReturn(Numbers.internalReturnNo(seq), Numbers.returnNo(seq), o.orderNo(), 5,
                    "Delivered Return", now, null, null, now, null, null, null,
                    List.of(new SimReturn.Line(lineNo, qty))));
        });
    }

    /**
     * Moves a return to another status; its last update becomes now.
     *
     * @param returnNo return number or internal return number
     * @param status return status code (table 4.3)
     * @return the stored return
     * @throws IllegalArgumentException for an unknown return
     */
    public SimReturn setReturnStatus(String returnNo, int status) {
        return state.atomically(() -> {
            SimReturn r = state.findReturn(returnNo)
                    .orElseThrow(() -> new IllegalArgumentException("no return " + returnNo));
            return state.saveReturn(r.withStatus(status, state.now()));
        });
    }

    /**
     * Replaces the back-order book answered by skuBackOrder.
     *
     * @param items the entries
     */
    public void setBackOrders(List<BackOrderItem> items) {
        state.setBackOrders(items);
    }

    private SimOrder existing(String orderNo) {
        return state.findOrder(orderNo).orElseThrow(() -> new IllegalArgumentException("no order " + orderNo));
    }
}
