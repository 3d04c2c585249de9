package io.github.babyshopsdk.sync.notify;

import java.util.Locale;
import java.util.Set;

/**
 * Which field names can carry an order number, and which carry an embedded JSON document. A name is compared after
 * lower-casing it (ROOT locale) and removing {@code _} and {@code -}, so {@code orderNo}, {@code OrderNo},
 * {@code order_no}, {@code ORDER-NO} are one name. Stateless; not instantiable.
 *
 * <p>Order-number fields: {@code orderNo}, {@code orderNumber}, {@code masterOrderNo}, {@code masterOrderNumber} and
 * their plurals {@code orderNos}, {@code orderNumbers}, {@code masterOrderNos}, {@code masterOrderNumbers}. Both the
 * order and the master order number are taken because SellerPanel's reference does not say which one orderFetch takes
 * (Q42): a number orderFetch does not know is dropped by the engine after its fetches say so. Deliberately NOT taken:
 * {@code orderId}, {@code id}, {@code extOrderNo}, {@code parentOrderNo}, {@code invoiceNo} and the like, which name
 * other numbers, and the bare scalar members of {@code orders}/{@code orderList} arrays (their objects are read).
 */
final class OrderFields {
    private static final Set<String> ORDER_NUMBER_NAMES = Set.of(
            "orderno", "ordernumber", "masterorderno", "masterordernumber",
            "ordernos", "ordernumbers", "masterordernos", "masterordernumbers");
    /** Vinculum's own request envelope: a form field (or a JSON member) whose value is a JSON document. */
    private static final String REQUEST_BODY = "requestbody";
    /** Longer names are never one of ours: not normalised at all. */
    private static final int LONGEST_NAME = 24;

    /** What a field's value is to the parser. */
    enum Kind {
        /** An order number, or an array of them. */
        ORDER_NUMBER,
        /** A JSON document held in a string. */
        EMBEDDED_JSON,
        /** Anything else: ignored, though nested objects are still searched. */
        OTHER
    }

    private OrderFields() {
    }

    static Kind kind(String name) {
        if (name == null || name.isEmpty() || name.length() > LONGEST_NAME) {
            return Kind.OTHER;
        }
        StringBuilder normal = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '-') {
                normal.append(c);
            }
        }
        String key = normal.toString().toLowerCase(Locale.ROOT);
        if (ORDER_NUMBER_NAMES.contains(key)) {
            return Kind.ORDER_NUMBER;
        }
        return REQUEST_BODY.equals(key) ? Kind.EMBEDDED_JSON : Kind.OTHER;
    }
}
