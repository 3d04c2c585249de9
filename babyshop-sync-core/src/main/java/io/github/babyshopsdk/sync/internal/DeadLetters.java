package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.DeadLetter;
import io.github.babyshopsdk.sync.DeadLetterKey;
import io.github.babyshopsdk.sync.DeadLetterKind;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowBusyException;
import io.github.babyshopsdk.sync.config.ConfigurationChange;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.InventoryState;
import io.github.babyshopsdk.sync.state.Lease;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.sync.state.OrderRecord;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.QuarantineEntry;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import io.github.babyshopsdk.sync.state.SyncTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters an operator can act on: lists the outbox's, the quarantine's and the inventory ledger's dead
 * letters as {@link DeadLetter}s, re-drives them (due again at once, attempts reset) and discards them (dropped on
 * purpose, with the reason), each change recorded in the configuration log.
 *
 * <p><b>Fencing.</b> A re-drive or discard is a small transaction that a flow's next run sees. It takes the lease of
 * the dead letter's flow for its own holder ({@code <instanceId>/admin}), fences its transaction with it and
 * releases it: it never interleaves with a run of that flow, here or on another node. When the flow is running
 * (its lease is held), it changes nothing and throws {@link FlowBusyException}.
 *
 * <p>Stateless between calls; thread-safe.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    /** Configuration log subject of a re-drive. */
    public static final String REDRIVE_SUBJECT = "deadLetter.redrive";
    /** Configuration log subject of a discard. */
    public static final String DISCARD_SUBJECT = "deadLetter.discard";
    private static final int PAGE = 200;
    private static final Comparator<DeadLetter> OLDEST_FAILURE_FIRST =
            Comparator.comparing(DeadLetter::lastFailedAt).thenComparing(DeadLetter::key);

    private final SyncStateStore store;
    private final Clock clock;
    private final String holder;
    private final Duration leaseTtl;

    /**
     * Dead letters of {@code store}; admin writes take flow leases as {@code <instanceId>/admin} for {@code leaseTtl}
     * (released at once; the ttl only bounds how long a crashed admin call blocks the flow).
     */
    public DeadLetters(SyncStateStore store, Clock clock, String instanceId, Duration leaseTtl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.holder = Objects.requireNonNull(instanceId, "instanceId") + "/admin";
        this.leaseTtl = Objects.requireNonNull(leaseTtl, "leaseTtl");
    }

    /**
     * {@code entry} with its first failure set to its update time when it has none: called where an attempt of an
     * outbox entry fails or it is dead-lettered.
     */
    static OutboxEntry failed(OutboxEntry entry) {
        return entry.firstFailedAt().isPresent() ? entry : OutboxEntry.builder().from(entry).firstFailedAt(entry.updatedAt()).build();
    }

    /**
     * Up to {@code limit} dead letters of every kind, the oldest last failure first (then by key).
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public List<DeadLetter> list(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return store.inTransaction(tx -> {
            List<DeadLetter> all = new ArrayList<>();
            tx.outbox().dead(limit).forEach(entry -> all.add(of(entry)));
            tx.quarantine().deadLettered(limit).forEach(entry -> all.add(of(entry)));
            tx.inventory().deadLettered(limit).forEach(state -> all.add(of(state)));
            all.sort(OLDEST_FAILURE_FIRST);
            return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        });
    }

    /** The dead letter of an outbox entry. */
    static DeadLetter of(OutboxEntry entry) {
        return DeadLetter.builder().kind(DeadLetterKind.OUTBOX).flow(entry.operation().flow()).recordKey(entry.id())
                .orderNo(entry.orderNo()).reason(entry.lastError().orElse("dead-lettered")).attempts(entry.attempts())
                .firstFailedAt(entry.firstFailedAt().orElse(entry.updatedAt())).lastFailedAt(entry.updatedAt())
                .build();
    }

    /** The dead letter of a quarantine entry. */
    static DeadLetter of(QuarantineEntry entry) {
        return DeadLetter.builder().kind(DeadLetterKind.QUARANTINE).flow(entry.flow()).recordKey(entry.key())
                .orderNo(entry.flow() == Flow.ORDERS ? Optional.of(entry.key()) : Optional.empty())
                .reason(entry.reason()).attempts(entry.attempts()).firstFailedAt(entry.firstFailedAt())
                .lastFailedAt(entry.lastFailedAt()).build();
    }

    /** The dead letter of an inventory ledger entry. */
    static DeadLetter of(InventoryState state) {
        return DeadLetter.builder().kind(DeadLetterKind.INVENTORY).flow(Flow.INVENTORY).recordKey(state.vendorSkuCode())
                .reason(state.lastError().orElse("dead-lettered")).attempts(state.attempts())
                .firstFailedAt(state.firstFailedAt().orElse(state.updatedAt())).lastFailedAt(state.updatedAt()).build();
    }

    /**
     * Re-drives the dead letter {@code key}: due again at once with its attempts reset (outbox {@code DEAD ->
     * PENDING}, re-enqueued now so its dependency wait starts again; quarantine entry retried by the next run;
     * inventory entry pushed again with its pending quantity). Logged under {@code actor}.
     *
     * @throws IllegalArgumentException when the key is malformed or the actor blank
     * @throws NoSuchElementException when no dead letter has that key (never was, or was re-driven or discarded)
     * @throws FlowBusyException when its flow is running (nothing changed)
     */
    public DeadLetter redrive(String key, String actor) {
        requireActor(actor);
        DeadLetterKey parsed = DeadLetterKey.parse(key);
        return withLease(flowOf(parsed), tx -> redrive(tx, parsed, actor));
    }

    /**
     * Re-drives every dead letter whose flow is not running, as {@link #redrive} does, each logged under
     * {@code actor}; the dead letters of a running flow are left (listed still) for a later call.
     *
     * @return how many were re-driven
     * @throws IllegalArgumentException when the actor is blank
     */
    public int redriveAll(String actor) {
        requireActor(actor);
        // every key is handled at most once per call (re-driven, or left because its flow is running), so the call
        // ends even if a flow dead-letters an entry again meanwhile
        Set<String> seen = new HashSet<>();
        int redriven = 0;
        while (true) {
            List<DeadLetter> page = list(seen.size() + PAGE).stream().filter(d -> !seen.contains(d.key())).toList();
            if (page.isEmpty()) {
                return redriven;
            }
            page.forEach(letter -> seen.add(letter.key()));
            Map<Flow, List<DeadLetter>> byFlow = new LinkedHashMap<>();
            page.forEach(letter -> byFlow.computeIfAbsent(letter.flow(), f -> new ArrayList<>()).add(letter));
            for (Map.Entry<Flow, List<DeadLetter>> flow : byFlow.entrySet()) {
                try {
                    redriven += withLease(flow.getKey(), tx -> {
                        int done = 0;
                        for (DeadLetter letter : flow.getValue()) {
                            if (tryRedrive(tx, DeadLetterKey.of(letter.kind(), letter.flow(), letter.recordKey()),
                                    actor)) {
                                done++;
                            }
                        }
                        return done;
                    });
                } catch (FlowBusyException e) {
                    LOG.info("dead letters of {} left for later: {}", flow.getKey(), LogSafe.of(e.getMessage()));
                }
            }
        }
    }

    /**
     * Discards the dead letter {@code key} on purpose: an outbox entry becomes {@code SKIPPED} with
     * "discarded by &lt;actor&gt;: &lt;reason&gt;"; a quarantine entry is removed (a quarantined order's record
     * says it was discarded, and why); an inventory entry's pending quantity is cleared. Logged under {@code actor}.
     *
     * @throws IllegalArgumentException when the key is malformed, or the actor or the reason blank
     * @throws NoSuchElementException when no dead letter has that key
     * @throws FlowBusyException when its flow is running (nothing changed)
     */
    public DeadLetter discard(String key, String actor, String reason) {
        requireActor(actor);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a discard needs a reason");
        }
        DeadLetterKey parsed = DeadLetterKey.parse(key);
        String why = StoredText.of("discarded by " + actor + ": " + reason);
        return withLease(flowOf(parsed), tx -> discard(tx, parsed, actor, why));
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor must name who makes the change");
        }
    }

    /** The flow whose lease guards the dead letter of {@code key}. */
    private Flow flowOf(DeadLetterKey key) {
        switch (key.kind()) {
            case QUARANTINE:
                return key.flow().orElseThrow();
            case INVENTORY:
                return Flow.INVENTORY;
            default:
                return store.inTransaction(tx -> tx.outbox().find(key.recordKey()))
                        .filter(entry -> entry.status() == OutboxStatus.DEAD)
                        .orElseThrow(() -> notFound(key)).operation().flow();
        }
    }

    private static NoSuchElementException notFound(DeadLetterKey key) {
        return new NoSuchElementException("no dead letter with key " + LogSafe.of(key.text()));
    }

    /** Runs {@code work} in one transaction fenced by {@code flow}'s lease, taken for the call and released. */
    private <T> T withLease(Flow flow, java.util.function.Function<SyncTransaction, T> work) {
        Instant now = clock.instant();
        Optional<Lease> lease = store.leases().acquire(flow, holder, now, leaseTtl);
        if (lease.isEmpty()) {
            String by = store.leases().current(flow).filter(l -> l.heldAt(now))
                    .map(l -> " (lease held by " + l.holder() + " until " + l.expiresAt() + ")").orElse("");
            throw new FlowBusyException(flow, "the " + flow + " flow is running" + by
                    + "; nothing was changed, try again when it has finished");
        }
        try {
            return store.inTransaction(tx -> {
                tx.fence(lease.get());
                return work.apply(tx);
            });
        } finally {
            try {
                store.leases().release(lease.get());
            } catch (RuntimeException e) {
                LOG.warn("could not release the {} lease taken for a dead letter; it expires at {}: {}", flow,
                        lease.get().expiresAt(), LogSafe.of(e.getMessage()));
            }
        }
    }

    private DeadLetter redrive(SyncTransaction tx, DeadLetterKey key, String actor) {
        DeadLetter letter = find(tx, key).orElseThrow(() -> notFound(key));
        tryRedrive(tx, key, actor);
        return letter;
    }

    /** Re-drives {@code key} if it is still a dead letter; false when it no longer is. */
    private boolean tryRedrive(SyncTransaction tx, DeadLetterKey key, String actor) {
        Instant now = clock.instant();
        Optional<DeadLetter> letter = find(tx, key);
        if (letter.isEmpty()) {
            return false;
        }
        String after;
        switch (key.kind()) {
            case OUTBOX: {
                OutboxEntry entry = tx.outbox().find(key.recordKey()).orElseThrow();
                tx.outbox().save(OutboxEntry.builder().from(entry).status(OutboxStatus.PENDING).attempts(0).notBefore(now).createdAt(now).updatedAt(now).firstFailedAt(Optional.empty()).build());
                after = "PENDING, due at " + now + ", attempts 0";
                break;
            }
            case QUARANTINE: {
                QuarantineEntry entry = tx.quarantine().find(key.flow().orElseThrow(), key.recordKey()).orElseThrow();
                tx.quarantine().save(QuarantineEntry.builder().from(entry).deadLettered(false).attempts(0).build());
                after = "quarantined, retried by the next " + entry.flow() + " run, attempts 0";
                break;
            }
            default: {
                InventoryState state = tx.inventory().find(key.recordKey()).orElseThrow();
                // a dead-lettered moderation refusal starts its count and back-off again
                tx.inventory().save(InventoryState.builder().from(state).deadLettered(false).attempts(0)
                        .moderationRefusals(0).retryAt(Optional.empty()).updatedAt(now).build());
                after = "pending " + state.pendingQuantity().map(Object::toString).orElse("nothing")
                        + ", pushed by the next INVENTORY run, attempts 0";
                break;
            }
        }
        log(tx, actor, REDRIVE_SUBJECT, letter.get(), after, now);
        return true;
    }

    private DeadLetter discard(SyncTransaction tx, DeadLetterKey key, String actor, String why) {
        Instant now = clock.instant();
        DeadLetter letter = find(tx, key).orElseThrow(() -> notFound(key));
        switch (key.kind()) {
            case OUTBOX: {
                OutboxEntry entry = tx.outbox().find(key.recordKey()).orElseThrow();
                tx.outbox().save(OutboxEntry.builder().from(entry).status(OutboxStatus.SKIPPED).lastError(why).updatedAt(now).build());
                break;
            }
            case QUARANTINE: {
                Flow flow = key.flow().orElseThrow();
                tx.quarantine().remove(flow, key.recordKey());
                if (flow == Flow.ORDERS) {
                    Optional<OrderRecord> record = tx.orders().find(key.recordKey());
                    tx.orders().save(record.map(r -> OrderRecord.builder().from(r).detail(why).updatedAt(now).build())
                            .orElseGet(() -> OrderRecord.builder().orderNo(key.recordKey()).state(OrderState.SKIPPED)
                                    .reason(OrderReason.DISCARDED).detail(why).updatedAt(now).build()));
                }
                break;
            }
            default: {
                InventoryState state = tx.inventory().find(key.recordKey()).orElseThrow();
                tx.inventory().save(InventoryState.builder().from(state).pendingQuantity(Optional.empty())
                        .deadLettered(false).attempts(0).moderationRefusals(0).retryAt(Optional.empty())
                        .lastError(why).updatedAt(now).build());
                break;
            }
        }
        log(tx, actor, DISCARD_SUBJECT, letter, why, now);
        return letter;
    }

    /** The dead letter of {@code key} as the transaction sees it, empty when there is none (or it is not dead). */
    private static Optional<DeadLetter> find(SyncTransaction tx, DeadLetterKey key) {
        switch (key.kind()) {
            case OUTBOX:
                return tx.outbox().find(key.recordKey()).filter(e -> e.status() == OutboxStatus.DEAD)
                        .map(DeadLetters::of);
            case QUARANTINE:
                return tx.quarantine().find(key.flow().orElseThrow(), key.recordKey())
                        .filter(QuarantineEntry::deadLettered).map(DeadLetters::of);
            default:
                return tx.inventory().find(key.recordKey()).filter(InventoryState::deadLettered).map(DeadLetters::of);
        }
    }

    private static void log(SyncTransaction tx, String actor, String subject, DeadLetter letter, String after,
                            Instant at) {
        tx.settings().appendChange(ConfigurationChange.builder().actor(actor).at(at).subject(subject)
                .before(letter.key() + " (" + letter.flow() + ", " + letter.attempts() + " attempt(s), first failed "
                        + letter.firstFailedAt() + ", last failed " + letter.lastFailedAt() + "): " + letter.reason())
                .after(after).build());
    }
}
