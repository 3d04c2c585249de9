package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.BackOrderItem;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.OrderChange;
import io.github.babyshopsdk.testkit.ReceivedShipment;
import io.github.babyshopsdk.testkit.ServedDocument;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimReturn;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The simulated marketplace's data. Every method holds one reentrant lock, and
 * {@link #atomically(Supplier)} lets a handler validate and apply a change as one step.
 *
 * <p>The listings are indexed: orders (per JIT family) in {@link #ORDER_LISTING} order and products in
 * {@link #PRODUCT_LISTING} and SKU order are kept in {@link RankedTree}s updated on every insert and update, so
 * a listing is an O(log n) snapshot and a page of it costs O(page + log n) (an orderList with a status filter
 * scans the listing's tail once, without sorting).
 */
public final class State {

    /** Listing order of orders: last update, then order number. */
    public static final Comparator<SimOrder> ORDER_LISTING =
            Comparator.comparing(SimOrder::lastUpdate).thenComparing(SimOrder::orderNo);
    /** Listing order of products: last update, then SKU. */
    public static final Comparator<SimProduct> PRODUCT_LISTING =
            Comparator.comparing(SimProduct::lastUpdate).thenComparing(SimProduct::sku);

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final Duration moderationDelay;
    private final String sellerId;
    private final FixtureGenerator live;

    private final Map<String, SimOrder> orders = new HashMap<>();
    private final Map<String, String> orderNoByMaster = new HashMap<>();
    private final Map<String, SimProduct> products = new HashMap<>();
    private RankedTree<SimOrder> orderIndex = RankedTree.empty(ORDER_LISTING);
    private RankedTree<SimOrder> jitOrderIndex = RankedTree.empty(ORDER_LISTING);
    private RankedTree<SimProduct> productsBySku = RankedTree.empty(Comparator.comparing(SimProduct::sku));
    private RankedTree<SimProduct> productIndex = RankedTree.empty(PRODUCT_LISTING);
    private final List<InventoryUpdate> inventory = new ArrayList<>();
    private final Map<Long, InventoryUpdate> moderations = new HashMap<>();
    private final Map<Long, String> moderationVerdicts = new HashMap<>();
    private final Map<String, IssuedInvoice> invoices = new LinkedHashMap<>();
    private final List<ReceivedShipment> shipments = new ArrayList<>();
    private final List<CancellationRecord> cancellations = new ArrayList<>();
    private final List<ServedDocument> documents = new ArrayList<>();
    private final Map<String, SimReturn> returns = new LinkedHashMap<>();
    private final List<OrderChange> changes = new ArrayList<>();
    private List<BackOrderItem> backOrders;
    private long nextOrderSeq;
    private int nextProductSeq;
    private long nextInvoiceSeq;
    private long nextReturnSeq;
    private long nextModerationId = 1001;
    private OrderObserver observer = OrderObserver.NONE;

    /**
     * Loads the initial data.
     *
     * @param clock simulated clock
     * @param moderationDelay time from an inventory submission to its approval
     * @param sellerId the seller id orderReturn accepts
     * @param data fixture data
     * @param liveRandom random for orders generated later
     */
    public State(Clock clock, Duration moderationDelay, String sellerId, FixtureData data, Random liveRandom) {
        this.clock = clock;
        this.moderationDelay = moderationDelay;
        this.sellerId = sellerId;
        this.live = new FixtureGenerator(liveRandom);
        data.products().forEach(this::indexProduct);
        data.orders().forEach(this::index);
        data.invoices().forEach(i -> invoices.put(i.invoiceNo(), i));
        data.returns().forEach(r -> returns.put(r.internalReturnNo(), r));
        this.backOrders = data.backOrders();
        this.nextOrderSeq = data.orders().size() + 1L;
        this.nextProductSeq = data.products().size() + 1;
        this.nextInvoiceSeq = data.invoices().size() + 1L;
        this.nextReturnSeq = data.returns().size() + 1L;
    }

    /**
     * Runs an action while holding the lock.
     *
     * @param action the action
     * @param <T> result type
     * @return its result
     */
    public <T> T atomically(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        atomically(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Sets who is told of every order stored from now on (see {@link OrderObserver}); replaces the previous one.
     *
     * @param orderObserver the observer, {@link OrderObserver#NONE} for none
     */
    public void observe(OrderObserver orderObserver) {
        locked(() -> observer = java.util.Objects.requireNonNull(orderObserver, "observer"));
    }

    /**
     * Current simulated time, truncated to seconds as the API reports it.
     *
     * @return now
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The configured seller id.
     *
     * @return the seller id
     */
    public String sellerId() {
        return sellerId;
    }

    // ---- orders ------------------------------------------------------------------------------

    private void index(SimOrder o) {
        SimOrder previous = orders.put(o.orderNo(), o);
        if (previous != null && !previous.masterOrderNo().equals(o.masterOrderNo())) {
            orderNoByMaster.remove(previous.masterOrderNo());
        }
        orderNoByMaster.put(o.masterOrderNo(), o.orderNo());
        if (previous != null) {
            if (previous.jit()) {
                jitOrderIndex = jitOrderIndex.without(previous);
            } else {
                orderIndex = orderIndex.without(previous);
            }
        }
        if (o.jit()) {
            jitOrderIndex = jitOrderIndex.with(o);
        } else {
            orderIndex = orderIndex.with(o);
        }
    }

    /**
     * Finds an order by order number or master order number.
     *
     * @param key either number
     * @return the order
     */
    public Optional<SimOrder> findOrder(String key) {
        return atomically(() -> {
            if (key == null) {
                return Optional.empty();
            }
            SimOrder o = orders.get(key);
            if (o == null && orderNoByMaster.containsKey(key)) {
                o = orders.get(orderNoByMaster.get(key));
            }
            return Optional.ofNullable(o);
        });
    }

    /**
     * All orders sorted by order number.
     *
     * @return a snapshot
     */
    public List<SimOrder> orders() {
        return atomically(() -> orders.values().stream().sorted(Comparator.comparing(SimOrder::orderNo)).toList());
    }

    /**
     * Orders as orderList sees them: updated at or after {@code since} (if given), in
     * {@code statuses} (if given), of the JIT family or not, sorted by (last update, order number).
     *
     * @param since lower bound, or null
     * @param statuses status filter, or null
     * @param jit JIT family
     * @return a snapshot
     */
    public List<SimOrder> orderListing(Instant since, Set<Integer> statuses, boolean jit) {
        return atomically(() -> {
            RankedTree<SimOrder> index = jit ? jitOrderIndex : orderIndex;
            List<SimOrder> tail = since == null ? index.asList()
                    : index.tail(index.countBelow(o -> o.lastUpdate().isBefore(since)));
            return statuses == null ? tail : tail.stream().filter(o -> statuses.contains(o.status())).toList();
        });
    }

    /**
     * Replaces an existing order, stamping its last update with now and logging the change.
     *
     * @param updated the new version (same order number)
     * @param what change description
     * @return the stored version
     */
    public SimOrder saveOrder(SimOrder updated, String what) {
        return atomically(() -> {
            if (!orders.containsKey(updated.orderNo())) {
                throw new IllegalArgumentException("no order " + updated.orderNo());
            }
            SimOrder previous = orders.get(updated.orderNo());
            SimOrder stamped = updated.withLastUpdate(now());
            index(stamped);
            changes.add(new OrderChange(stamped.lastUpdate(), stamped.orderNo(), what));
            observer.stored(previous, stamped);
            return stamped;
        });
    }

    /**
     * Adds a new order, stamping its last update with now.
     *
     * @param order the order
     * @param what change description
     * @return the stored version
     */
    public SimOrder insertOrder(SimOrder order, String what) {
        return atomically(() -> {
            if (orders.containsKey(order.orderNo())) {
                throw new IllegalArgumentException("order " + order.orderNo() + " exists");
            }
            SimOrder stamped = order.withLastUpdate(now());
            index(stamped);
            changes.add(new OrderChange(stamped.lastUpdate(), stamped.orderNo(), what));
            observer.stored(null, stamped);
            return stamped;
        });
    }

    /**
     * Generates and adds a new Pending order over the current SKUs.
     *
     * @param what change description
     * @param jit whether it is a JIT order
     * @return the order
     */
    public SimOrder generateOrder(String what, boolean jit) {
        return atomically(() -> {
            SimOrder o;
            do {
                o = live.newOrder(nextOrderSeq++, now(), productsBySku.asList());
            } while (orders.containsKey(o.orderNo()));
            return insertOrder(o.withJit(jit), what);
        });
    }

    /**
     * The order change log.
     *
     * @return a snapshot, oldest first
     */
    public List<OrderChange> changes() {
        return atomically(() -> List.copyOf(changes));
    }

    // ---- products ----------------------------------------------------------------------------

    /**
     * Finds a product.
     *
     * @param sku SKU code
     * @return the product
     */
    public Optional<SimProduct> product(String sku) {
        return atomically(() -> Optional.ofNullable(sku == null ? null : products.get(sku)));
    }

    /**
     * All products sorted by SKU.
     *
     * @return a snapshot
     */
    public List<SimProduct> products() {
        return atomically(() -> productsBySku.asList());
    }

    /**
     * Products updated at or after {@code since}, sorted by (last update, SKU).
     *
     * @param since lower bound, or null for all
     * @return a snapshot
     */
    public List<SimProduct> productListing(Instant since) {
        return atomically(() -> since == null ? productIndex.asList()
                : productIndex.tail(productIndex.countBelow(p -> p.lastUpdate().isBefore(since))));
    }

    /**
     * Adds or replaces a product, stamping its last update with now.
     *
     * @param product the product
     * @return the stored version
     */
    public SimProduct saveProduct(SimProduct product) {
        return atomically(() -> {
            SimProduct stamped = product.withLastUpdate(now());
            indexProduct(stamped);
            return stamped;
        });
    }

    /**
     * Generates and adds a new SKU, last updated now; its SKU code is new.
     *
     * @param invalidVendorSku whether its vendor SKU code is blank or null
     * @return the stored product
     */
    public SimProduct generateProduct(boolean invalidVendorSku) {
        return atomically(() -> {
            SimProduct p;
            do {
                p = live.product(nextProductSeq++, now(), invalidVendorSku);
            } while (products.containsKey(p.sku()));
            return saveProduct(p);
        });
    }

    private void indexProduct(SimProduct p) {
        SimProduct previous = products.put(p.sku(), p);
        if (previous != null) {
            productIndex = productIndex.without(previous);
        }
        productIndex = productIndex.with(p);
        productsBySku = productsBySku.with(p);
    }

    // ---- inventory ---------------------------------------------------------------------------

    /**
     * Records one received inventory entry under a new moderation id.
     *
     * @param sku SKU
     * @param qty quantity, may be null
     * @param price sale price, may be null
     * @param credential sender
     * @return the record
     */
    public InventoryUpdate recordInventory(String sku, BigDecimal qty, BigDecimal price, String credential) {
        return atomically(() -> {
            InventoryUpdate u = new InventoryUpdate(nextModerationId++, sku, qty, price, now(), credential);
            inventory.add(u);
            moderations.put(u.moderationId(), u);
            return u;
        });
    }

    /**
     * Every inventory entry received, oldest first.
     *
     * @return a snapshot
     */
    public List<InventoryUpdate> inventory() {
        return atomically(() -> List.copyOf(inventory));
    }

    /**
     * Finds an inventory entry by moderation id.
     *
     * @param id moderation id
     * @return the entry
     */
    public Optional<InventoryUpdate> moderation(long id) {
        return atomically(() -> Optional.ofNullable(moderations.get(id)));
    }

    /**
     * Moderation status now: "Pending" until the moderation delay has passed, then its verdict ("Approved"
     * unless {@link #decideModeration} set another).
     *
     * @param update an entry
     * @return the status text
     */
    public String moderationStatus(InventoryUpdate update) {
        if (clock.instant().isBefore(update.receivedAt().plus(moderationDelay))) {
            return "Pending";
        }
        return atomically(() -> moderationVerdicts.getOrDefault(update.moderationId(), "Approved"));
    }

    /**
     * Sets the final status a moderation turns to once the moderation delay has passed.
     *
     * @param id moderation id
     * @param verdict the final status, e.g. "Rejected"
     * @return whether the id is known
     */
    public boolean decideModeration(long id, String verdict) {
        return atomically(() -> {
            if (!moderations.containsKey(id)) {
                return false;
            }
            moderationVerdicts.put(id, verdict);
            return true;
        });
    }

    // ---- invoices, shipments, cancellations, documents ---------------------------------------

    /**
     * Reserves the next generated invoice number that is not taken.
     *
     * @return the number
     */
    public String nextInvoiceNo() {
        return atomically(() -> {
            String no;
            do {
                no = Numbers.invoiceNo(nextInvoiceSeq++);
            } while (invoices.containsKey(no));
            return no;
        });
    }

    /**
     * Finds an invoice.
     *
     * @param invoiceNo number
     * @return the invoice
     */
    public Optional<IssuedInvoice> invoice(String invoiceNo) {
        return atomically(() -> Optional.ofNullable(invoiceNo == null ? null : invoices.get(invoiceNo)));
    }

    /**
     * Stores an invoice.
     *
     * @param invoice the invoice
     */
    public void addInvoice(IssuedInvoice invoice) {
        locked(() -> invoices.put(invoice.invoiceNo(), invoice));
    }

    /**
     * All invoices in creation order.
     *
     * @return a snapshot
     */
    public List<IssuedInvoice> invoices() {
        return atomically(() -> List.copyOf(invoices.values()));
    }

    /**
     * Records a shipment.
     *
     * @param s the shipment
     */
    public void addShipment(ReceivedShipment s) {
        locked(() -> shipments.add(s));
    }

    /**
     * All shipments received.
     *
     * @return a snapshot
     */
    public List<ReceivedShipment> shipments() {
        return atomically(() -> List.copyOf(shipments));
    }

    /**
     * Records a cancellation.
     *
     * @param c the cancellation
     */
    public void addCancellation(CancellationRecord c) {
        locked(() -> cancellations.add(c));
    }

    /**
     * All cancellations.
     *
     * @return a snapshot
     */
    public List<CancellationRecord> cancellations() {
        return atomically(() -> List.copyOf(cancellations));
    }

    /**
     * Records a served document.
     *
     * @param d the document
     */
    public void addDocument(ServedDocument d) {
        locked(() -> documents.add(d));
    }

    /**
     * All documents served.
     *
     * @return a snapshot
     */
    public List<ServedDocument> documents() {
        return atomically(() -> List.copyOf(documents));
    }

    // ---- returns and back orders -------------------------------------------------------------

    /**
     * All returns in creation order.
     *
     * @return a snapshot
     */
    public List<SimReturn> returns() {
        return atomically(() -> List.copyOf(returns.values()));
    }

    /**
     * Finds a return by return number or internal return number.
     *
     * @param number either number
     * @return the return
     */
    public Optional<SimReturn> findReturn(String number) {
        return atomically(() -> {
            SimReturn r = returns.get(number);
            if (r == null) {
                r = returns.values().stream().filter(x -> number.equals(x.returnNo())).findFirst().orElse(null);
            }
            return Optional.ofNullable(r);
        });
    }

    /**
     * Stores a return (new or changed).
     *
     * @param r the return
     * @return it
     */
    public SimReturn saveReturn(SimReturn r) {
        return atomically(() -> {
            returns.put(r.internalReturnNo(), r);
            return r;
        });
    }

    /**
     * Reserves a return sequence number.
     *
     * @return the next sequence
     */
    public long nextReturnSeq() {
        return atomically(() -> {
            long seq;
            do {
                seq = nextReturnSeq++;
            } while (returns.containsKey(Numbers.internalReturnNo(seq)));
            return seq;
        });
    }

    /**
     * The back-order book.
     *
     * @return the entries
     */
    public List<BackOrderItem> backOrders() {
        return atomically(() -> backOrders);
    }

    /**
     * Replaces the back-order book.
     *
     * @param items new entries
     */
    public void setBackOrders(List<BackOrderItem> items) {
        List<BackOrderItem> copy = List.copyOf(items);
        locked(() -> backOrders = copy);
    }
}
