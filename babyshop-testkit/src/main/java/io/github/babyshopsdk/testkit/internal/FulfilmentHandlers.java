package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.testkit.CancellationRecord;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.ReceivedShipment;
import io.github.babyshopsdk.testkit.SimOrder;
import java.util.ArrayList;
import java.util.List;

/** orderShipping and orderCancellation. */
public final class FulfilmentHandlers {

    private final Services s;

    /**
     * Handlers over shared services.
     *
     * @param services the services
     */
    public FulfilmentHandlers(Services services) {
        this.s = services;
    }

    /**
     * orderShipping: missing or empty {@code shipDetails} answers 5. Every entry must name a known
     * order that is not cancelled and an invoice of that order ({@code invNo}); otherwise the whole
     * batch answers 9 and nothing changes. Accepted entries are recorded and move their order (and
     * open lines) to Shipped (15) unless it is already at 15 or later.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse orderShipping(Call call) {
        JsonNode list = call.body().get("shipDetails");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ApiError(Codes.EMPTY_REQUEST, "shipDetails missing or empty");
        }
        return s.state().atomically(() -> {
            List<ReceivedShipment> accepted = new ArrayList<>();
            List<SimOrder> orders = new ArrayList<>();
            for (JsonNode e : list) {
                if (!e.isObject()) {
                    throw new ApiError(Codes.GENERIC_ERROR, "shipDetails entry is not an object");
                }
                String orderNo = RequestArgs.text(e, "orderNo");
                String invNo = RequestArgs.text(e, "invNo");
                SimOrder order = s.state().findOrder(orderNo == null ? null : orderNo.trim())
                        .orElseThrow(() -> new ApiError(Codes.GENERIC_ERROR, "unknown order"));
                IssuedInvoice inv = s.state().invoice(invNo == null ? null : invNo.trim())
                        .filter(i -> i.orderNo().equals(order.orderNo()))
                        .orElseThrow(() -> new ApiError(Codes.GENERIC_ERROR, "unknown invoice for the order"));
                if (order.status() == OrderStatus.CANCELLED.code()) {
                    throw new ApiError(Codes.GENERIC_ERROR, "order is cancelled");
                }
                orders.add(order);
                accepted.add(new ReceivedShipment(orderNo, inv.invoiceNo(), RequestArgs.text(e, "transporter"),
                        RequestArgs.text(e, "awbNo"), s.state().now()));
            }
            for (int i = 0; i < accepted.size(); i++) {
                SimOrder current = s.state().findOrder(orders.get(i).orderNo()).orElseThrow();
                if (current.status() < OrderStatus.SHIPPED.code()) {
                    s.state().saveOrder(OrderMoves.toStatus(current, OrderStatus.SHIPPED.code(), s.state().now()),
                            "shipped (invoice " + accepted.get(i).invoiceNo() + ")");
                }
                s.state().addShipment(accepted.get(i));
            }
            return SimResponse.json(Codes.SUCCESS, SimResponse.success());
        });
    }

    /**
     * orderCancellation: blank {@code orderNo} answers 5, an unknown order or one already shipped
     * (15 or later) 9. An order already cancelled answers 0 and is recorded as not applied;
     * otherwise the order and its lines move to Cancelled (8).
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse orderCancellation(Call call) {
        String orderNo = RequestArgs.text(call.body(), "orderNo");
        if (RequestArgs.blank(orderNo)) {
            throw new ApiError(Codes.EMPTY_REQUEST, "orderNo missing");
        }
        return s.state().atomically(() -> {
            SimOrder order = s.state().findOrder(orderNo.trim())
                    .orElseThrow(() -> new ApiError(Codes.GENERIC_ERROR, "unknown order"));
            boolean already = order.status() == OrderStatus.CANCELLED.code();
            if (!already && order.status() >= OrderStatus.SHIPPED.code()) {
                throw new ApiError(Codes.GENERIC_ERROR, "order already shipped");
            }
            if (!already) {
                s.state().saveOrder(OrderMoves.cancel(order, "Cancelled by seller", s.state().now()),
                        "cancelled by seller");
            }
            s.state().addCancellation(new CancellationRecord(order.orderNo(), CancellationRecord.Source.SELLER_API,
                    s.state().now(), !already));
            return SimResponse.json(Codes.SUCCESS, SimResponse.success());
        });
    }
}
