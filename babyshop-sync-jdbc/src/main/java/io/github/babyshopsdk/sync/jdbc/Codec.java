package io.github.babyshopsdk.sync.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.Reserve;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.StateStoreException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How values are kept in columns: instants as epoch microseconds, decimals as their text, maps and
 * mappings as JSON. Stateless and thread-safe.
 */
final class Codec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Codec() {
    }

    /**
     * Microseconds since the epoch; digits below a microsecond are dropped (rounded towards the past).
     *
     * @throws IllegalArgumentException if the instant is beyond about 290,000 years from 1970
     */
    static long micros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                    instant.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant " + instant + " is outside the range a JDBC store keeps"
                    + " (epoch microseconds in a BIGINT)", e);
        }
    }

    /** {@link #micros(Instant)}, but an instant beyond the range becomes the smallest or largest value: for query bounds. */
    static long microsSaturated(Instant instant) {
        if (instant.getEpochSecond() >= Long.MAX_VALUE / MICROS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (instant.getEpochSecond() <= Long.MIN_VALUE / MICROS_PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return micros(instant);
    }

    /** The instant of {@code micros} microseconds since the epoch. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000L);
    }

    /** The exact text of a decimal, scale included ({@code 11.500} stays {@code 11.500}). */
    static String decimal(BigDecimal value) {
        return value.toString();
    }

    /** The decimal of a text written by {@link #decimal(BigDecimal)}. */
    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    /** A JSON object of the map's entries. */
    static String json(Map<String, String> map) {
        ObjectNode node = JSON.createObjectNode();
        map.forEach(node::put);
        return write(node);
    }

    /** The map of a JSON object written by {@link #json(Map)}, in its order. */
    static Map<String, String> stringMap(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : read(json).properties()) {
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    /** {@code {"inbound":{"CONFIRMED":"NEW"},"outbound":{"SHIPPED":"SHIPPED"}}}, by enum constant names. */
    static String json(StatusMapping mapping) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode inbound = node.putObject("inbound");
        mapping.inbound().forEach((status, stage) -> inbound.put(status.name(), stage));
        ObjectNode outbound = node.putObject("outbound");
        mapping.outbound().forEach((event, action) -> outbound.put(event.name(), action.name()));
        return write(node);
    }

    /** The mapping of a JSON text written by {@link #json(StatusMapping)}. */
    static StatusMapping statusMapping(String json) {
        JsonNode node = read(json);
        StatusMapping.Builder builder = StatusMapping.builder();
        for (Map.Entry<String, JsonNode> e : node.path("inbound").properties()) {
            builder.putInbound(OrderStatus.valueOf(e.getKey()), e.getValue().asText());
        }
        for (Map.Entry<String, JsonNode> e : node.path("outbound").properties()) {
            builder.putOutbound(HostEventType.valueOf(e.getKey()), ChannelAction.valueOf(e.getValue().asText()));
        }
        return builder.build();
    }

    /** {@code {"defaultHub":"H","rules":[{"country":"SAU","city":"Riyadh","hub":"H2"}]}}; absent fields omitted. */
    static String json(HubMapping mapping) {
        ObjectNode node = JSON.createObjectNode();
        mapping.defaultHub().ifPresent(hub -> node.put("defaultHub", hub));
        var rules = node.putArray("rules");
        for (HubRule rule : mapping.rules()) {
            ObjectNode r = rules.addObject();
            rule.country().ifPresent(v -> r.put("country", v));
            rule.state().ifPresent(v -> r.put("state", v));
            rule.city().ifPresent(v -> r.put("city", v));
            r.put("hub", rule.hub());
        }
        return write(node);
    }

    /** The mapping of a JSON text written by {@link #json(HubMapping)}, rule order kept. */
    static HubMapping hubMapping(String json) {
        JsonNode node = read(json);
        HubMapping.Builder builder = HubMapping.builder();
        text(node, "defaultHub").ifPresent(builder::defaultHub);
        for (JsonNode r : node.path("rules")) {
            HubRule.Builder rule = HubRule.builder().hub(r.path("hub").asText());
            text(r, "country").ifPresent(rule::country);
            text(r, "state").ifPresent(rule::state);
            text(r, "city").ifPresent(rule::city);
            builder.addRules(rule.build());
        }
        return builder.build();
    }

    /**
     * {@code {"global":"2","hubs":{"HUB":"10%"},"skus":{"V1":"0"}}}: each reserve in the form
     * {@link Reserve#parse} reads; absent global omitted; map order kept.
     */
    static String json(SafetyStock safetyStock) {
        ObjectNode node = JSON.createObjectNode();
        safetyStock.global().ifPresent(reserve -> node.put("global", reserve.toString()));
        ObjectNode hubs = node.putObject("hubs");
        safetyStock.hubs().forEach((hub, reserve) -> hubs.put(hub, reserve.toString()));
        ObjectNode skus = node.putObject("skus");
        safetyStock.skus().forEach((sku, reserve) -> skus.put(sku, reserve.toString()));
        return write(node);
    }

    /**
     * The rule of a JSON text written by {@link #json(SafetyStock)}.
     *
     * @throws StateStoreException when the text or a reserve in it cannot be read
     */
    static SafetyStock safetyStock(String json) {
        JsonNode node = read(json);
        try {
            SafetyStock.Builder builder = SafetyStock.builder();
            text(node, "global").map(Reserve::parse).ifPresent(builder::global);
            for (Map.Entry<String, JsonNode> e : node.path("hubs").properties()) {
                builder.putHubs(e.getKey(), Reserve.parse(e.getValue().asText()));
            }
            for (Map.Entry<String, JsonNode> e : node.path("skus").properties()) {
                builder.putSkus(e.getKey(), Reserve.parse(e.getValue().asText()));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new StateStoreException("unreadable safety stock in the state store: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("unreadable JSON in the state store: " + e.getOriginalMessage(), e);
        }
    }
}
