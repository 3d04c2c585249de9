package io.github.babyshopsdk.sync.jdbc.durability;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.LeaseStore;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * When each node held each flow's lease, as this JVM saw it: from just after {@code tryAcquire} returned
 * true to just before {@code release} was called (monotonic nanos). Another node can take a lease only after
 * the release committed, so if leases keep runs apart, the held intervals of one flow never overlap across
 * nodes. Thread-safe.
 */
final class LeaseLog {

    /** One lease held by {@code node} for {@code flow}. */
    record Held(Flow flow, String node, long fromNanos, long toNanos) {
    }

    private final List<Held> held = new ArrayList<>();
    private final Map<String, Long> open = new HashMap<>();
    private final Map<String, Map<Flow, Integer>> refused = new HashMap<>();

    /** Wraps {@code store} so that the leases taken through it are logged under {@code node}. */
    SyncStateStore recording(SyncStateStore store, String node) {
        LeaseStore leases = store.leases();
        LeaseStore logged = new LeaseStore() {
            @Override
            public Optional<Lease> acquire(Flow flow, String owner, Instant now, Duration ttl) {
                Optional<Lease> lease = leases.acquire(flow, owner, now, ttl);
                boolean acquired = lease.isPresent();
                long at = System.nanoTime();
                synchronized (LeaseLog.this) {
                    if (acquired) {
                        open.putIfAbsent(node + "/" + flow, at);
                    } else {
                        refused.computeIfAbsent(node, n -> new EnumMap<>(Flow.class)).merge(flow, 1, Integer::sum);
                    }
                }
                return lease;
            }

            @Override
            public Optional<Lease> renew(Lease lease, Instant now, Duration ttl) {
                return leases.renew(lease, now, ttl);
            }

            @Override
            public Optional<Lease> current(Flow flow) {
                return leases.current(flow);
            }

            @Override
            public void release(Lease lease) {
                closed(lease.flow());
                leases.release(lease);
            }

            @Override
            public void release(Flow flow, String owner) {
                closed(flow);
                leases.release(flow, owner);
            }

            private void closed(Flow flow) {
                long at = System.nanoTime();
                synchronized (LeaseLog.this) {
                    Long from = open.remove(node + "/" + flow);
                    if (from != null) {
                        held.add(new Held(flow, node, from, at));
                    }
                }
            }
        };
        return new SyncStateStore() {
            @Override
            public <T> T inTransaction(Function<SyncTransaction, T> work) {
                return store.inTransaction(work);
            }

            @Override
            public LeaseStore leases() {
                return logged;
            }
        };
    }

    /** Every lease held and released, by start. */
    synchronized List<Held> held() {
        List<Held> all = new ArrayList<>(held);
        all.sort(Comparator.comparingLong(Held::fromNanos));
        return all;
    }

    /** How often each node was refused each flow's lease (another node held it). */
    synchronized Map<String, Map<Flow, Integer>> refused() {
        Map<String, Map<Flow, Integer>> copy = new HashMap<>();
        refused.forEach((node, counts) -> copy.put(node, new EnumMap<>(counts)));
        return copy;
    }

    /** Pairs of leases of one flow held by different nodes at the same time. */
    List<String> overlaps() {
        List<String> overlaps = new ArrayList<>();
        Map<Flow, List<Held>> byFlow = new EnumMap<>(Flow.class);
        held().forEach(h -> byFlow.computeIfAbsent(h.flow(), f -> new ArrayList<>()).add(h));
        byFlow.forEach((flow, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size() && list.get(j).fromNanos() <= list.get(i).toNanos(); j++) {
                    if (!list.get(i).node().equals(list.get(j).node())) {
                        overlaps.add(flow + ": " + list.get(i) + " and " + list.get(j));
                    }
                }
            }
        });
        return overlaps;
    }

    /** Whether {@code node} held {@code flow}'s lease during the whole of [from, to]. */
    boolean heldDuring(String node, Flow flow, long fromNanos, long toNanos) {
        return held().stream().anyMatch(h -> h.node().equals(node) && h.flow() == flow && h.fromNanos() <= fromNanos
                && toNanos <= h.toNanos());
    }
}
