package io.github.babyshopsdk.sync.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link io.github.babyshopsdk.sync.state.SettingsStore}: defaults, replacement, round-trips, the configuration log. */
public abstract class SettingsStoreContract extends StoreContractSupport {

    /** Every toggle on. */
    protected static StoreSettings allOn() {
        return StoreSettings.builder().orderSync(true).catalogSync(true).inventorySync(true)
                .autoCancelOnChannel(true).build();
    }

    /** A status mapping with inbound and outbound entries. */
    protected static StatusMapping fullStatusMapping() {
        return StatusMapping.builder()
                .putInbound(OrderStatus.PENDING, "NEW")
                .putInbound(OrderStatus.CONFIRMED, "NEW")
                .putInbound(OrderStatus.CANCELLED, "CANCELLED")
                .putInbound(OrderStatus.RTO_DELIVERED, "جديد")
                .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED)
                .putOutbound(HostEventType.DELIVERED, ChannelAction.DELIVERED)
                .build();
    }

    /** A hub mapping with a default hub and rules whose order matters. */
    protected static HubMapping fullHubMapping() {
        return HubMapping.builder()
                .defaultHub("HUB-DEFAULT")
                .addRules(HubRule.builder().country("SAU").city("Riyadh").hub("HUB-RUH").build())
                .addRules(HubRule.builder().country("ARE").state("Dubai").hub("HUB-DXB").build())
                .addRules(HubRule.builder().city("الرياض").hub("HUB-RUH-2").build())
                .build();
    }

    private static ConfigurationChange change(String actor, long second, String subject, String before, String after) {
        return ConfigurationChange.builder().actor(actor).at(at(second)).subject(subject).before(before).after(after)
                .build();
    }

    @Test
    void defaultsWhenNothingWasSaved() {
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().statusMapping()).isEqualTo(StatusMapping.empty());
            assertThat(tx.settings().hubMapping()).isEqualTo(HubMapping.empty());
            assertThat(tx.settings().changes()).isEmpty();
            return null;
        });
    }

    @Test
    void settingsRoundTripEveryToggle() {
        write(tx -> tx.settings().saveSettings(allOn()));
        assertThat(read((SyncTransaction tx) -> tx.settings().settings())).isEqualTo(allOn());

        StoreSettings onlyOrders = StoreSettings.builder().orderSync(true).build();
        write(tx -> tx.settings().saveSettings(onlyOrders));
        assertThat(read((SyncTransaction tx) -> tx.settings().settings())).isEqualTo(onlyOrders);

        StoreSettings allButOrders = StoreSettings.builder().catalogSync(true).inventorySync(true)
                .autoCancelOnChannel(true).build();
        write(tx -> tx.settings().saveSettings(allButOrders));
        assertThat(read((SyncTransaction tx) -> tx.settings().settings())).isEqualTo(allButOrders);

        write(tx -> tx.settings().saveSettings(StoreSettings.allOff()));
        assertThat(read((SyncTransaction tx) -> tx.settings().settings())).isEqualTo(StoreSettings.allOff());
    }

    @Test
    void statusMappingRoundTripsAndIsReplacedWhole() {
        write(tx -> tx.settings().saveStatusMapping(fullStatusMapping()));
        assertThat(read((SyncTransaction tx) -> tx.settings().statusMapping())).isEqualTo(fullStatusMapping());

        StatusMapping smaller = StatusMapping.builder().putInbound(OrderStatus.CONFIRMED, "OPEN").build();
        write(tx -> tx.settings().saveStatusMapping(smaller));
        StatusMapping back = read(tx -> tx.settings().statusMapping());
        assertThat(back).isEqualTo(smaller);
        assertThat(back.outbound()).isEmpty();

        write(tx -> tx.settings().saveStatusMapping(StatusMapping.empty()));
        assertThat(read((SyncTransaction tx) -> tx.settings().statusMapping())).isEqualTo(StatusMapping.empty());
    }

    @Test
    void hubMappingRoundTripsWithRuleOrderKept() {
        write(tx -> tx.settings().saveHubMapping(fullHubMapping()));
        HubMapping back = read(tx -> tx.settings().hubMapping());
        assertThat(back).isEqualTo(fullHubMapping());
        assertThat(back.rules()).extracting(HubRule::hub).containsExactly("HUB-RUH", "HUB-DXB", "HUB-RUH-2");

        HubMapping reversed = HubMapping.builder()
                .addRules(fullHubMapping().rules().get(2), fullHubMapping().rules().get(1),
                        fullHubMapping().rules().get(0))
                .build();
        write(tx -> tx.settings().saveHubMapping(reversed));
        HubMapping replaced = read(tx -> tx.settings().hubMapping());
        assertThat(replaced).isEqualTo(reversed);
        assertThat(replaced.defaultHub()).isEmpty();
        assertThat(replaced.rules()).extracting(HubRule::hub).containsExactly("HUB-RUH-2", "HUB-DXB", "HUB-RUH");
    }

    @Test
    void settingsAndMappingsAreIndependent() {
        write(tx -> tx.settings().saveHubMapping(fullHubMapping()));
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(StoreSettings.allOff());
            assertThat(tx.settings().statusMapping()).isEqualTo(StatusMapping.empty());
            return null;
        });
        write(tx -> tx.settings().saveSettings(allOn()));
        write(tx -> tx.settings().saveStatusMapping(fullStatusMapping()));
        read(tx -> {
            assertThat(tx.settings().settings()).isEqualTo(allOn());
            assertThat(tx.settings().statusMapping()).isEqualTo(fullStatusMapping());
            assertThat(tx.settings().hubMapping()).isEqualTo(fullHubMapping());
            assertThat(tx.settings().changes()).isEmpty();
            return null;
        });
    }

    @Test
    void configurationLogKeepsEveryEntryOldestFirstWithEveryField() {
        ConfigurationChange first = change("alice@host", 0, "settings", StoreSettings.allOff().toString(),
                allOn().toString());
        ConfigurationChange second = change("system", 60, "statusMapping", StatusMapping.empty().toString(),
                fullStatusMapping().toString());
        ConfigurationChange third = change("مدير", 120, "hubMapping", "", fullHubMapping().toString());
        write(tx -> tx.settings().appendChange(first));
        write(tx -> {
            tx.settings().appendChange(second);
            tx.settings().appendChange(third);
        });

        assertThat(read((SyncTransaction tx) -> tx.settings().changes())).containsExactly(first, second, third);
    }

    @Test
    void configurationLogKeepsAppendOrderEvenWhenTimesAreEqual() {
        ConfigurationChange a = change("a", 5, "settings", "x", "y");
        ConfigurationChange b = change("b", 5, "settings", "y", "z");
        ConfigurationChange c = change("c", 5, "settings", "z", "x");
        write(tx -> {
            tx.settings().appendChange(a);
            tx.settings().appendChange(b);
        });
        write(tx -> tx.settings().appendChange(c));
        assertThat(read((SyncTransaction tx) -> tx.settings().changes())).containsExactly(a, b, c);
    }

    @Test
    void configurationLogAcceptsIdenticalEntries() {
        ConfigurationChange same = change("bob", 1, "settings", "x", "y");
        write(tx -> tx.settings().appendChange(same));
        write(tx -> tx.settings().appendChange(same));
        assertThat(read((SyncTransaction tx) -> tx.settings().changes())).containsExactly(same, same);
    }

    @Test
    void configurationLogIsAnUnmodifiableSnapshot() {
        ConfigurationChange first = change("alice", 0, "settings", "a", "b");
        write(tx -> tx.settings().appendChange(first));
        List<ConfigurationChange> snapshot = read(tx -> tx.settings().changes());

        assertThatThrownBy(() -> snapshot.add(first)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);

        write(tx -> tx.settings().appendChange(change("bob", 1, "settings", "b", "c")));
        assertThat(snapshot).containsExactly(first);
        assertThat(read((SyncTransaction tx) -> tx.settings().changes())).hasSize(2);
    }

    @Test
    void writesAreVisibleLaterInTheSameTransaction() {
        ConfigurationChange entry = change("alice", 0, "settings", "a", "b");
        write(tx -> {
            tx.settings().saveSettings(allOn());
            tx.settings().saveStatusMapping(fullStatusMapping());
            tx.settings().saveHubMapping(fullHubMapping());
            tx.settings().appendChange(entry);
            assertThat(tx.settings().settings()).isEqualTo(allOn());
            assertThat(tx.settings().statusMapping()).isEqualTo(fullStatusMapping());
            assertThat(tx.settings().hubMapping()).isEqualTo(fullHubMapping());
            assertThat(tx.settings().changes()).containsExactly(entry);
        });
    }
}
