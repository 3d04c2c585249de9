package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimOrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Consistent order/line transitions shared by handlers and store mutators. Stateless. */
public final class OrderMoves {

    private OrderMoves() {
    }

    /**
     * Moves the order and its open lines to a status, adjusting quantities: Cancelled cancels what
     * is not shipped; Shipped/Intransit ship the open quantity; Delivered ships and delivers it.
     * Lines already cancelled stay cancelled.
     *
     * @param o the order
     * @param status new status
     * @param now for confirmation dates
     * @return the changed order (last update not stamped)
     */
    public static SimOrder toStatus(SimOrder o, int status, Instant now) {
        List<SimOrderLine> lines = new ArrayList<>();
        for (SimOrderLine l : o.lines()) {
            if (l.status() == OrderStatus.CANCELLED.code() && status != OrderStatus.CANCELLED.code()) {
                lines.add(l);
                continue;
            }
            int open = l.openQty();
            SimOrderLine n = switch (status) {
                case 8 -> l.withQuantities(l.orderQty(), l.orderQty() - l.shippedQty(), l.shippedQty(),
                        l.deliveredQty(), l.returnedQty());
                case 15, 20 -> l.withQuantities(l.orderQty(), l.cancelledQty(), open, l.deliveredQty(),
                        l.returnedQty());
                case 25 -> l.withQuantities(l.orderQty(), l.cancelledQty(), open, open, l.returnedQty());
                default -> l;
            };
            if (status != OrderStatus.PENDING.code() && n.confirmDate() == null && status != 8) {
                n = n.withConfirmDate(now);
            }
            lines.add(n.withStatus(status));
        }
        return o.withLines(lines).withStatus(status);
    }

    /**
     * Cancels the whole order.
     *
     * @param o the order
     * @param remark cancellation remark
     * @param now time
     * @return the changed order (last update not stamped)
     */
    public static SimOrder cancel(SimOrder o, String remark, Instant now) {
        return toStatus(o, OrderStatus.CANCELLED.code(), now).withCancellation(remark, "1");
    }

    /**
     * Item-level change: the line's effective quantity becomes {@code newQty}. Below the ordered
     * quantity the difference is cancelled (the line is Cancelled at 0); above it the ordered
     * quantity grows. When every line ends up cancelled the order is Cancelled.
     *
     * @param o the order
     * @param lineNo line number
     * @param newQty new effective quantity, at least 0
     * @param now time
     * @return the changed order (last update not stamped)
     */
    public static SimOrder changeLineQty(SimOrder o, int lineNo, int newQty, Instant now) {
        if (newQty < 0) {
            throw new IllegalArgumentException("quantity must be >= 0");
        }
        SimOrderLine l = o.line(lineNo)
                .orElseThrow(() -> new IllegalArgumentException("order " + o.orderNo() + " has no line " + lineNo));
        SimOrderLine n = newQty <= l.orderQty()
                ? l.withQuantities(l.orderQty(), l.orderQty() - newQty, l.shippedQty(), l.deliveredQty(),
                        l.returnedQty())
                : l.withQuantities(newQty, 0, l.shippedQty(), l.deliveredQty(), l.returnedQty());
        if (newQty == 0) {
            n = n.withStatus(OrderStatus.CANCELLED.code());
        }
        SimOrder changed = o.withLine(n);
        boolean allCancelled = changed.lines().stream().allMatch(x -> x.status() == OrderStatus.CANCELLED.code());
        return allCancelled ? cancel(changed, "All items cancelled", now) : changed;
    }
}
