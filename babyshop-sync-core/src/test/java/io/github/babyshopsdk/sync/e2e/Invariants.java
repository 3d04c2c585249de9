package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.memory.InMemoryHost.HostOrder;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assertions shared by the end-to-end tests: orders imported exactly once, the quota never exceeded. */
final class Invariants {
    private Invariants() {
    }

    /**
     * Every order of the simulator in a mapped status is in the host, once, with the stage of its status
     * and the hub of its country; no order in an unmapped status is; and no {@code createOrder} call was
     * repeated (for runs without crashes).
     *
     * @return how many orders are mapped
     */
    static int assertEveryMappedOrderImportedExactlyOnce(SimWorld world) {
        return assertEveryMappedOrderImportedExactlyOnce(world, 0);
    }

    /**
     * {@link #assertEveryMappedOrderImportedExactlyOnce(SimWorld)} where {@code repeatedCalls} createOrder calls
     * were repeated (found the order already there): calls that were in flight when their node paused or lost
     * its lease.
     */
    static int assertEveryMappedOrderImportedExactlyOnce(SimWorld world, int repeatedCalls) {
        Map<String, SimOrder> orders = world.simOrders();
        int mapped = 0;
        for (SimOrder order : orders.values()) {
            if (SimWorld.mapped(order.status())) {
                mapped++;
                HostOrder hostOrder = world.host.order(order.orderNo()).orElseThrow(() -> new AssertionError(
                        "mapped order " + order.orderNo() + " (status " + order.status() + ") is not in the host: "
                                + world.engine.explain(order.orderNo()).summary()));
                assertThat(hostOrder.imported().hub()).as("hub of %s", order.orderNo())
                        .isEqualTo(SimWorld.expectedHub(order));
                assertThat(hostOrder.imported().stage()).as("stage of %s", order.orderNo())
                        .isEqualTo(SimWorld.expectedStage(order.status()));
            } else {
                assertThat(world.host.order(order.orderNo())).as("unmapped order %s (status %d)", order.orderNo(),
                        order.status()).isEmpty();
            }
        }
        List<HostOrder> hostOrders = world.host.orders();
        assertThat(hostOrders).hasSize(mapped);
        Set<String> ids = new HashSet<>();
        hostOrders.forEach(o -> assertThat(ids.add(o.hostOrderId())).as("host order id %s unique", o.hostOrderId()).isTrue());
        assertThat(world.host.createCalls()).as("createOrder calls (no crash, so no idempotent repeat)")
                .isEqualTo(mapped + repeatedCalls);
        return mapped;
    }

    /**
     * No rolling window of {@code window} holds more than {@code limit} requests that the simulator counted
     * against the quota (attributed to the credential, not refused with 13, not short-circuited by an
     * injected fault; a call with an expired key counts, as the simulator counts it).
     *
     * @return the most requests seen in one window
     */
    static int assertQuotaNeverExceeded(List<RecordedRequest> requests, int limit, Duration window) {
        Deque<Instant> inWindow = new ArrayDeque<>();
        int max = 0;
        for (RecordedRequest r : requests) {
            boolean counted = r.credential() != null && !r.answered(13)
                    && (r.fault() == null || !r.fault().shortCircuits());
            if (!counted) {
                continue;
            }
            Instant at = r.receivedAt().truncatedTo(ChronoUnit.SECONDS);
            while (!inWindow.isEmpty() && !inWindow.peekFirst().isAfter(at.minus(window))) {
                inWindow.pollFirst();
            }
            inWindow.addLast(at);
            max = Math.max(max, inWindow.size());
        }
        assertThat(max).as("requests counted in one rolling %s window", window).isLessThanOrEqualTo(limit);
        return max;
    }
}
