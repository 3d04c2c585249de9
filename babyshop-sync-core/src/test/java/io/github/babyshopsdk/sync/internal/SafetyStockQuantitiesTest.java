package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.Reserve;
import io.github.babyshopsdk.sync.config.SafetyStock;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The safety stock in {@link InventoryFlow#quantities} (applied to the hubs that count, before the rounding down),
 * and {@link ConfigurationWarnings} with the store's mapper.
 */
class SafetyStockQuantitiesTest {

    private static StockLevel level(String code, String hub, String available) {
        return StockLevel.of(code, hub, new BigDecimal(available));
    }

    @Test
    void theRuleAppliesToTheMappedHubsBeforeTheRoundingDown() {
        SafetyStock rule = SafetyStock.builder().global(Reserve.units(2)).putHubs("RUH", Reserve.percent(50))
                .putSkus("V3", Reserve.units(new BigDecimal("0.001"))).build();
        List<StockLevel> levels = List.of(level("V1", "DXB", "5"), level("V1", "JED", "100"),
                level("V2", "DXB", "1"), level("V3", "RUH", "3"), level("V3", "DXB", "0.0019"),
                level("V4", "JED", "7"));
        Map<String, String> refused = new LinkedHashMap<>();

        Map<String, BigDecimal> quantities = InventoryFlow.quantities(List.of("V1", "V2", "V3", "V4"), levels,
                Set.of("DXB", "RUH"), rule, refused);

        assertThat(quantities.get("V1")).as("JED does not count").isEqualByComparingTo("3");
        assertThat(quantities.get("V2")).isEqualByComparingTo("0");
        // RUH 3 - 50% (1.5) = 1.5, + 0.0019 = 1.5019, - 0.001 = 1.5009, rounded down to 1.500
        assertThat(quantities.get("V3")).isEqualByComparingTo("1.5");
        assertThat(quantities.get("V4")).as("known to the host only in a hub that does not count").isEqualByComparingTo("0");
        assertThat(refused).isEmpty();
        assertThat(InventoryFlow.quantities(List.of("V1"), levels, Set.of("DXB", "RUH")).get("V1"))
                .as("without a rule").isEqualByComparingTo("5");
    }

    @Test
    void aCustomMapperThatMapsCancelledOutboundIsHonoured() {
        StoreSettings autoCancel = StoreSettings.builder().orderSync(true).catalogSync(true).autoCancelOnChannel(true)
                .build();
        StatusMapper custom = new StatusMapper() {
            @Override
            public Optional<String> stageFor(io.github.babyshopsdk.client.model.Order order, StatusMapping mapping) {
                return Optional.of("NEW");
            }

            @Override
            public Optional<ChannelAction> actionFor(HostEventType event, StatusMapping mapping) {
                return Optional.of(event == HostEventType.CANCELLED ? ChannelAction.CANCELLED : ChannelAction.SHIPPED);
            }
        };

        assertThat(ConfigurationWarnings.of(autoCancel, StatusMapping.empty(), custom)).isEmpty();
        assertThat(ConfigurationWarnings.of(autoCancel, StatusMapping.empty(), StatusMapper.byMapping()))
                .singleElement().asString().contains(ConfigurationWarnings.CANCELLATIONS_NOT_PUSHED);
        StatusMapper throwing = new StatusMapper() {
            @Override
            public Optional<String> stageFor(io.github.babyshopsdk.client.model.Order order, StatusMapping mapping) {
                return Optional.empty();
            }

            @Override
            public Optional<ChannelAction> actionFor(HostEventType event, StatusMapping mapping) {
                throw new IllegalStateException("mapper down");
            }
        };
        assertThat(ConfigurationWarnings.of(autoCancel, StatusMapping.empty(), throwing)).singleElement().asString()
                .contains("the status mapper failed", "mapper down");
    }
}
