package io.github.babyshopsdk.client.orders;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.internal.CallExecutor;
import io.github.babyshopsdk.client.internal.SellerPanelApi;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Order and return operations: {@code orderList}, {@code orderListJIT}, {@code orderFetch},
 * {@code orderFetchJIT} and {@code orderReturn}. Obtained from
 * {@link io.github.babyshopsdk.client.BabyshopClient#orders()}; thread-safe.
 *
 * <p>Fetch an order with the family it was listed with ({@code orderListJIT} then {@code orderFetchJIT}),
 * as the reference advises (Q41).
 */
public final class OrderService {
    /**
     * The most pages read for one call's numbers: the one page whose {@code limit} equals the count
     * requested, plus one for an answer that spills over. Paging also stops at a page that adds no
     * requested number not seen before.
     */
    static final int MAX_PAGES_PER_FETCH = 2;
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

    private final CallExecutor executor;
    private final SellerPanelApi api;
    private final WireCodec codec;
    private final int maxPages;

    /** Wiring for {@link io.github.babyshopsdk.client.BabyshopClient}; not for direct use. */
    public OrderService(CallExecutor executor, SellerPanelApi api, WireCodec codec, int maxPages) {
        this.executor = executor;
        this.api = api;
        this.codec = codec;
        this.maxPages = maxPages;
    }

    /** One page of {@code orderList}: the page and limit the query names. */
    public Page<OrderSummary> listPage(OrderListQuery query) {
        return listPage(Operation.ORDER_LIST, query);
    }

    /** Every page of {@code orderList} from the query's page on, fetched lazily. */
    public Pages<OrderSummary> list(OrderListQuery query) {
        return list(Operation.ORDER_LIST, query);
    }

    /** One page of {@code orderListJIT} (JIT vendors; status filter 7 and/or 10, Q40). */
    public Page<OrderSummary> listJitPage(OrderListQuery query) {
        return listPage(Operation.ORDER_LIST_JIT, query);
    }

    /** Every page of {@code orderListJIT}, fetched lazily. */
    public Pages<OrderSummary> listJit(OrderListQuery query) {
        return list(Operation.ORDER_LIST_JIT, query);
    }

    private Page<OrderSummary> listPage(Operation operation, OrderListQuery query) {
        Objects.requireNonNull(query, "query");
        String json = codec.orderList(query);
        return Page.of(query.pageNumber(), query.limit(), executor.json(operation,
                key -> operation == Operation.ORDER_LIST ? api.orderList(key, json) : api.orderListJit(key, json),
                codec::orderSummaries));
    }

    private Pages<OrderSummary> list(Operation operation, OrderListQuery query) {
        Objects.requireNonNull(query, "query");
        return Pages.of(page -> listPage(operation, OrderListQuery.builder().from(query).pageNumber(page).build()),
                query.pageNumber(), maxPages);
    }

    /**
     * Full orders by number ({@code orderFetch}): one request for 1 to {@link ChannelLimits#MAX_BATCH}
     * distinct numbers (duplicates are asked once), and one more page only while the answer is full and
     * some asked-for number has not come back (Q43): at most two requests. A page that adds no requested
     * number not seen before ends it (a server that keeps answering full pages of other orders cannot make
     * this page on). The API has no per-order error: numbers neither a record nor a failure of the answer
     * covers are listed in {@link Records#missing()}, in the order asked. A returned order answers both its
     * {@code orderNo} and its {@code masterOrderNo} (the reference says orderFetch takes master order numbers, while
     * orderList gives order numbers: Q42), so a number asked in either form is not missing when its order came back.
     *
     * @param orderNos 1 to {@link ChannelLimits#MAX_BATCH} distinct order numbers
     * @throws IllegalArgumentException if {@code orderNos} is empty, names more than
     *     {@link ChannelLimits#MAX_BATCH} distinct numbers, or a number is null or blank (nothing is sent)
     * @throws io.github.babyshopsdk.client.error.BabyshopException when a request fails
     */
    public Records<Order> fetch(Collection<String> orderNos) {
        return fetch(Operation.ORDER_FETCH, orderNos);
    }

    /** {@link #fetch} through {@code orderFetchJIT}; the same rules and exceptions. */
    public Records<Order> fetchJit(Collection<String> orderNos) {
        return fetch(Operation.ORDER_FETCH_JIT, orderNos);
    }

    private Records<Order> fetch(Operation operation, Collection<String> orderNos) {
        Objects.requireNonNull(orderNos, "orderNos");
        List<String> chunk = new ArrayList<>(new LinkedHashSet<>(orderNos));
        if (chunk.isEmpty() || chunk.size() > ChannelLimits.MAX_BATCH) {
            throw new IllegalArgumentException("orderNos must name 1 to " + ChannelLimits.MAX_BATCH
                    + " distinct order numbers (one request), was " + chunk.size());
        }
        List<Order> orders = new ArrayList<>();
        List<RecordFailure> failures = new ArrayList<>();
        int limit = chunk.size();
        Set<String> answered = new HashSet<>();
        int pageCap = Math.min(maxPages, MAX_PAGES_PER_FETCH);
        for (int page = 1; page <= pageCap; page++) {
            String json = codec.orderFetch(chunk, page, limit);
            Records<Order> records = executor.json(operation, key -> operation == Operation.ORDER_FETCH
                    ? api.orderFetch(key, json) : api.orderFetchJit(key, json), codec::orders);
            orders.addAll(records.records());
            failures.addAll(records.failures());
            int before = answered.size();
            // an order answers its order number and its master order number: the reference says orderFetch takes
            // master numbers while orderList gives order numbers (Q42), so either may have been asked
            records.records().forEach(order -> {
                answered.add(order.orderNo());
                order.masterOrderNo().ifPresent(answered::add);
            });
            records.failures().forEach(failure -> failure.key().ifPresent(answered::add));
            answered.retainAll(chunk);
            // a short page ends it; so does a full one that answered every number asked (Q43), and a full
            // one that answered no number not seen before (a server repeating itself)
            if (records.size() < limit || answered.containsAll(chunk) || answered.size() == before) {
                break;
            }
            if (page == pageCap && LOG.isDebugEnabled()) {
                LOG.debug("{}: stopped after {} pages for {} numbers", operation, page, limit);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String orderNo : chunk) {
            if (!answered.contains(orderNo)) {
                missing.add(orderNo);
            }
        }
        if (!missing.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("{}: asked for {} orders, {} not answered", operation, chunk.size(), missing.size());
        }
        return Records.<Order>builder().records(orders).failures(failures).missing(missing).build();
    }

    /** One page of {@code orderReturn}. */
    public Page<ReturnOrder> returnsPage(ReturnQuery query) {
        Objects.requireNonNull(query, "query");
        String json = codec.orderReturn(query);
        return Page.of(query.pageNumber(), query.limit(),
                executor.json(Operation.ORDER_RETURN, key -> api.orderReturn(key, json), codec::returns));
    }

    /** Every page of {@code orderReturn} from the query's page on, fetched lazily. */
    public Pages<ReturnOrder> returns(ReturnQuery query) {
        Objects.requireNonNull(query, "query");
        return Pages.of(page -> returnsPage(ReturnQuery.builder().from(query).pageNumber(page).build()),
                query.pageNumber(), maxPages);
    }
}
