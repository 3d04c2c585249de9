package io.github.babyshopsdk.examples;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.model.OrderStatus;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.channel.ClientChannelGateway;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.HubMapping;
import io.github.babyshopsdk.sync.config.HubRule;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.memory.InMemoryHost;
import io.github.babyshopsdk.sync.schedule.IntervalSyncScheduler;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.SyncStateStore;

/** The README's host wiring: one client, the engine with every SPI given explicitly, settings and mappings. */
public final class PlainHostWiring {
    private PlainHostWiring() {
    }

    /** Wires an engine for one Babyshop store; {@code host} stands for the host's own SPI adapters. */
    public static SyncEngine wire(BabyshopClient client, SyncStateStore state, InMemoryHost host) {
        SyncEngine engine = SyncEngine.builder()
                .stateStore(state)                                   // InMemorySyncStateStore or JdbcSyncStateStore
                .channel(ClientChannelGateway.of(client))            // Babyshop, through the client
                .hostOrders(host).hostCatalog(host)                  // the host's ports: create/cancel orders, SKUs,
                .hostInventory(host).hostFulfilment(host)            // stock per hub, order events and labels
                .hubResolver(HubResolver.byMapping())                // hub by shipping address, else the default hub
                .statusMapper(StatusMapper.byMapping())              // Babyshop status <-> host stage
                .scheduler(IntervalSyncScheduler.defaults())         // orders every 30 min, shorter allowed
                .listener(new SyncListener() {
                    @Override
                    public void flowFinished(FlowReport report) {
                        System.out.printf("%s %s: %d fetched, %d imported, %d pushed, %d failed%n", report.flow(),
                                report.outcome(), report.fetched(), report.imported(), report.pushed(), report.failed());
                    }
                })
                .build();
        engine.updateSettings("setup", s -> StoreSettings.builder()
                .orderSync(true).catalogSync(true).inventorySync(true).autoCancelOnChannel(true).build());
        engine.updateStatusMapping("setup", StatusMapping.builder()
                .putInbound(OrderStatus.PENDING, "NEW").putInbound(OrderStatus.CONFIRMED, "NEW")
                .putInbound(OrderStatus.CANCELLED, "CANCELLED")
                .putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED)
                .putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
        engine.updateHubMapping("setup", HubMapping.builder().defaultHub("HUB-DXB")
                .addRules(HubRule.builder().country("SAU").hub("HUB-RUH").build()).build());
        return engine;  // then: ExecutorSyncRunner.start(engine, executor, Duration.ofMinutes(1), Clock.systemUTC())
    }
}
