package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostFulfilment;
import io.github.babyshopsdk.sync.spi.HostInventory;
import io.github.babyshopsdk.sync.spi.HostOrders;
import io.github.babyshopsdk.sync.spi.HubResolver;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything a flow needs, wired once by the engine. Immutable; shared by every flow run (each
 * dependency is thread-safe by its own contract).
 */
public final class FlowContext {
    private final SyncStateStore store;
    private final ChannelGateway channel;
    private final HostOrders hostOrders;
    private final HostCatalog hostCatalog;
    private final HostInventory hostInventory;
    private final HostFulfilment hostFulfilment;
    private final HubResolver hubResolver;
    private final StatusMapper statusMapper;
    private final SyncListener listener;
    private final Clock clock;
    private final EngineOptions options;
    private final QuotaPlanner quota;
    /** The quota waiter of this run; null in the engine's base context. */
    private final FlowQuotaWaiter waiter;

    /** Wires a context; the listener is wrapped so that a throwing listener cannot break a flow. */
    public FlowContext(SyncStateStore store, ChannelGateway channel, HostOrders hostOrders, HostCatalog hostCatalog,
                       HostInventory hostInventory, HostFulfilment hostFulfilment, HubResolver hubResolver,
                       StatusMapper statusMapper, SyncListener listener, Clock clock, EngineOptions options) {
        this.store = store;
        this.channel = channel;
        this.hostOrders = hostOrders;
        this.hostCatalog = hostCatalog;
        this.hostInventory = hostInventory;
        this.hostFulfilment = hostFulfilment;
        this.hubResolver = hubResolver;
        this.statusMapper = statusMapper;
        this.listener = SafeListener.wrap(listener);
        this.clock = clock;
        this.options = options;
        this.quota = new QuotaPlanner(channel);
        this.waiter = null;
    }

    private FlowContext(FlowContext base, LeaseKeeper keeper) {
        Flow flow = keeper.lease().flow();
        FlowQuotaWaiter waiter = new FlowQuotaWaiter(flow, keeper, base.listener, base.options.leaseRenewalInterval(),
                base.options.maxQuotaWait());
        this.store = new FencedStateStore(base.store, keeper);
        this.channel = FencedCalls.guard(ChannelGateway.class, base.channel.forTier(flow.priority(), waiter), keeper);
        this.hostOrders = FencedCalls.guard(HostOrders.class, base.hostOrders, keeper);
        this.hostCatalog = FencedCalls.guard(HostCatalog.class, base.hostCatalog, keeper);
        this.hostInventory = FencedCalls.guard(HostInventory.class, base.hostInventory, keeper);
        this.hostFulfilment = FencedCalls.guard(HostFulfilment.class, base.hostFulfilment, keeper);
        this.hubResolver = base.hubResolver;
        this.statusMapper = base.statusMapper;
        this.listener = base.listener;
        this.clock = base.clock;
        this.options = base.options;
        this.quota = base.quota;
        this.waiter = waiter;
    }

    /**
     * The context of one flow run holding {@code keeper}'s lease: its store is fenced (every transaction checks
     * the lease atomically with its writes) and every call to Babyshop or the host first checks that the lease
     * is not lost. Its channel is the view of the flow's priority tier ({@link ChannelGateway#forTier}): every
     * call is charged to that tier of the quota budget and waits for the window through a
     * {@link FlowQuotaWaiter} of this run (the top tier waits, keeping the lease and telling the listener; the
     * other tiers stop). The quota planner, listener and resolvers are shared.
     */
    public FlowContext forRun(LeaseKeeper keeper) {
        return new FlowContext(this, keeper);
    }

    public SyncStateStore store() {
        return store;
    }

    public ChannelGateway channel() {
        return channel;
    }

    public HostOrders hostOrders() {
        return hostOrders;
    }

    public HostCatalog hostCatalog() {
        return hostCatalog;
    }

    public HostInventory hostInventory() {
        return hostInventory;
    }

    public HostFulfilment hostFulfilment() {
        return hostFulfilment;
    }

    public HubResolver hubResolver() {
        return hubResolver;
    }

    public StatusMapper statusMapper() {
        return statusMapper;
    }

    /** The host's listener, made safe: it never throws. */
    public SyncListener listener() {
        return listener;
    }

    public Clock clock() {
        return clock;
    }

    public EngineOptions options() {
        return options;
    }

    /**
     * When the budget said this run's tier gets its next permit, as of the last call of the run that was refused
     * and not waited for (see {@link FlowQuotaWaiter#refusedUntil()}); empty outside a run or when no call was.
     */
    public Optional<Instant> quotaRefusedUntil() {
        return waiter == null ? Optional.empty() : waiter.refusedUntil();
    }

    /** Planning advice from the quota budget (enforcement is the budget's own); the calls left, for reports. */
    public QuotaPlanner quota() {
        return quota;
    }
}
