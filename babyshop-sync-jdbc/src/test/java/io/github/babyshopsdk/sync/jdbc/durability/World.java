package io.github.babyshopsdk.sync.jdbc.durability;

import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The world outside the engine nodes, moved on between their restarts or while they run: Babyshop (through
 * the simulator's mutators) and the host's own users (through {@link JdbcTestHost}'s writers), with a record
 * of what it did (orders packed, shipped, cancelled in the host or on Babyshop). Every choice comes from one seeded
 * {@link Random}; simulated time moves a tick before every change, so each has its own update time.
 */
final class World {
    final SellerPanelSimulator sim;
    final JdbcTestHost host;
    final Random random;
    final List<String> vendorSkuCodes;
    final Set<String> packed = new TreeSet<>();
    final Set<String> shipped = new TreeSet<>();
    final Set<String> cancelledInHost = new TreeSet<>();
    final Set<String> cancelledOnChannel = new TreeSet<>();
    final Duration tick;
    int stockChanges;
    private int events;

    /**
     * A world over the simulator and the host.
     *
     * @param tick how far simulated time moves before each change on Babyshop or in the host
     */
    World(SellerPanelSimulator sim, JdbcTestHost host, Random random, Duration tick) {
        this.sim = sim;
        this.host = host;
        this.random = random;
        this.tick = tick;
        this.vendorSkuCodes = sim.store().products().stream().filter(SimProduct::hasValidVendorSkuCode)
                .map(SimProduct::vendorSkuCode).distinct().sorted().toList();
    }

    /**
     * Stock for every SKU: most in the store's hubs (a few negative), some also in a hub that does not serve
     * the store, a tenth only there (0 for Babyshop). Every SKU is known to the host.
     */
    void initialStock() {
        for (String code : vendorSkuCodes) {
            if (random.nextInt(10) == 0) {
                setStock(code, EngineNode.HUB_UNMAPPED, random.nextInt(100));
                continue;
            }
            setStock(code, EngineNode.HUB_DXB, random.nextInt(50));
            if (random.nextInt(3) == 0) {
                setStock(code, EngineNode.HUB_RUH, random.nextInt(35) - 5);
            }
            if (random.nextInt(5) == 0) {
                setStock(code, EngineNode.HUB_UNMAPPED, random.nextInt(100));
            }
        }
    }

    /** One round of changes: new orders, and each other kind of change in some rounds. */
    void moveOn() {
        int newOrders = 3 + random.nextInt(13);
        for (int i = 0; i < newOrders; i++) {
            tick();
            sim.store().generateOrder();
        }
        if (random.nextInt(10) < 4) {
            List<SimOrder> open = sim.store().orders().stream()
                    .filter(o -> (o.status() == 1 || o.status() == 5) && !packed.contains(o.orderNo())
                            && !cancelledInHost.contains(o.orderNo())).toList();
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n && !open.isEmpty(); i++) {
                String orderNo = open.get(random.nextInt(open.size())).orderNo();
                tick();
                sim.store().cancelOnChannel(orderNo);
                cancelledOnChannel.add(orderNo);
            }
        }
        if (random.nextInt(10) < 7) {
            int n = 3 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                String code = vendorSkuCodes.get(random.nextInt(vendorSkuCodes.size()));
                int hub = random.nextInt(10);
                setStock(code, hub < 6 ? EngineNode.HUB_DXB : hub < 9 ? EngineNode.HUB_RUH : EngineNode.HUB_UNMAPPED,
                        random.nextInt(66) - 6);
            }
        }
        List<String> packable = packable();
        if (random.nextInt(10) < 5) {
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n && !packable.isEmpty(); i++) {
                String orderNo = packable.remove(random.nextInt(packable.size()));
                tick();
                events++;
                host.addEvent("ev-" + events, orderNo, HostEventType.PACKED, "Aramex", "AWB" + (100000 + events));
                packed.add(orderNo);
            }
        }
        if (random.nextInt(10) < 5) {
            Set<String> labelled = host.labels().keySet();
            List<String> shippable = packed.stream().filter(o -> labelled.contains(o) && !shipped.contains(o))
                    .collect(Collectors.toCollection(ArrayList::new));
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n && !shippable.isEmpty(); i++) {
                String orderNo = shippable.remove(random.nextInt(shippable.size()));
                tick();
                events++;
                host.addEvent("ev-" + events, orderNo, HostEventType.SHIPPED, null, null);
                shipped.add(orderNo);
            }
        }
        if (random.nextInt(10) < 3 && !packable.isEmpty()) {
            String orderNo = packable.get(random.nextInt(packable.size()));
            tick();
            events++;
            host.cancelInHost("ev-" + events, orderNo);
            cancelledInHost.add(orderNo);
        }
    }

    /** Imported, open orders, neither packed nor cancelled anywhere yet. */
    private List<String> packable() {
        Map<String, SimOrder> onChannel = sim.store().orders().stream()
                .collect(Collectors.toMap(SimOrder::orderNo, o -> o));
        return host.orders().values().stream()
                .filter(o -> !o.cancelled() && o.stage().equals("NEW"))
                .map(JdbcTestHost.HostOrder::orderNo)
                .filter(no -> !packed.contains(no) && !cancelledInHost.contains(no)
                        && !cancelledOnChannel.contains(no))
                .filter(no -> onChannel.get(no).status() == 1 || onChannel.get(no).status() == 5)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private void setStock(String code, String hub, int quantity) {
        host.setStock(code, hub, BigDecimal.valueOf(quantity));
        stockChanges++;
    }

    private void tick() {
        sim.simulatedClock().advance(tick);
    }
}
