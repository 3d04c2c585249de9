package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.support.FakeQuota;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Babyshop that records every call and applies the outbound writes to its orders, so a read-back sees
 * them. Failures are planned per operation: thrown before the write ({@link #failNext}) or after it was
 * applied ({@link #failAfterApplying}, the "crash between the send and the answer"). Single-threaded.
 */
final class OutboundFakeChannel implements ChannelGateway {
    /** Every call in order, e.g. {@code createInvoice:A1}. */
    final List<String> calls = new ArrayList<>();
    /** Every invoice request received. */
    final List<InvoiceRequest> invoiceRequests = new ArrayList<>();
    /** Every shipment received. */
    final List<Shipment> shipments = new ArrayList<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<Operation, Deque<Plan>> plans = new EnumMap<>(Operation.class);
    private int invoices;
    private int labelMisses;
    private final FakeQuota quota = new FakeQuota(null);

    private record Plan(Throwable failure, boolean applyFirst) {
        RuntimeException raise() {
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw (RuntimeException) failure;
        }
    }

    /** Babyshop holds {@code order}. */
    OutboundFakeChannel put(Order order) {
        orders.put(order.orderNo(), order);
        return this;
    }

    /** The order as Babyshop holds it now. */
    Order order(String orderNo) {
        return orders.get(orderNo);
    }

    /** The next call of {@code operation} throws {@code failure} without applying anything. */
    OutboundFakeChannel failNext(Operation operation, RuntimeException failure) {
        plans.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Plan(failure, false));
        return this;
    }

    /**
     * The next call of {@code operation} applies its write, then throws {@code failure}: an exception (the
     * answer was lost) or an {@link Error} (the engine's process died before it heard the answer).
     */
    OutboundFakeChannel failAfterApplying(Operation operation, Throwable failure) {
        plans.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Plan(failure, true));
        return this;
    }

    /** The next {@code times} label downloads answer 404 (labels lag behind invoices). */
    OutboundFakeChannel labelMissing(int times) {
        labelMisses = times;
        return this;
    }

    /** The quota budget: {@code remaining} calls left now, one fewer after each call (see {@link FakeQuota}). */
    OutboundFakeChannel quotaRemaining(int remaining) {
        quota.remaining(remaining);
        return this;
    }

    /** How many calls were made of {@code name} ({@code createInvoice}, {@code ship}, ...). */
    long count(String name) {
        return calls.stream().filter(call -> call.startsWith(name + ":")).count();
    }

    private Plan call(Operation operation, String name, String key) {
        quota.take(name);
        calls.add(name + ":" + key);
        Deque<Plan> planned = plans.get(operation);
        Plan plan = planned == null ? null : planned.poll();
        if (plan != null && !plan.applyFirst()) {
            throw plan.raise();
        }
        return plan;
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        call(Operation.ORDER_FETCH, "fetchOrders", String.join(",", orderNos));
        List<Order> found = new ArrayList<>();
        for (String orderNo : orderNos) {
            if (orders.containsKey(orderNo)) {
                found.add(orders.get(orderNo));
            }
        }
        return Records.<Order>builder().records(found).build();
    }

    @Override
    public String createInvoice(InvoiceRequest request) {
        Plan plan = call(Operation.GENERATE_INVOICE, "createInvoice", request.orderNo());
        invoiceRequests.add(request);
        Order order = orders.get(request.orderNo());
        if (order == null) {
            throw new NotFoundException(Operation.GENERATE_INVOICE, 101, "OrderNo or LineNo not identified.",
                    "order or line not found");
        }
        String invoiceNo = "INV-" + (++invoices);
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            InvoiceLineRequest invoiced = request.lines().stream().filter(l -> l.lineNo().equals(line.lineNo()))
                    .findFirst().orElse(null);
            lines.add(invoiced == null ? line : io.github.babyshopsdk.client.model.OrderLine.builder().from(line).invoiceNo(invoiceNo).awbNo(invoiced.trackingNo()).transporterName(invoiced.transporterName()).build());
        }
        orders.put(order.orderNo(), io.github.babyshopsdk.client.model.Order.builder().from(order).lines(lines).build());
        if (plan != null) {
            throw plan.raise();
        }
        return invoiceNo;
    }

    @Override
    public Document fetchLabel(String invoiceNo) {
        call(Operation.FETCH_DOCUMENTS, "fetchLabel", invoiceNo);
        if (labelMisses > 0) {
            labelMisses--;
            throw new NotFoundException(Operation.FETCH_DOCUMENTS, 404, "Not Found", "no such document");
        }
        return Document.of(("%PDF-label " + invoiceNo).getBytes(StandardCharsets.US_ASCII), "application/pdf",
                invoiceNo + ".pdf");
    }

    @Override
    public void ship(Shipment shipment) {
        Plan plan = call(Operation.ORDER_SHIPPING, "ship", shipment.orderNo());
        shipments.add(shipment);
        setStatus(shipment.orderNo(), "15");
        if (plan != null) {
            throw plan.raise();
        }
    }

    @Override
    public void cancel(String orderNo) {
        Plan plan = call(Operation.ORDER_CANCELLATION, "cancel", orderNo);
        setStatus(orderNo, "8");
        if (plan != null) {
            throw plan.raise();
        }
    }

    private void setStatus(String orderNo, String code) {
        Order order = orders.get(orderNo);
        if (order != null) {
            orders.put(orderNo, io.github.babyshopsdk.client.model.Order.builder().from(order).statusCode(code).build());
        }
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

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        throw new UnsupportedOperationException("not used by the outbound flows");
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        throw new UnsupportedOperationException("not used by the outbound flows");
    }

    @Override
    public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
        throw new UnsupportedOperationException("not used by the outbound flows");
    }

    @Override
    public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
        throw new UnsupportedOperationException("not used by the outbound flows");
    }
}
