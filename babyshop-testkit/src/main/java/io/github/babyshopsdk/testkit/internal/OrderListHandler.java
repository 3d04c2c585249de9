package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * orderList and orderListJIT: orders with last update at or after {@code updateDate} and status in
 * {@code filterStatusList} (each filter applied when given; neither answers 9), sorted by (last
 * update, order number), paged. An order that changes between two page requests moves to the end.
 * After the page is computed, a {@link FaultKind#DRIFT} fault and then the listing's continuous drift
 * ({@link ContinuousDrift}) change the store.
 */
public final class OrderListHandler {

    private final Services s;

    /**
     * A handler over shared services.
     *
     * @param services the services
     */
    public OrderListHandler(Services services) {
        this.s = services;
    }

    /**
     * Answers a listing call.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse handle(Call call) {
        JsonNode body = call.body();
        Instant since = RequestArgs.date(body, "updateDate", s.dates());
        Set<Integer> statuses = RequestArgs.statuses(body, "filterStatusList");
        if (since == null && statuses == null) {
            throw new ApiError(Codes.GENERIC_ERROR, "updateDate or filterStatusList is required");
        }
        Paging paging = Paging.of(body);
        boolean jit = call.operation() == Operation.ORDER_LIST_JIT;
        return s.state().atomically(() -> {
            List<SimOrder> all = s.state().orderListing(since, statuses, jit);
            List<SimOrder> page = paging.slice(all);
            ObjectNode out = SimResponse.success();
            ArrayNode list = out.putArray("orderList");
            page.forEach(o -> list.add(s.orderJson().listEntry(o)));
            String detail = null;
            if (call.fault() == FaultKind.MALFORMED_RECORD) {
                detail = Corruption.corrupt(list, "orderList", "orderLastUpdateDate", Corruption.IMPOSSIBLE_DATE,
                        s.faults());
            } else if (call.fault() == FaultKind.DRIFT && !page.isEmpty()) {
                detail = drift(page, jit);
            }
            String drift = s.faults().drift(call.operation()).map(rate -> ContinuousDrift.orders(s, rate, all,
                    paging.end(all.size()), jit)).orElse(null);
            return SimResponse.json(Codes.SUCCESS, out).withFaultDetail(ContinuousDrift.join(detail, drift));
        });
    }

    /** Updates one order of the served page (it moves to the end) and inserts a new order. */
    private String drift(List<SimOrder> page, boolean jit) {
        SimOrder victim = page.get(s.faults().pick(page.size()));
        ContinuousDrift.updateOrder(s, victim);
        String inserted = s.state().products().isEmpty() ? "none"
                : s.state().generateOrder("inserted (drift)", jit).orderNo();
        return "updated " + victim.orderNo() + ", inserted " + inserted;
    }
}
