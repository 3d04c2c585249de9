package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.SimReturn;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * orderReturn in its two modes. Lookup: {@code returnNo} (matched against return number and
 * internal return number). Window: {@code updatedFrom} (+ {@code updatedTo}, default now) and
 * {@code filterStatusList}. Checks, in this order: unknown {@code sellerId} 8060; neither returnNo
 * nor updatedFrom 10043; to not after from 804; window over 7 days 913; no status filter 10042.
 */
public final class ReturnHandler {

    private static final Duration MAX_WINDOW = Duration.ofDays(7);

    private final Services s;

    /**
     * A handler over shared services.
     *
     * @param services the services
     */
    public ReturnHandler(Services services) {
        this.s = services;
    }

    /**
     * Answers an orderReturn call.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse handle(Call call) {
        JsonNode body = call.body();
        String sellerId = RequestArgs.text(body, "sellerId");
        if (!RequestArgs.blank(sellerId) && !sellerId.trim().equals(s.state().sellerId())) {
            throw new ApiError(Codes.NO_VENDOR, "unknown sellerId");
        }
        String returnNo = RequestArgs.text(body, "returnNo");
        Paging paging = Paging.of(body);
        List<SimReturn> matches;
        if (!RequestArgs.blank(returnNo)) {
            matches = s.state().findReturn(returnNo.trim()).stream().toList();
        } else {
            Instant from = RequestArgs.date(body, "updatedFrom", s.dates());
            if (from == null) {
                throw new ApiError(Codes.RETURN_NO_OR_FROM_MANDATORY, "returnNo or updatedFrom");
            }
            Instant given = RequestArgs.date(body, "updatedTo", s.dates());
            Instant to = given == null ? s.state().now() : given;
            if (!to.isAfter(from)) {
                throw new ApiError(Codes.TO_BEFORE_FROM, "updatedTo <= updatedFrom");
            }
            if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
                throw new ApiError(Codes.RANGE_OVER_7_DAYS, "window over 7 days");
            }
            Set<Integer> statuses = RequestArgs.statuses(body, "filterStatusList");
            if (statuses == null) {
                throw new ApiError(Codes.STATUS_MANDATORY, "filterStatusList with dates");
            }
            matches = s.state().returns().stream()
                    .filter(r -> !r.lastUpdate().isBefore(from) && !r.lastUpdate().isAfter(to))
                    .filter(r -> statuses.contains(r.returnStatus()))
                    .sorted(Comparator.comparing(SimReturn::lastUpdate).thenComparing(SimReturn::internalReturnNo))
                    .toList();
        }
        ObjectNode out = SimResponse.success();
        ArrayNode list = out.putArray("returns");
        for (SimReturn r : paging.slice(matches)) {
            s.state().findOrder(r.orderNo())
                    .ifPresent(o -> list.add(s.orderJson().returnEntry(r, o, s.state().sellerId())));
        }
        return SimResponse.json(Codes.SUCCESS, out);
    }
}
