package io.github.babyshopsdk.sync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/** What the paging-under-drift tests count from the simulator's request log. */
final class DriftFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DriftFigures() {
    }

    /** Requests of an operation the simulator received, faults included. */
    static int calls(SimWorld world, Operation operation) {
        return world.sim.requests().of(operation).size();
    }

    /**
     * The order numbers asked for by orderFetch, page 1 of each call (a second page of a call asks for the same
     * numbers again), counted with repeats across calls.
     */
    static int fetchedIds(SimWorld world) {
        int ids = 0;
        for (RecordedRequest request : world.sim.requests().of(Operation.ORDER_FETCH)) {
            JsonNode body = body(request);
            if (body.path("pageNumber").asInt(1) == 1) {
                ids += body.path("orderNo").size();
            }
        }
        return ids;
    }

    /** How many times each order number was asked for by orderFetch (page 1 of each call). */
    static Map<String, Long> fetchesPerOrder(SimWorld world) {
        return world.sim.requests().of(Operation.ORDER_FETCH).stream().map(DriftFigures::body)
                .filter(body -> body.path("pageNumber").asInt(1) == 1)
                .flatMap(body -> java.util.stream.StreamSupport.stream(body.path("orderNo").spliterator(), false))
                .collect(Collectors.groupingBy(JsonNode::asText, Collectors.counting()));
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return request.requestBody() == null ? JSON.createObjectNode() : JSON.readTree(request.requestBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code calls} per 100 {@code records}, to two decimals. */
    static double per100(int calls, int records) {
        return records == 0 ? 0 : Math.round(calls * 10_000.0 / records) / 100.0;
    }
}
