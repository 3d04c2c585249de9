package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.catalog.SkuRejection;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.support.FakeQuota;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A programmable Babyshop stand-in for the catalog and inventory flow tests. It lists a catalog by update
 * time in pages (or serves fixed pages as given, to play an API whose pages are out of order), answers
 * inventory pushes per SKU (accepted with a new moderation id, or not echoed; a push naming an unknown SKU is
 * refused as a whole with code 304, as the client reports it: {@link NotFoundException}), answers
 * moderation status look-ups, throws programmed failures, and records every call. Each call takes a
 * permit of a {@link FakeQuota} (charged to the tier {@link #forTier} set) that {@link #quota()} reports; a
 * refused call throws before it is recorded. The order and fulfilment operations fail the test:
 * these flows must not call them. Not thread-safe (one test, one thread).
 */
final class CatInvFakeChannel implements ChannelGateway {
    /** The moderation status of an accepted push unless programmed otherwise. */
    static final String PENDING = InventoryModeration.PENDING;

    private final List<Product> catalog = new ArrayList<>();
    private final Map<Integer, List<RecordFailure>> pageFailures = new HashMap<>();
    private List<List<Product>> fixedPages;
    private int pageSize = 100;
    private final Deque<RuntimeException> listFailures = new ArrayDeque<>();

    private final Set<String> unknownSkus = new HashSet<>();
    private final Set<String> silentSkus = new HashSet<>();
    private final Map<String, String> statusOnAccept = new HashMap<>();
    private final Deque<RuntimeException> pushFailures = new ArrayDeque<>();
    private Runnable duringPush = () -> { };
    private int nextModerationId = 1;

    private final Map<String, String> moderationSku = new HashMap<>();
    private final Map<String, String> moderationStatus = new HashMap<>();
    private final Deque<RuntimeException> moderationFailures = new ArrayDeque<>();

    private final FakeQuota quota = new FakeQuota(1_000);

    /** The {@code since} of each listing whose first page was requested (and granted a permit). */
    final List<Instant> listedSince = new ArrayList<>();
    /** The page numbers fetched, in order. */
    final List<Integer> pagesFetched = new ArrayList<>();
    /** The items of each inventory push, in order. */
    final List<List<InventoryItem>> pushes = new ArrayList<>();
    /** The ids of each moderation status look-up, in order. */
    final List<List<String>> moderationCalls = new ArrayList<>();

    // ---- programming -------------------------------------------------------------------------------

    CatInvFakeChannel product(Product product) {
        catalog.removeIf(existing -> existing.sku().equals(product.sku()));
        catalog.add(product);
        return this;
    }

    CatInvFakeChannel pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Adds unreadable records to page {@code pageNumber} of every listing. */
    CatInvFakeChannel pageFailure(int pageNumber, RecordFailure failure) {
        pageFailures.computeIfAbsent(pageNumber, n -> new ArrayList<>()).add(failure);
        return this;
    }

    /** Serves these pages as they are, whatever {@code since} is (page limit = {@link #pageSize(int)}). */
    CatInvFakeChannel fixedPages(List<List<Product>> pages) {
        this.fixedPages = pages;
        return this;
    }

    /** The next page fetch throws {@code failure}. */
    CatInvFakeChannel failNextPage(RuntimeException failure) {
        listFailures.add(failure);
        return this;
    }

    /** A push naming this SKU is refused as a whole with code 304 (as the API does, not saying which SKU). */
    CatInvFakeChannel unknownSku(String sku) {
        unknownSkus.add(sku);
        return this;
    }

    /** Pushes of this SKU are answered success without echoing it back (a rejection without a code). */
    CatInvFakeChannel silentSku(String sku) {
        silentSkus.add(sku);
        return this;
    }

    /** Accepted pushes of this SKU come back with this moderation status. */
    CatInvFakeChannel statusOnAccept(String sku, String status) {
        statusOnAccept.put(sku, status);
        return this;
    }

    /** The next push throws {@code failure}. */
    CatInvFakeChannel failNextPush(RuntimeException failure) {
        pushFailures.add(failure);
        return this;
    }

    /** Runs inside each push call, before it answers (to change state "concurrently"). */
    CatInvFakeChannel duringPush(Runnable hook) {
        this.duringPush = hook;
        return this;
    }

    /** Moderation look-ups of {@code moderationId} answer {@code status} from now on. */
    CatInvFakeChannel moderate(String moderationId, String status) {
        moderationStatus.put(moderationId, status);
        return this;
    }

    /** The next moderation look-up throws {@code failure}. */
    CatInvFakeChannel failNextModeration(RuntimeException failure) {
        moderationFailures.add(failure);
        return this;
    }

    /** The quota budget: {@code remaining} calls left now (see {@link FakeQuota}). */
    CatInvFakeChannel quotaRemaining(int remaining) {
        quota.remaining(remaining);
        return this;
    }

    int quotaRemaining() {
        return quota.remaining();
    }

    /** Every SKU pushed, in order, with repeats. */
    List<String> pushedSkus() {
        return pushes.stream().flatMap(List::stream).map(InventoryItem::sku).toList();
    }

    // ---- ChannelGateway ----------------------------------------------------------------------------

    @Override
    public Pages<Product> listProducts(Instant since) {
        return Pages.of(pageNumber -> page(since, pageNumber), 1, 1_000);
    }

    private Page<Product> page(Instant since, int pageNumber) {
        quota.take("productFetch");
        pagesFetched.add(pageNumber);
        if (pageNumber == 1) {
            listedSince.add(since); // a listing opened lazily is not a call: only a page request that was made counts
        }
        if (!listFailures.isEmpty()) {
            throw listFailures.poll();
        }
        List<Product> records;
        if (fixedPages != null) {
            records = pageNumber <= fixedPages.size() ? fixedPages.get(pageNumber - 1) : List.of();
        } else {
            List<Product> matching = catalog.stream()
                    .filter(p -> p.lastUpdated().map(t -> !t.isBefore(since)).orElse(true))
                    .sorted(Comparator.comparing((Product p) -> p.lastUpdated().orElse(Instant.MIN))
                            .thenComparing(Product::sku))
                    .toList();
            int from = Math.min(matching.size(), (pageNumber - 1) * pageSize);
            records = matching.subList(from, Math.min(matching.size(), from + pageSize));
        }
        return Page.<Product>builder().pageNumber(pageNumber).limit(pageSize).records(records)
                .failures(pageFailures.getOrDefault(pageNumber, List.of())).build();
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        quota.take("inventoryPriceUpdate");
        pushes.add(List.copyOf(items));
        duringPush.run();
        if (!pushFailures.isEmpty()) {
            throw pushFailures.poll();
        }
        if (items.isEmpty() || items.size() > 100
                || items.stream().map(InventoryItem::sku).distinct().count() != items.size()) {
            throw new IllegalArgumentException("a push takes 1 to 100 items, no SKU twice: " + items);
        }
        if (items.stream().map(InventoryItem::sku).anyMatch(unknownSkus::contains)) {
            // as the API: the whole call is refused, without saying which SKU is unknown
            throw new NotFoundException(Operation.INVENTORY_PRICE_UPDATE, 304,
                    "[SKU & Seller] Code Combination not found in the System.", "refused: an unknown SKU");
        }
        var result = InventoryUpdateResult.builder();
        for (InventoryItem item : items) {
            if (silentSkus.contains(item.sku())) {
                result.addRejected(SkuRejection.of(item.sku(), null, "the server did not echo the SKU back"));
            } else {
                String id = Integer.toString(nextModerationId++);
                moderationSku.put(id, item.sku());
                result.addAccepted(InventoryModeration.builder().moderationId(id).sku(item.sku())
                        .requestedQuantity(item.quantity()).status(statusOnAccept.getOrDefault(item.sku(), PENDING))
                        .build());
            }
        }
        return result.build();
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        quota.take("inventoryPriceStatus");
        moderationCalls.add(List.copyOf(moderationIds));
        if (!moderationFailures.isEmpty()) {
            throw moderationFailures.poll();
        }
        List<InventoryModeration> records = new ArrayList<>();
        for (String id : moderationIds) {
            if (moderationSku.containsKey(id)) {
                records.add(InventoryModeration.builder().moderationId(id).sku(moderationSku.get(id))
                        .status(moderationStatus.getOrDefault(id, PENDING)).build());
            }
        }
        return Records.<InventoryModeration>builder().records(records).build();
    }

    /** Charges the calls from now on to {@code tier} (single-threaded: the fake is its own view). */
    @Override
    public ChannelGateway forTier(int tier, QuotaWaiter waiter) {
        quota.chargeTo(tier);
        return this;
    }

    @Override
    public QuotaSnapshot quota() {
        return quota.snapshot();
    }

    // ---- not used by the catalog and inventory flows -----------------------------------------------

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        throw new AssertionError("the catalog and inventory flows must not list orders");
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        throw new AssertionError("the catalog and inventory flows must not fetch orders");
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        throw new AssertionError("the catalog and inventory flows must not create invoices");
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        throw new AssertionError("the catalog and inventory flows must not fetch labels");
    }

    @Override
    public void ship(Shipment shipment) {
        throw new AssertionError("the catalog and inventory flows must not ship");
    }

    @Override
    public void cancel(String orderNo) {
        throw new AssertionError("the catalog and inventory flows must not cancel");
    }
}
