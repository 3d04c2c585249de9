package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.RemoteKey;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.config.StoreSettings;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.spi.StatusMapper;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import io.github.babyshopsdk.sync.state.StateStoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the host's order events ({@link io.github.babyshopsdk.sync.spi.HostFulfilment#events}) and turns
 * each into an outbox entry, for both outbound flows (shipments and cancellations run it first).
 *
 * <p>Contract:
 * <ul>
 *   <li>The feed position is the cursor {@value #CURSOR}. Each feed page's entries and the next token are
 *       committed in one transaction, so a crash never loses an event and never skips one. The page is
 *       read again while the feed says {@code hasMore}.</li>
 *   <li>An entry's id is the event id and {@link io.github.babyshopsdk.sync.state.OutboxStore#add}
 *       de-duplicates, so each event is applied at most once however often the feed repeats it.</li>
 *   <li>PACKED becomes {@code CREATE_SHIPMENT} (transporter, AWB). SHIPPED becomes {@code SHIP} when the
 *       outbound mapping maps it to {@link ChannelAction#SHIPPED}, else a {@code SKIPPED} entry with the
 *       reason. DELIVERED becomes a {@code SKIPPED} entry: SellerPanel V3 has no operation for it, and
 *       the engine reports that instead of faking it. CANCELLED becomes {@code CANCEL} only when
 *       "Automated Order Cancellation On Sales Channel" is on and the mapping maps it to
 *       {@link ChannelAction#CANCELLED}, else {@code SKIPPED} with the reason; the line numbers of a
 *       cancellation that names lines are kept, and the cancellations flow refuses it unless they are
 *       every line of the order (the order's lines are known only from Babyshop).</li>
 *   <li>An event whose id or order number is not a valid {@link RemoteKey} is recorded as a {@code SKIPPED}
 *       entry under the keys' {@linkplain RemoteKey#storageForm storage forms}, with the reason, so the
 *       feed moves on. A status mapper that throws at intake leaves the decision to the flow, which asks
 *       it again before sending.</li>
 *   <li>Every {@code SKIPPED} entry is reported through {@code SyncListener.outboundSettled} after its
 *       page is committed. A cancellation skipped because CANCELLED is not mapped outbound (while the store
 *       pushes cancellations) is also a {@code SyncListener.warning}, once per order
 *       ({@link UnsentCancellations}).</li>
 *   <li>Two intakes running at once (the two flows hold different leases) cannot move the cursor back:
 *       a page is committed only if the cursor still holds the token it was read with.</li>
 *   <li>A failing host feed stops the intake (what was committed stays) and is reported as a warning;
 *       the calling flow goes on with the entries already queued. A failing store propagates.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class HostEventIntake {
    /** The cursor holding the token of the next feed read. */
    static final String CURSOR = "events.feedToken";
    /** Reason of a skipped Delivered event. */
    static final String DELIVERED_REASON = "SellerPanel V3 has no operation for Delivered";
    /** Reason of a skipped Shipped event when Shipped is not mapped outbound. */
    static final String SHIPPED_UNMAPPED = "SHIPPED is not mapped outbound";
    /** Reason of a skipped cancellation when the store does not push cancellations. */
    static final String AUTO_CANCEL_OFF = "Automated Order Cancellation On Sales Channel is off";
    /** Reason of a skipped cancellation when Cancelled is not mapped outbound. */
    static final String CANCELLED_UNMAPPED = "CANCELLED is not mapped outbound";
    /** Reason of a refused partial cancellation. */
    static final String PARTIAL_CANCEL = "partial cancellation refused: SellerPanel cancels whole orders only";

    private static final Logger LOG = LoggerFactory.getLogger(HostEventIntake.class);
    /** A guard against a feed that keeps answering {@code hasMore}: the rest is read on the next run. */
    private static final int MAX_PAGES_PER_RUN = 1000;

    /** What one intake did. */
    record Result(int eventsRead, int entriesAdded, Optional<String> feedError) {
    }

    private HostEventIntake() {
    }

    /**
     * Reads every event the feed has ready now and queues them.
     *
     * @param now the run's time: the entries' {@code notBefore}, so they are due in the same run
     * @throws StateStoreException when the store fails (what was committed stays)
     */
    static Result drain(FlowContext context, Instant now) {
        int read = 0;
        int added = 0;
        for (int pages = 0; pages < MAX_PAGES_PER_RUN; pages++) {
            Optional<String> token = context.store().inTransaction(tx -> {
                return tx.cursors().get(CURSOR);
            });
            ChangeFeed<HostEvent> page;
            try {
                page = Objects.requireNonNull(context.hostFulfilment().events(token), "the host feed answered null");
            } catch (StateStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                String error = "the host event feed failed: " + OutboundData.describe(e)
                        + "; entries already queued are still sent";
                LOG.warn("{}", LogSafe.of(error));
                context.listener().warning(error);
                return new Result(read, added, Optional.of(error));
            }
            List<OutboxEntry> unsent = new ArrayList<>();
            List<OutboxEntry> queued = context.store().inTransaction(tx -> {
                unsent.clear();
                if (!tx.cursors().get(CURSOR).equals(token)) {
                    return null;
                }
                StoreSettings settings = tx.settings().settings();
                StatusMapping mapping = tx.settings().statusMapping();
                Instant created = context.clock().instant();
                List<OutboxEntry> entries = new ArrayList<>();
                for (HostEvent event : page.items()) {
                    OutboxEntry entry = toEntry(event, settings, mapping, context.statusMapper(), now, created);
                    if (tx.outbox().add(entry)) {
                        entries.add(entry);
                        if (UnsentCancellations.warningDue(tx, entry)) {
                            unsent.add(entry);
                        }
                    }
                }
                tx.cursors().put(CURSOR, page.nextToken());
                return entries;
            });
            if (queued == null) {
                LOG.debug("host event cursor moved by another run; reading from the new position");
                continue;
            }
            read += page.items().size();
            added += queued.size();
            unsent.forEach(entry -> UnsentCancellations.warn(context, entry));
            for (OutboxEntry entry : queued) {
                if (entry.status() == OutboxStatus.SKIPPED) {
                    context.listener().outboundSettled(entry.orderNo(), OutboundData.label(entry),
                            OutboxStatus.SKIPPED.name(), entry.lastError().orElse(""));
                }
            }
            if (!page.hasMore() || token.equals(Optional.of(page.nextToken()))) {
                return new Result(read, added, Optional.empty());
            }
        }
        LOG.warn("host event feed still has more after {} pages; the rest is read on the next run", MAX_PAGES_PER_RUN);
        return new Result(read, added, Optional.empty());
    }

    /**
     * The outbox entry for one host event. An event whose id or order number is not a valid
     * {@link RemoteKey} becomes a {@code SKIPPED} entry under the keys' storage forms, with the reason; a
     * status mapper that fails leaves the decision to the flow, which asks it again before sending.
     */
    static OutboxEntry toEntry(HostEvent event, StoreSettings settings, StatusMapping mapping, StatusMapper mapper,
                               Instant now, Instant created) {
        OutboxEntry.Builder entry = OutboxEntry.builder().id(RemoteKey.storageForm(event.eventId()))
                .orderNo(RemoteKey.storageForm(event.orderNo())).putData(OutboundData.EVENT, event.type().name())
                .status(OutboxStatus.PENDING).notBefore(now).createdAt(created).updatedAt(created);
        Optional<String> refusal;
        try {
            refusal = refusal(event, entry, settings, mapping, mapper);
        } catch (RuntimeException e) {
            LOG.warn("the status mapper failed on event {}: {}; the flow asks it again before sending",
                    LogSafe.of(event.eventId()), LogSafe.of(e));
            refusal = Optional.empty();
        }
        Optional<String> idProblem = RemoteKey.problem(event.eventId());
        Optional<String> orderProblem = RemoteKey.problem(event.orderNo());
        if (idProblem.isPresent() || orderProblem.isPresent()) {
            refusal = Optional.of(idProblem.map(p -> "invalid host event id: " + p)
                    .orElseGet(() -> "invalid order number: " + orderProblem.orElseThrow()));
            LOG.warn("host event {} for order {} not queued: {}", LogSafe.of(event.eventId()),
                    LogSafe.of(event.orderNo()), refusal.get());
        }
        event.transporter().filter(t -> !t.isBlank()).ifPresent(t -> entry.putData(OutboundData.TRANSPORTER, t));
        event.awbNo().filter(a -> !a.isBlank()).ifPresent(a -> entry.putData(OutboundData.AWB_NO, a));
        refusal.ifPresent(reason -> entry.status(OutboxStatus.SKIPPED).lastError(reason));
        return entry.build();
    }

    /** Sets the entry's operation and says why the event is not pushed, or empty when it is. */
    private static Optional<String> refusal(HostEvent event, OutboxEntry.Builder entry,
                                            StoreSettings settings, StatusMapping mapping, StatusMapper mapper) {
        Optional<String> refusal;
        switch (event.type()) {
            case PACKED:
                entry.operation(OutboxOperation.CREATE_SHIPMENT);
                refusal = Optional.empty();
                break;
            case SHIPPED:
                entry.operation(OutboxOperation.SHIP);
                refusal = shipRefusal(mapping, mapper);
                break;
            case DELIVERED:
                entry.operation(OutboxOperation.SHIP);
                refusal = Optional.of(DELIVERED_REASON);
                break;
            case CANCELLED:
                entry.operation(OutboxOperation.CANCEL);
                if (!event.lineNos().isEmpty()) {
                    entry.putData(OutboundData.LINE_NOS, String.join(",", event.lineNos()));
                }
                refusal = cancelRefusal(settings, mapping, mapper);
                break;
            default:
                throw new IllegalStateException("unknown host event type " + event.type());
        }
        return refusal;
    }

    /** Why a Shipped event is not pushed under {@code mapping}, or empty when it is. */
    static Optional<String> shipRefusal(StatusMapping mapping, StatusMapper mapper) {
        Optional<ChannelAction> action = mapper.actionFor(HostEventType.SHIPPED, mapping);
        if (action.isEmpty()) {
            return Optional.of(SHIPPED_UNMAPPED);
        }
        return action.get() == ChannelAction.SHIPPED ? Optional.empty()
                : Optional.of(SHIPPED_UNMAPPED + " as SHIPPED (it is mapped to " + action.get() + ")");
    }

    /** Why a whole-order host cancellation is not pushed, or empty when it is. */
    static Optional<String> cancelRefusal(StoreSettings settings, StatusMapping mapping, StatusMapper mapper) {
        if (!settings.autoCancelOnChannel()) {
            return Optional.of(AUTO_CANCEL_OFF);
        }
        Optional<ChannelAction> action = mapper.actionFor(HostEventType.CANCELLED, mapping);
        if (action.isEmpty()) {
            return Optional.of(CANCELLED_UNMAPPED);
        }
        return action.get() == ChannelAction.CANCELLED ? Optional.empty()
                : Optional.of(CANCELLED_UNMAPPED + " as CANCELLED (it is mapped to " + action.get() + ")");
    }
}
