package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.client.quota.QuotaLimits;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.host.HostEventType;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static BridgeConfig parse(String yaml) {
        return ConfigLoader.parse(new StringReader(yaml), "config.yml");
    }

    private static void refused(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(BridgeFailure.class).hasMessage(message)
                .extracting(e -> ((BridgeFailure) e).exitCode()).isEqualTo(2);
    }

    @Test
    void theReadmeExampleReadsIntoSettingsAndMappings() {
        BridgeConfig config = parse(BridgeWorld.CONFIG.replace("autoCancelOnChannel: true", "autoCancelOnChannel: false"));

        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(config.settings().orderSync()).isTrue();
        assertThat(config.settings().catalogSync()).isTrue();
        assertThat(config.settings().inventorySync()).isTrue();
        assertThat(config.settings().autoCancelOnChannel()).isFalse();
        assertThat(config.statusMapping().inbound()).containsEntry(OrderStatus.PENDING, "NEW")
                .containsEntry(OrderStatus.CONFIRMED, "NEW").containsEntry(OrderStatus.CANCELLED, "CANCELLED").hasSize(3);
        assertThat(config.statusMapping().outbound()).containsEntry(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .containsEntry(HostEventType.CANCELLED, ChannelAction.CANCELLED).hasSize(2);
        assertThat(config.hubMapping().defaultHub()).contains("HUB-DXB");
        assertThat(config.hubMapping().rules()).containsExactly(HubRule.builder().country("SAU").hub("HUB-RUH").build());
        assertThat(config.cancelledStage()).isEqualTo("CANCELLED");
        assertThat(config.orderImportFrom()).hasValue(java.time.Instant.parse("2014-12-31T18:30:00Z")); // in the zone
        assertThat(parse(BridgeWorld.CONFIG.replace("orderImportFrom: 01/01/2015", "")).orderImportFrom()).isEmpty();
        assertThat(config.quotaCalls()).isEqualTo(40);
        assertThat(config.quotaWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.quota()).isEqualTo(QuotaLimits.vinculumDefault());
        assertThat(config.tick()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.scheduler().interval(Flow.ORDERS)).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void statusesByCodeOrAnySpellingOfTheirName() {
        BridgeConfig config = parse("""
                statusMapping:
                  inbound: { 1: NEW, confirmed: NEW, "ready for ship": PACKING, READY_FOR_PICKUP: RETURN }
                hubMapping: { defaultHub: HUB-DXB }
                """);
        assertThat(config.statusMapping().inbound()).containsEntry(OrderStatus.PENDING, "NEW")
                .containsEntry(OrderStatus.CONFIRMED, "NEW").containsEntry(OrderStatus.READY_FOR_SHIP, "PACKING")
                .containsEntry(OrderStatus.READY_FOR_PICKUP, "RETURN");
        assertThat(config.settings().orderSync()).as("settings default to off").isFalse();
        assertThat(config.warnings()).anySatisfy(w -> assertThat(w).contains("Cancelled is not mapped"));
        assertThat(config.cancelledStage()).isEqualTo("CANCELLED");
    }

    @Test
    void importStartScheduleAndQuota() {
        BridgeConfig config = parse("""
                zone: Asia/Dubai
                statusMapping: { inbound: { Pending: NEW, Cancelled: VOID } }
                hubMapping: { rules: [ { country: ARE, city: Dubai, hub: HUB-DXB } ] }
                orderImportFrom: 15/02/2026
                schedule: { tick: 30s, orders: 5m, catalog: PT2H }
                quota: { calls: 100, window: 10m, reservePerTier: 7 }
                """);
        assertThat(config.orderImportFrom()).contains(Instant.parse("2026-02-14T20:00:00Z"));
        assertThat(config.tick()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.scheduler().interval(Flow.ORDERS)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.scheduler().interval(Flow.CATALOG)).isEqualTo(Duration.ofHours(2));
        assertThat(config.quotaCalls()).isEqualTo(100);
        assertThat(config.quotaWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.quota().reservePerTier()).isEqualTo(7);
        assertThat(config.quota().shareOf(3)).as("catalog's share").isEqualTo(79);
        assertThat(parse(BridgeWorld.CONFIG + "quota: { calls: 16 }\n").quota().reservePerTier())
                .as("the default reserve: an eighth of a small budget").isEqualTo(2);
        assertThat(config.cancelledStage()).isEqualTo("VOID");
        assertThat(config.hubMapping().hubs()).containsExactly("HUB-DXB");
    }

    @Test
    void everyErrorNamesTheFileAndLine() {
        String head = "statusMapping: { inbound: { Pending: NEW } }\n";
        refused(head + "hubMapping: { defaultHub: HUB-DXB }\nzone: Mars/Olympus\n",
                "config.yml line 3: unknown zone 'Mars/Olympus' (e.g. Asia/Kolkata, Asia/Dubai, UTC)");
        refused(head + "hubMapping: { defaultHub: HUB-DXB }\nsettings:\n  orderSync: yes please\n",
                "config.yml line 4: orderSync must be true or false, not 'yes please'");
        refused(head + "hubMapping: { defaultHub: HUB-DXB }\norderImportFrom: 2026-01-31\n",
                "config.yml line 3: orderImportFrom must be a date dd/MM/yyyy from year 2000 to 2100, not '2026-01-31'");
        refused(head + "hubMapping: { defaultHub: HUB-DXB }\nschedule:\n  orders: soon\n",
                "config.yml line 4: orders must be a duration from 1s to 30d like 90s, 5m, 6h or PT30M, not 'soon'");
        refused(head + "hubMapping: {}\n", "config.yml line 2: hubMapping names no hub: set defaultHub or add rules");
        refused(head + "hubMapping:\n  rules:\n    - { hub: HUB-RUH }\n", "config.yml line 4: hub rule for HUB-RUH "
                + "matches nothing: set country, state or city (use defaultHub for a fallback)");
        refused("statusMapping:\n  inbound: { Pending: NEW }\n  outbound:\n    PACKED: Shipped\nhubMapping: { defaultHub: X }\n",
                "config.yml line 4: PACKED cannot be mapped outbound: a packed order always gets its shipment "
                        + "(invoice, AWB, label); map SHIPPED, DELIVERED or CANCELLED");
        refused("statusMapping:\n  inbound: { Pending: NEW }\n  outbound:\n    SHIPPED: Dispatched\nhubMapping: { defaultHub: X }\n",
                "config.yml line 4: unknown Babyshop action 'Dispatched' for SHIPPED (known: Shipped, Cancelled, Delivered)");
        refused("statusMapping:\n  inbound:\n    Pending:\nhubMapping: { defaultHub: X }\n",
                "config.yml line 3: Babyshop status Pending maps to no host stage");
        refused("statusMapping:\n  inbound: { 99: NEW }\nhubMapping: { defaultHub: X }\n",
                "config.yml line 2: unknown Babyshop status '99' (known: Pending (1), Confirmed (5), Cancelled (8), "
                        + "Replaced (9), Ready for Ship (10), AWB InProcess (12), Shipped (15), In Process (18), "
                        + "Intransit (20), Delivered (25), Ready for Pickup (30), Pickup Intransit (35), "
                        + "Pickup Confirmed (40), Disputed (45), Rejected (50), Returned (55), RTO (60), RTO Delivered (65))");
        refused("hubMapping: { defaultHub: X }\n",
                "config.yml line 1: statusMapping is missing: map at least the Babyshop statuses to import");
        refused(head + "hubMapping: { defaultHub: X }\nhubMapping: { defaultHub: Y }\n",
                "config.yml line 3: duplicate key 'hubMapping' (first on line 2)");
        refused("", "config.yml: the file is empty");
    }
}
