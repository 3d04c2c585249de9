package io.github.babyshopsdk.examples.bridge;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.examples.bridge.YamlTree.Entry;
import io.github.babyshopsdk.examples.bridge.YamlTree.Kind;
import io.github.babyshopsdk.examples.bridge.YamlTree.Node;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.Reserve;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and validates the bridge's YAML configuration file. Every error names the file and the YAML line:
 * {@code config.yml line 12: unknown Babyshop status 'Pendng' (known: Pending, Confirmed, ...)}.
 *
 * <pre>
 * zone: Asia/Kolkata
 * settings: { orderSync: true, catalogSync: true, inventorySync: true, autoCancelOnChannel: false }
 * statusMapping:
 *   inbound:  { Pending: NEW, Confirmed: NEW, Cancelled: CANCELLED }
 *   outbound: { SHIPPED: Shipped, CANCELLED: Cancelled }
 * hubMapping:
 *   defaultHub: HUB-DXB
 *   rules:
 *     - { country: SAU, hub: HUB-RUH }
 * orderImportFrom: 01/01/2026          # optional, dd/MM/yyyy in the zone (default: a first run reads the last 7 days)
 * schedule: { tick: 1m, orders: 30m }  # optional; also cancellations, shipments, inventory, catalog, reconciliation
 * quota: { calls: 40, window: 5m, reservePerTier: 5 }   # optional; reservePerTier: calls kept per more urgent flow tier
 * safetyStock:                         # optional; units ("2") or a percentage ("10%") held back from Babyshop
 *   global: 2                          # every SKU without a reserve of its own
 *   hubs: { HUB-RUH: 10% }             # of that hub's stock, before the sum
 *   skus: { V-PRAM-01: 0 }             # by Vendor SKU Code, instead of global
 * </pre>
 *
 * <p>Limits (anything outside is bad input, never an overflow): one YAML document of at most
 * {@value #MAX_BYTES} bytes, UTF-8 (a byte-order mark is ignored); durations from {@link #MIN_DURATION 1 second}
 * to {@link #MAX_DURATION 30 days}; {@code quota.calls} from 1 to {@value #MAX_CALLS}; {@code quota.reservePerTier}
 * from 0 to {@code quota.calls} (default: {@code QuotaLimits}' own, 5 or an eighth of the calls); {@code orderImportFrom}
 * from year {@value #MIN_YEAR} to {@value #MAX_YEAR}.
 */
public final class ConfigLoader {
    private static final List<String> TOP = List.of("zone", "settings", "statusMapping", "hubMapping",
            "orderImportFrom", "schedule", "quota", "safetyStock");
    private static final List<String> SAFETY_STOCK = List.of("global", "hubs", "skus");
    private static final List<String> SETTINGS = List.of("orderSync", "catalogSync", "inventorySync",
            "autoCancelOnChannel");
    private static final List<String> RULE = List.of("country", "state", "city", "hub");
    private static final List<String> SCHEDULE = List.of("tick", "orders", "cancellations", "shipments",
            "inventory", "catalog", "reconciliation");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");
    /** The largest configuration file read. */
    static final int MAX_BYTES = 1 << 20;
    /** The shortest duration (tick, intervals, quota window). */
    static final Duration MIN_DURATION = Duration.ofSeconds(1);
    /** The longest duration (tick, intervals, quota window). */
    static final Duration MAX_DURATION = Duration.ofDays(30);
    /** The most calls a quota window may allow. */
    static final int MAX_CALLS = 100_000;
    /** The longest value (a stage, a hub, a zone). */
    static final int MAX_VALUE = 100;
    /** The earliest year of {@code orderImportFrom}. */
    static final int MIN_YEAR = 2000;
    /** The latest year of {@code orderImportFrom}. */
    static final int MAX_YEAR = 2100;

    private final String name;

    private ConfigLoader(String name) {
        this.name = name;
    }

    /**
     * Reads {@code file}.
     *
     * @throws BridgeFailure (bad input) naming the file and line of the first problem
     */
    public static BridgeConfig load(Path file) {
        String name = SafeText.of(file.toString());
        String text = BridgeFiles.readText(file, MAX_BYTES);
        return new ConfigLoader(name).config(YamlTree.read(new StringReader(text), name));
    }

    /** Validates an already parsed document (for tests and embedding). */
    static BridgeConfig parse(Reader reader, String name) {
        return new ConfigLoader(name).config(YamlTree.read(reader, name));
    }

    private BridgeConfig config(Node root) {
        Map<String, Entry> top = map(root, "the configuration", TOP);
        List<String> warnings = new ArrayList<>();

        ZoneId zone = optional(top, "zone").map(this::zone).orElse(ZoneId.of("Asia/Kolkata"));
        StoreSettings settings = optional(top, "settings").map(this::settings).orElse(StoreSettings.allOff());
        Entry mappingEntry = top.get("statusMapping");
        if (mappingEntry == null) {
            throw fail(root.line(), "statusMapping is missing: map at least the Babyshop statuses to import");
        }
        StatusMapping statusMapping = statusMapping(mappingEntry);
        Entry hubEntry = top.get("hubMapping");
        if (hubEntry == null) {
            throw fail(root.line(), "hubMapping is missing: name a defaultHub or hub rules");
        }
        HubMapping hubMapping = hubMapping(hubEntry);
        Optional<Instant> importFrom = optional(top, "orderImportFrom").map(e -> importFrom(e, zone));

        IntervalSyncScheduler scheduler = IntervalSyncScheduler.defaults();
        Duration tick = Duration.ofMinutes(1);
        Optional<Entry> schedule = optional(top, "schedule");
        if (schedule.isPresent()) {
            for (Entry entry : map(schedule.get().value(), "schedule", SCHEDULE).values()) {
                Duration interval = duration(entry);
                if (entry.key().equals("tick")) {
                    tick = interval;
                } else {
                    scheduler = scheduler.with(Flow.valueOf(entry.key().toUpperCase(Locale.ROOT)), interval);
                }
            }
        }
        QuotaLimits.Builder limits = QuotaLimits.builder();
        Optional<Entry> quota = optional(top, "quota");
        if (quota.isPresent()) {
            Map<String, Entry> q = map(quota.get().value(), "quota", List.of("calls", "window", "reservePerTier"));
            int calls = q.containsKey("calls") ? calls(q.get("calls")) : QuotaLimits.VINCULUM_LIMIT;
            limits.limit(calls);
            if (q.containsKey("window")) {
                limits.window(duration(q.get("window")));
            }
            if (q.containsKey("reservePerTier")) {
                limits.reservePerTier(reserve(q.get("reservePerTier"), calls));
            }
        }
        SafetyStock safetyStock = optional(top, "safetyStock").map(this::safetyStock).orElse(SafetyStock.none());
        warnings.addAll(statusMapping.warnings());
        if (!settings.orderSync() && !settings.catalogSync() && !settings.inventorySync()) {
            warnings.add("orderSync, catalogSync and inventorySync are all off: only host events are handled");
        }
        if (settings.autoCancelOnChannel()
                && !statusMapping.actionFor(HostEventType.CANCELLED).equals(Optional.of(ChannelAction.CANCELLED))) {
            warnings.add("autoCancelOnChannel is on but statusMapping.outbound does not map CANCELLED to Cancelled:"
                    + " cancelled orders will not sync back to Babyshop");
        }
        warnings.addAll(settings.warnings());
        return new BridgeConfig(zone, settings, statusMapping, hubMapping, importFrom, scheduler, tick, limits.build(),
                List.copyOf(warnings), safetyStock);
    }

    private ZoneId zone(Entry entry) {
        String text = text(entry);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw fail(entry.value().line(), "unknown zone '" + SafeText.of(text) + "' (e.g. Asia/Kolkata, Asia/Dubai, UTC)");
        }
    }

    private StoreSettings settings(Entry entry) {
        Map<String, Entry> values = map(entry.value(), "settings", SETTINGS);
        return StoreSettings.builder()
                .orderSync(flag(values, "orderSync"))
                .catalogSync(flag(values, "catalogSync"))
                .inventorySync(flag(values, "inventorySync"))
                .autoCancelOnChannel(flag(values, "autoCancelOnChannel"))
                .build();
    }

    private boolean flag(Map<String, Entry> values, String key) {
        Entry entry = values.get(key);
        if (entry == null) {
            return false;
        }
        String text = text(entry).toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw fail(entry.value().line(), key + " must be true or false, not '" + SafeText.of(text(entry)) + "'");
    }

    private StatusMapping statusMapping(Entry entry) {
        Map<String, Entry> parts = map(entry.value(), "statusMapping", List.of("inbound", "outbound"));
        StatusMapping.Builder mapping = StatusMapping.builder();
        Entry inbound = parts.get("inbound");
        if (inbound == null) {
            throw fail(entry.line(), "statusMapping.inbound is missing: map at least the Babyshop statuses to import");
        }
        Map<OrderStatus, Integer> inboundLines = new java.util.EnumMap<>(OrderStatus.class);
        for (Entry status : map(inbound.value(), "statusMapping.inbound", null).values()) {
            OrderStatus parsed = channelStatus(status.key(), status.line());
            Integer first = inboundLines.putIfAbsent(parsed, status.line());
            if (first != null) {
                throw fail(status.line(), "Babyshop status " + parsed.label() + " is mapped twice (first on line "
                        + first + ")");
            }
            String stage = status.value().kind() == Kind.SCALAR ? status.value().text() : null;
            if (stage == null || stage.isBlank()) {
                throw fail(status.line(), "Babyshop status " + parsed.label() + " maps to no host stage");
            }
            mapping.putInbound(parsed, checked(stage.trim(), status.value().line(), status.key()));
        }
        Entry outbound = parts.get("outbound");
        if (outbound != null && !outbound.value().isNull()) {
            Map<HostEventType, Integer> outboundLines = new java.util.EnumMap<>(HostEventType.class);
            for (Entry event : map(outbound.value(), "statusMapping.outbound", null).values()) {
                HostEventType type = hostEvent(event);
                Integer first = outboundLines.putIfAbsent(type, event.line());
                if (first != null) {
                    throw fail(event.line(), "host event " + type + " is mapped twice (first on line " + first + ")");
                }
                mapping.putOutbound(type, channelAction(event, type));
            }
        }
        try {
            return mapping.build();
        } catch (IllegalArgumentException e) {
            throw fail(entry.line(), SafeText.of(e.getMessage()));
        }
    }

    private OrderStatus channelStatus(String text, int line) {
        String trimmed = text.trim();
        Optional<OrderStatus> status;
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            OrderStatus byCode = OrderStatus.fromCode(trimmed);
            status = byCode == OrderStatus.UNKNOWN ? Optional.empty() : Optional.of(byCode);
        } else {
            status = OrderStatus.fromLabel(trimmed).or(() -> StatusMapping.channelStatuses().stream()
                    .filter(s -> s.name().equalsIgnoreCase(trimmed)).findFirst());
        }
        return status.orElseThrow(() -> fail(line, "unknown Babyshop status '" + SafeText.of(text) + "' (known: "
                + StatusMapping.channelStatuses().stream().map(s -> s.label() + " (" + s.code() + ")")
                .collect(Collectors.joining(", ")) + ")"));
    }

    private HostEventType hostEvent(Entry event) {
        String key = event.key().trim().toUpperCase(Locale.ROOT);
        if (key.equals(HostEventType.PACKED.name())) {
            throw fail(event.line(), "PACKED cannot be mapped outbound: a packed order always gets its shipment "
                    + "(invoice, AWB, label); map SHIPPED, DELIVERED or CANCELLED");
        }
        return Arrays.stream(HostEventType.values()).filter(t -> t.name().equals(key)).findFirst()
                .orElseThrow(() -> fail(event.line(), "unknown host event '" + SafeText.of(event.key())
                        + "' (known: SHIPPED, DELIVERED, CANCELLED)"));
    }

    private ChannelAction channelAction(Entry event, HostEventType type) {
        String text = event.value().kind() == Kind.SCALAR ? event.value().text() : null;
        if (text == null || text.isBlank()) {
            throw fail(event.line(), "host event " + type + " maps to nothing: give Shipped, Cancelled or Delivered");
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(ChannelAction.values()).filter(a -> a.name().equals(wanted)).findFirst()
                .orElseThrow(() -> fail(event.value().line(), "unknown Babyshop action '" + SafeText.of(text)
                        + "' for " + type + " (known: Shipped, Cancelled, Delivered)"));
    }

    private HubMapping hubMapping(Entry entry) {
        Map<String, Entry> parts = map(entry.value(), "hubMapping", List.of("defaultHub", "rules"));
        HubMapping.Builder mapping = HubMapping.builder();
        Entry defaultHub = parts.get("defaultHub");
        if (defaultHub != null && !defaultHub.value().isNull()) {
            mapping.defaultHub(text(defaultHub));
        }
        Entry rules = parts.get("rules");
        if (rules != null && !rules.value().isNull()) {
            if (rules.value().kind() != Kind.LIST) {
                throw fail(rules.line(), "hubMapping.rules must be a list of rules like '- { country: SAU, hub: HUB-RUH }'");
            }
            for (Node rule : rules.value().items()) {
                mapping.addRules(hubRule(rule));
            }
        }
        HubMapping built = mapping.build();
        if (built.hubs().isEmpty()) {
            throw fail(entry.line(), "hubMapping names no hub: set defaultHub or add rules");
        }
        return built;
    }

    private HubRule hubRule(Node rule) {
        Map<String, Entry> fields = map(rule, "a hub rule", RULE);
        Entry hub = fields.get("hub");
        if (hub == null || hub.value().isNull() || hub.value().text().isBlank()) {
            throw fail(rule.line(), "hub rule has no hub: add 'hub: <HUB-CODE>'");
        }
        HubRule.Builder builder = HubRule.builder().hub(text(hub));
        Optional.ofNullable(fields.get("country")).map(this::text).ifPresent(builder::country);
        Optional.ofNullable(fields.get("state")).map(this::text).ifPresent(builder::state);
        Optional.ofNullable(fields.get("city")).map(this::text).ifPresent(builder::city);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw fail(rule.line(), SafeText.of(e.getMessage()));
        }
    }

    private SafetyStock safetyStock(Entry entry) {
        Map<String, Entry> parts = map(entry.value(), "safetyStock", SAFETY_STOCK);
        SafetyStock.Builder rule = SafetyStock.builder();
        optional(parts, "global").ifPresent(global -> rule.global(reserve(global, "safetyStock.global")));
        optional(parts, "hubs").ifPresent(hubs -> map(hubs.value(), "safetyStock.hubs", null).values()
                .forEach(hub -> rule.putHubs(checked(hub.key().trim(), hub.line(), "a hub"),
                        reserve(hub, "safetyStock.hubs." + SafeText.of(hub.key())))));
        optional(parts, "skus").ifPresent(skus -> map(skus.value(), "safetyStock.skus", null).values()
                .forEach(sku -> rule.putSkus(checked(sku.key().trim(), sku.line(), "a Vendor SKU Code"),
                        reserve(sku, "safetyStock.skus." + SafeText.of(sku.key())))));
        try {
            return rule.build();
        } catch (IllegalArgumentException e) {
            throw fail(entry.line(), "safetyStock: " + SafeText.of(e.getMessage()));
        }
    }

    /** A reserve: units ({@code 2}) or a percentage ({@code 10%}). */
    private Reserve reserve(Entry entry, String what) {
        String text = text(entry);
        try {
            return Reserve.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(entry.value().line(), what + ": " + SafeText.of(e.getMessage()));
        }
    }

    private Instant importFrom(Entry entry, ZoneId zone) {
        String text = text(entry);
        LocalDate date = null;
        try {
            date = text.length() <= 10 ? LocalDate.parse(text, DATE) : null;
        } catch (DateTimeParseException e) {
            date = null; // reported below
        }
        if (date == null || date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw fail(entry.value().line(), "orderImportFrom must be a date dd/MM/yyyy from year " + MIN_YEAR
                    + " to " + MAX_YEAR + ", not '" + SafeText.of(text) + "'");
        }
        return date.atStartOfDay(zone).toInstant();
    }

    private Duration duration(Entry entry) {
        String text = text(entry).toLowerCase(Locale.ROOT);
        Duration duration = null;
        Matcher matcher = SHORT_DURATION.matcher(text);
        try {
            if (matcher.matches()) {
                long n = Long.parseLong(matcher.group(1));
                duration = switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else if (text.length() <= 40) {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            duration = null; // not a duration, or beyond Duration's range: reported below
        }
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw fail(entry.value().line(), entry.key() + " must be a duration from 1s to 30d like 90s, 5m, 6h "
                    + "or PT30M, not '" + SafeText.of(text(entry)) + "'");
        }
        return duration;
    }

    private int calls(Entry entry) {
        String text = text(entry);
        if (text.matches("\\d{1,6}")) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_CALLS) {
                return value;
            }
        }
        throw fail(entry.value().line(), entry.key() + " must be a whole number from 1 to " + MAX_CALLS + ", not '"
                + SafeText.of(text) + "'");
    }

    private int reserve(Entry entry, int calls) {
        String text = text(entry);
        if (text.matches("\\d{1,6}")) {
            int value = Integer.parseInt(text);
            if (value <= calls) {
                return value;
            }
        }
        throw fail(entry.value().line(), entry.key() + " must be a whole number from 0 to quota.calls (" + calls
                + "), not '" + SafeText.of(text) + "'");
    }

    /** The entries of a map node, checking keys against {@code known} (any key when null). */
    private Map<String, Entry> map(Node node, String what, List<String> known) {
        if (node.kind() != Kind.MAP) {
            throw fail(node.line(), what + " must be a map of 'key: value' lines");
        }
        if (known != null) {
            for (Entry entry : node.entries().values()) {
                if (!known.contains(entry.key())) {
                    throw fail(entry.line(), "unknown key '" + SafeText.of(entry.key()) + "' in " + what + " (known: "
                            + String.join(", ", known) + ")");
                }
            }
        }
        return node.entries();
    }

    private Optional<Entry> optional(Map<String, Entry> map, String key) {
        return Optional.ofNullable(map.get(key)).filter(e -> !e.value().isNull());
    }

    private String text(Entry entry) {
        Node value = entry.value();
        if (value.kind() != Kind.SCALAR || value.text() == null || value.text().isBlank()) {
            throw fail(value.kind() == Kind.SCALAR ? entry.line() : value.line(), SafeText.of(entry.key()) + " needs a value");
        }
        return checked(value.text().trim(), value.line(), entry.key());
    }

    /** {@code text} if it is one printable line of at most {@value #MAX_VALUE} characters. */
    private String checked(String text, int line, String key) {
        if (SafeText.hasControl(text)) {
            throw fail(line, SafeText.of(key) + " holds a control character: '" + SafeText.of(text) + "'");
        }
        if (text.length() > MAX_VALUE) {
            throw fail(line, SafeText.of(key) + " is longer than " + MAX_VALUE + " characters");
        }
        return text;
    }

    private BridgeFailure fail(int line, String message) {
        return BridgeFailure.badInput(name + " line " + line + ": " + message);
    }
}
