package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.orders.OrderService;
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
 * The client's {@link OrderService}: each operation through the client's {@link CallExecutor} (one quota
 * permit per request, typed failures, retries where safe). Thread-safe; see the interface for the contract.
 */
final class HttpOrderService implements OrderService {
    /**
     * The most pages read for one call's numbers: the one page whose {@code limit} equals the count
     * requested, plus one for an answer that spills over. Paging also stops at a page that adds no
     * requested number not seen before.
     */
    static final int MAX_PAGES_PER_FETCH = 2;
    private static final Logger LOG = LoggerFactory.getLogger(HttpOrderService.class);

    private final CallExecutor executor;
    private final SellerPanelApi api;
    private final WireCodec codec;
    private final int maxPages;

    /** A service whose requests go through {@code executor}; listings stop after {@code maxPages} pages. */
    HttpOrderService(CallExecutor executor, SellerPanelApi api, WireCodec codec, int maxPages) {
        this.executor = executor;
        this.api = api;
        this.codec = codec;
        this.maxPages = maxPages;
    }

    @Override
    public Page<OrderSummary> listPage(OrderListQuery query) {
        return listPage(Operation.ORDER_LIST, query);
    }

    @Override
    public Pages<OrderSummary> list(OrderListQuery query) {
        return list(Operation.ORDER_LIST, query);
    }

    @Override
    public Page<OrderSummary> listJitPage(OrderListQuery query) {
        return listPage(Operation.ORDER_LIST_JIT, query);
    }

    @Override
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

    @Override
    public Records<Order> fetch(Collection<String> orderNos) {
        return fetch(Operation.ORDER_FETCH, orderNos);
    }

    @Override
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

    @Override
    public Page<ReturnOrder> returnsPage(ReturnQuery query) {
        Objects.requireNonNull(query, "query");
        String json = codec.orderReturn(query);
        return Page.of(query.pageNumber(), query.limit(),
                executor.json(Operation.ORDER_RETURN, key -> api.orderReturn(key, json), codec::returns));
    }

    @Override
    public Pages<ReturnOrder> returns(ReturnQuery query) {
        Objects.requireNonNull(query, "query");
        return Pages.of(page -> returnsPage(ReturnQuery.builder().from(query).pageNumber(page).build()),
                query.pageNumber(), maxPages);
    }
}
