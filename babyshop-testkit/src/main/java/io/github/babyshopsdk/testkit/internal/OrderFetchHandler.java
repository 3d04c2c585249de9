package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * orderFetch and orderFetchJIT: the requested orders (by order number or master order number) that
 * exist in the operation's family, in request order, paged; unknown ones are simply absent. An
 * empty {@code orderNo} list answers 9.
 */
public final class OrderFetchHandler {

    private final Services s;

    /**
     * A handler over shared services.
     *
     * @param services the services
     */
    public OrderFetchHandler(Services services) {
        this.s = services;
    }

    /**
     * Answers a fetch call.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse handle(Call call) {
        List<String> keys = RequestArgs.strings(call.body(), "orderNo");
        if (keys.isEmpty()) {
            throw new ApiError(Codes.GENERIC_ERROR, "orderNo is required");
        }
        Paging paging = Paging.of(call.body());
        boolean jit = call.operation() == Operation.ORDER_FETCH_JIT;
        return s.state().atomically(() -> {
            Set<String> seen = new LinkedHashSet<>();
            List<SimOrder> found = new ArrayList<>();
            for (String key : keys) {
                s.state().findOrder(key).filter(o -> o.jit() == jit && seen.add(o.orderNo())).ifPresent(found::add);
            }
            ObjectNode out = SimResponse.success();
            ArrayNode orders = out.putArray("orders");
            paging.slice(found).forEach(o -> orders.add(s.orderJson().fetchEntry(o)));
            String detail = null;
            if (call.fault() == FaultKind.MALFORMED_RECORD && !orders.isEmpty()) {
                int i = s.faults().pick(orders.size());
                ArrayNode items = (ArrayNode) orders.get(i).get("orderItems");
                detail = Corruption.corrupt(items, "orders[" + i + "].orderItems", "orderQty", "abc", s.faults());
            }
            return SimResponse.json(Codes.SUCCESS, out).withFaultDetail(detail);
        });
    }
}
