package io.github.babyshopsdk.testkit.internal;

import io.github.babyshopsdk.testkit.DriftRate;
import io.github.babyshopsdk.testkit.OrderStatus;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Continuous drift: the changes a busy store makes while a listing is read, applied by the listing handlers
 * after each page is computed (inside the state's lock, so the next page sees them). Updates touch records
 * the reader has already been served (those of the listing up to the end of the answered page, or any of
 * the listing when the page was past its end): each update moves its record to the end of the listing, so
 * a reader paging by page number skips the record that slides onto an already-read page. Inserts add new
 * records (stamped now). Every choice draws from the fault engine's drift random. Stateless.
 */
public final class ContinuousDrift {

    /** Share of inserted SKUs without a valid vendor SKU code, as in the default fixture. */
    static final double INVALID_VENDOR_SKU_SHARE = 0.15;

    private ContinuousDrift() {
    }

    /**
     * Applies one page's order drift: updates of served orders, then new Pending orders (none when the store
     * has no SKUs).
     *
     * @param s the services
     * @param rate the changes per page
     * @param listing the listing the page was cut from, before any change
     * @param pageEnd the index after the answered page's last order
     * @param jit whether the listing is orderListJIT (inserted orders are of the same family)
     * @return what changed, for the request log
     */
    public static String orders(Services s, DriftRate rate, List<SimOrder> listing, int pageEnd, boolean jit) {
        List<String> updated = new ArrayList<>();
        for (SimOrder victim : victims(s, listing, pageEnd, rate.updates())) {
            SimOrder current = s.state().findOrder(victim.orderNo()).orElse(victim);
            updateOrder(s, current);
            updated.add(current.orderNo());
        }
        List<String> inserted = new ArrayList<>();
        if (!s.state().products().isEmpty()) {
            for (int i = 0; i < rate.inserts(); i++) {
                inserted.add(s.state().generateOrder("inserted (drift)", jit).orderNo());
            }
        }
        return describe(updated, inserted);
    }

    /**
     * Applies one page's product drift: served SKUs re-stamped (their last update becomes now), then new SKUs
     * ({@value #INVALID_VENDOR_SKU_SHARE} of them without a valid vendor SKU code).
     *
     * @param s the services
     * @param rate the changes per page
     * @param listing the listing the page was cut from, before any change
     * @param pageEnd the index after the answered page's last product
     * @return what changed, for the request log
     */
    public static String products(Services s, DriftRate rate, List<SimProduct> listing, int pageEnd) {
        List<String> updated = new ArrayList<>();
        for (SimProduct victim : victims(s, listing, pageEnd, rate.updates())) {
            SimProduct current = s.state().product(victim.sku()).orElse(victim);
            s.state().saveProduct(current);
            updated.add(current.sku());
        }
        List<String> inserted = new ArrayList<>();
        for (int i = 0; i < rate.inserts(); i++) {
            boolean invalid = s.faults().chanceForDrift(INVALID_VENDOR_SKU_SHARE);
            inserted.add(s.state().generateProduct(invalid).sku());
        }
        return describe(updated, inserted);
    }

    /**
     * The update a drift makes to an order: a Pending order is confirmed, any other has its hold flag
     * toggled. Either way its last update becomes now.
     *
     * @param s the services
     * @param order the order as stored
     */
    static void updateOrder(Services s, SimOrder order) {
        if (order.status() == OrderStatus.PENDING.code()) {
            s.state().saveOrder(OrderMoves.toStatus(order, OrderStatus.CONFIRMED.code(), s.state().now()),
                    "status 1 -> 5 (drift)");
        } else {
            s.state().saveOrder(order.withOnHold(!order.onHold()), "onHold toggled (drift)");
        }
    }

    /**
     * Up to {@code count} distinct records among those served so far (or the whole listing): each pick draws a
     * position among the candidates not yet picked. Costs O(count^2 + count log n), without copying the listing.
     */
    private static <T> List<T> victims(Services s, List<T> listing, int pageEnd, int count) {
        int served = Math.max(0, Math.min(pageEnd, listing.size()));
        int candidates = served == 0 ? listing.size() : served;
        List<Integer> taken = new ArrayList<>();
        List<T> picked = new ArrayList<>();
        while (picked.size() < count && taken.size() < candidates) {
            int position = s.faults().pickForDrift(candidates - taken.size());
            int at = 0;
            while (at < taken.size() && taken.get(at) <= position) {
                position++;
                at++;
            }
            taken.add(at, position);
            picked.add(listing.get(position));
        }
        return picked;
    }

    private static String describe(List<String> updated, List<String> inserted) {
        Function<List<String>, String> join = list -> list.isEmpty() ? "none" : String.join(" ", list);
        return "drift: updated " + join.apply(updated) + ", inserted " + join.apply(inserted);
    }

    /**
     * Joins two request-log details.
     *
     * @param first a detail, or null
     * @param second a detail, or null
     * @return both, either, or null
     */
    public static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }
}
