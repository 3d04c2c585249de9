package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.NotificationEvent;
import io.github.babyshopsdk.testkit.NotificationShape;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes order notification bodies in each {@link NotificationShape}, with the order numbers and a few fields a
 * receiver must ignore (event name, status label and code, time, seller id). Immutable and thread-safe.
 */
public final class NotificationPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dates dates;
    private final String sellerId;

    /**
     * Bodies with dates in the simulator's zone.
     *
     * @param dates the date format
     * @param sellerId the seller id written in the bodies
     */
    public NotificationPayloads(Dates dates, String sellerId) {
        this.dates = dates;
        this.sellerId = sellerId;
    }

    /**
     * The body of one notification.
     *
     * @param shape the shape
     * @param event why it is sent
     * @param order the order after the change
     * @param at the time of the change
     * @return the body text (UTF-8 on the wire)
     */
    public String body(NotificationShape shape, NotificationEvent event, SimOrder order, Instant at) {
        String eventName = event == NotificationEvent.CREATED ? "ORDER_CREATED" : "ORDER_STATUS_CHANGED";
        String label = OrderStatus.of(order.status()).map(OrderStatus::label).orElse(String.valueOf(order.status()));
        ObjectNode root = JSON.createObjectNode();
        switch (shape) {
            case ORDER_NO -> {
                root.put("orderNo", order.orderNo());
                root.put("orderStatus", label);
                root.put("statusCode", String.valueOf(order.status()));
                root.put("event", eventName);
                root.put("updatedDate", dates.format(at));
            }
            case WITH_MASTER_ORDER_NO -> {
                root.put("masterOrderNo", order.masterOrderNo());
                root.put("orderNo", order.orderNo());
                root.put("status", label);
                root.put("notificationType", eventName);
                root.put("sellerId", sellerId);
            }
            case ORDERS_ARRAY -> {
                root.put("event", eventName);
                root.put("timestamp", dates.format(at));
                ObjectNode entry = root.putArray("orders").addObject();
                entry.put("orderNo", order.orderNo());
                entry.put("masterOrderNo", order.masterOrderNo());
                entry.put("orderStatus", label);
                entry.put("lineCount", order.lines().size());
            }
            case FORM_REQUEST_BODY -> {
                root.put("orderNo", order.orderNo());
                root.put("masterOrderNo", order.masterOrderNo());
                root.put("orderStatus", label);
                root.put("event", eventName);
                return "RequestBody=" + URLEncoder.encode(root.toString(), StandardCharsets.UTF_8);
            }
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        }
        return root.toString();
    }
}
