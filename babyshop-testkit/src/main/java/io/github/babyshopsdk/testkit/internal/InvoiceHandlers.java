package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** generateInvoice and fetchInvoice. */
public final class InvoiceHandlers {

    private final Services s;

    /**
     * Handlers over shared services.
     *
     * @param services the services
     */
    public InvoiceHandlers(Services services) {
        this.s = services;
    }

    /**
     * generateInvoice. Checks, in this order: missing or empty {@code orderItemsList} 5; an item
     * without {@code orderNo} 103; items of more than one order 102; unknown order or line 101;
     * blank {@code transporterName} or {@code trackingNo} on the first item, or a supplied
     * {@code invoiceNo} that already exists, 9; an order or line that is cancelled, or an order
     * already shipped (15 or later), 324. On success one invoice is created per call (numbered
     * {@code BSINV0000001}... unless one is supplied), the lines get invoice, transporter and AWB and
     * move to Ready for Ship (10), as does the order if it was Pending or Confirmed.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse generateInvoice(Call call) {
        JsonNode list = call.body().get("orderItemsList");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ApiError(Codes.EMPTY_REQUEST, "orderItemsList missing or empty");
        }
        Set<String> orderNos = new LinkedHashSet<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw new ApiError(Codes.GENERIC_ERROR, "orderItemsList entry is not an object");
            }
            String no = RequestArgs.text(item, "orderNo");
            if (RequestArgs.blank(no)) {
                throw new ApiError(Codes.ORDER_NO_MANDATORY, "orderNo missing");
            }
            orderNos.add(no.trim());
        }
        if (orderNos.size() > 1) {
            throw new ApiError(Codes.MULTIPLE_ORDERS, "several orders");
        }
        return s.state().atomically(() -> {
            SimOrder order = s.state().findOrder(orderNos.iterator().next())
                    .orElseThrow(() -> new ApiError(Codes.ORDER_OR_LINE_UNKNOWN, "unknown order"));
            Map<Integer, JsonNode> byLine = new LinkedHashMap<>();
            for (JsonNode item : list) {
                int lineNo = lineNo(item);
                if (order.line(lineNo).isEmpty()) {
                    throw new ApiError(Codes.ORDER_OR_LINE_UNKNOWN, "unknown line");
                }
                byLine.putIfAbsent(lineNo, item);
            }
            JsonNode first = list.get(0);
            String transporter = RequestArgs.text(first, "transporterName");
            String tracking = RequestArgs.text(first, "trackingNo");
            if (RequestArgs.blank(transporter) || RequestArgs.blank(tracking)) {
                throw new ApiError(Codes.GENERIC_ERROR, "transporterName and trackingNo are required");
            }
            if (order.status() == OrderStatus.CANCELLED.code() || order.status() >= OrderStatus.SHIPPED.code()
                    || byLine.keySet().stream().anyMatch(
                            n -> order.line(n).orElseThrow().status() == OrderStatus.CANCELLED.code())) {
                throw new ApiError(Codes.INVOICE_NOT_GENERATED, "order or line cannot be invoiced");
            }
            String invoiceNo = supplied(list);
            if (invoiceNo != null && s.state().invoice(invoiceNo).isPresent()) {
                throw new ApiError(Codes.GENERIC_ERROR, "invoiceNo already used");
            }
            String no = invoiceNo != null ? invoiceNo : s.state().nextInvoiceNo();
            SimOrder changed = order;
            for (Map.Entry<Integer, JsonNode> e : byLine.entrySet()) {
                JsonNode item = e.getValue();
                String t = orElse(RequestArgs.text(item, "transporterName"), transporter);
                SimOrderLine line = changed.line(e.getKey()).orElseThrow()
                        .withInvoice(no, Transporters.codeOf(t), t, orElse(RequestArgs.text(item, "trackingNo"), tracking),
                                RequestArgs.text(item, "imeiNos"));
                if (line.status() < OrderStatus.READY_FOR_SHIP.code()) {
                    line = line.withStatus(OrderStatus.READY_FOR_SHIP.code());
                    if (line.confirmDate() == null) {
                        line = line.withConfirmDate(s.state().now());
                    }
                }
                changed = changed.withLine(line);
            }
            if (changed.status() == OrderStatus.PENDING.code() || changed.status() == OrderStatus.CONFIRMED.code()) {
                changed = changed.withStatus(OrderStatus.READY_FOR_SHIP.code());
            }
            s.state().saveOrder(changed, "invoiced " + no);
            s.state().addInvoice(new IssuedInvoice(no, order.orderNo(), new ArrayList<>(byLine.keySet()), transporter,
                    tracking, RequestArgs.text(first, "imeiNos"), RequestArgs.text(first, "length"),
                    RequestArgs.text(first, "bredth"), RequestArgs.text(first, "height"),
                    RequestArgs.text(first, "weight"), s.state().now(), true));
            ObjectNode out = SimResponse.success();
            out.put("invoiceNo", no);
            return SimResponse.json(Codes.SUCCESS, out);
        });
    }

    private static int lineNo(JsonNode item) {
        String t = RequestArgs.text(item, "lineNo");
        try {
            return Integer.parseInt(t == null ? "" : t.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(Codes.ORDER_OR_LINE_UNKNOWN, "lineNo missing or not a number");
        }
    }

    private static String supplied(JsonNode list) {
        for (JsonNode item : list) {
            String no = RequestArgs.text(item, "invoiceNo");
            if (!RequestArgs.blank(no)) {
                return no.trim();
            }
        }
        return null;
    }

    private static String orElse(String value, String fallback) {
        return RequestArgs.blank(value) ? fallback : value;
    }

    /**
     * fetchInvoice: blank {@code invoiceNo} answers 5; an unknown invoice answers 0 with an empty
     * {@code invoiceItems} (the reference documents no not-found code); otherwise one item per
     * invoiced line with the order's current state.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse fetchInvoice(Call call) {
        String invoiceNo = RequestArgs.text(call.body(), "invoiceNo");
        if (RequestArgs.blank(invoiceNo)) {
            throw new ApiError(Codes.EMPTY_REQUEST, "invoiceNo missing");
        }
        return s.state().atomically(() -> {
            ObjectNode out = SimResponse.success();
            ArrayNode items = out.putArray("invoiceItems");
            s.state().invoice(invoiceNo.trim()).ifPresent(inv -> s.state().findOrder(inv.orderNo()).ifPresent(o -> {
                for (int lineNo : inv.lineNos()) {
                    o.line(lineNo).ifPresent(l -> items.add(s.orderJson().invoiceItem(inv, o, l)));
                }
            }));
            return SimResponse.json(Codes.SUCCESS, out);
        });
    }
}
