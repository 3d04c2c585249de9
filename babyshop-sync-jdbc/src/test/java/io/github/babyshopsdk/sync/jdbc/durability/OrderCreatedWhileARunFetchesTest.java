package io.github.babyshopsdk.sync.jdbc.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.catalog.InventoryUpdateResult;
import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.client.quota.QuotaSnapshot;
import io.github.babyshopsdk.client.quota.QuotaWaiter;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Found by {@link TwoNodesTest} (seed 20260302: a block of 14 new orders never imported): an order created on
 * Babyshop while an ORDERS run is between its listing and its fetch must still be imported.
 *
 * <p>Made exact with a gateway that, before the run's first orderFetch, plays Babyshop's side: a new order B
 * arrives, then 20 minutes later order A (listed by this run) is confirmed. The run fetches A with its new
 * update time and imports it; B was not in its listing.
 */
class OrderCreatedWhileARunFetchesTest {

    @Test
    void anOrderCreatedBetweenARunsListingAndItsFetchIsStillImported() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().seed(5).fixture(Fixture.of(5, 5, 10)).noQuota()
                .moderationDelay(Duration.ZERO).build().start();
                SharedDatabase db = SharedDatabase.h2Memory()) {
            var pool = db.newPool("node", 6);
            JdbcTestHost.createTables(pool);
            AtomicReference<Runnable> beforeNextFetch = new AtomicReference<>();
            EngineNode node = EngineNode.create(sim.baseUrl(), pool, "node-a", true, false, UnaryOperator.identity(),
                    SyncListener.none(), gateway -> new BeforeFetch(gateway, beforeNextFetch));
            node.configure();
            node.engine().run(Flow.ORDERS);

            sim.simulatedClock().advance(Duration.ofMinutes(1));
            String a = sim.store().generateOrder().orderNo();
            AtomicReference<String> b = new AtomicReference<>();
            beforeNextFetch.set(() -> {
                sim.simulatedClock().advance(Duration.ofMinutes(1));
                b.set(sim.store().generateOrder().orderNo());
                sim.simulatedClock().advance(Duration.ofMinutes(20));
                sim.store().setOrderStatus(a, 5);
            });
            node.engine().run(Flow.ORDERS);
            assertThat(b.get()).as("order B was created during the run").isNotNull();
            for (int run = 0; run < 3; run++) {
                sim.simulatedClock().advance(Duration.ofMinutes(1));
                node.engine().run(Flow.ORDERS);
            }

            SimOrder orderB = sim.store().order(b.get()).orElseThrow();
            assertThat(node.host().orders()).as("host orders").containsKey(a);
            assertThat(node.host().orders()).as("host orders: B (Pending, updated %s; engine: %s)",
                    orderB.lastUpdate(), node.engine().explain(b.get())).containsKey(b.get());
        }
    }

    /** A gateway that runs a hook (once) before the next orderFetch. */
    private static final class BeforeFetch implements ChannelGateway {
        private final ChannelGateway delegate;
        private final AtomicReference<Runnable> hook;

        BeforeFetch(ChannelGateway delegate, AtomicReference<Runnable> hook) {
            this.delegate = delegate;
            this.hook = hook;
        }

        @Override
        public ChannelGateway forTier(int tier, QuotaWaiter waiter) {
            return new BeforeFetch(delegate.forTier(tier, waiter), hook);
        }

        @Override
        public Pages<OrderSummary> listOrders(Instant since) {
            return delegate.listOrders(since);
        }

        @Override
        public Records<Order> fetchOrders(Collection<String> orderNos) {
            Runnable once = hook.getAndSet(null);
            if (once != null) {
                once.run();
            }
            return delegate.fetchOrders(orderNos);
        }

        @Override
        public Pages<Product> listProducts(Instant since) {
            return delegate.listProducts(since);
        }

        @Override
        public InventoryUpdateResult pushInventory(List<InventoryItem> items) {
            return delegate.pushInventory(items);
        }

        @Override
        public Records<InventoryModeration> moderationStatus(List<String> moderationIds) {
            return delegate.moderationStatus(moderationIds);
        }

        @Override
        public String createInvoice(InvoiceRequest request) {
            return delegate.createInvoice(request);
        }

        @Override
        public Document fetchLabel(String invoiceNo) {
            return delegate.fetchLabel(invoiceNo);
        }

        @Override
        public void ship(Shipment shipment) {
            delegate.ship(shipment);
        }

        @Override
        public void cancel(String orderNo) {
            delegate.cancel(orderNo);
        }

        @Override
        public QuotaSnapshot quota() {
            return delegate.quota();
        }
    }
}
