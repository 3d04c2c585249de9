package io.github.babyshopsdk.sync.internal;

import static io.github.babyshopsdk.sync.internal.OutboundFixture.event;
import static io.github.babyshopsdk.sync.internal.OutboundFixture.packed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxOperation;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The host event intake shared by the shipments and cancellations flows. */
class OutboundIntakeTest {
    private final OutboundFixture fx = new OutboundFixture();

    /** Rule: each host event is applied at most once per id, however often the feed repeats it. */
    @Test
    void eventsAreAppliedAtMostOncePerIdEvenWhenTheFeedRepeatsThem() {
        fx.order("A1", 1);
        fx.host.ignoreTokens = true;
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"), packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport first = fx.shipments();
        FlowReport second = fx.shipments();
        fx.later();
        FlowReport third = fx.cancellations();

        assertThat(first.fetched()).isEqualTo(2);
        assertThat(second.fetched()).isEqualTo(2);
        assertThat(third.fetched()).isEqualTo(2);
        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(fx.host.labels).containsExactly("A1/INV-1/INV-1.pdf");
        assertThat(fx.entry("e1")).get().extracting(OutboxEntry::status).isEqualTo(OutboxStatus.DONE);
        assertThat(first.pushed()).isEqualTo(1);
        assertThat(second.pushed()).isZero();
    }

    /** Rule: the next feed token is saved with the entries of its page, and the feed is read while it has more. */
    @Test
    void theFeedTokenMovesPageByPageAndTheNextRunStartsWhereThisOneEnded() {
        fx.host.pageSize = 2;
        for (int i = 1; i <= 5; i++) {
            fx.host.emit(event("d" + i, "A" + i, HostEventType.DELIVERED));
        }

        FlowReport report = fx.shipments();

        assertThat(report.fetched()).isEqualTo(5);
        assertThat(fx.host.tokensAsked).containsExactly(Optional.empty(), Optional.of("2"), Optional.of("4"));
        assertThat(fx.cursor()).contains("5");

        fx.shipments();
        assertThat(fx.host.tokensAsked).last().isEqualTo(Optional.of("5"));
    }

    /** Rule: DELIVERED is reported as skipped (SellerPanel V3 has no operation for it), never faked. */
    @Test
    void deliveredIsReportedNotFaked() {
        fx.order("A1", 1);
        fx.host.emit(event("e1", "A1", HostEventType.DELIVERED));

        FlowReport report = fx.shipments();

        OutboxEntry entry = fx.entry("e1").orElseThrow();
        assertThat(entry.status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(entry.lastError()).contains("SellerPanel V3 has no operation for Delivered");
        assertThat(fx.listener.settled)
                .containsExactly("A1/DELIVERED/SKIPPED/SellerPanel V3 has no operation for Delivered");
        assertThat(fx.channel.calls).isEmpty();
        assertThat(report.pushed()).isZero();
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
    }

    /** Rule: SHIPPED is pushed only when the outbound mapping maps it to SHIPPED; otherwise skipped with the reason. */
    @Test
    void shippedIsSkippedWhenNotMappedOutbound() {
        fx.configure(true, StatusMapping.builder().putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
        fx.order("A1", 1);
        fx.host.emit(event("e1", "A1", HostEventType.SHIPPED));

        fx.shipments();

        assertThat(fx.entry("e1").orElseThrow().status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(fx.entry("e1").orElseThrow().lastError()).contains("SHIPPED is not mapped outbound");
        assertThat(fx.listener.settled).containsExactly("A1/SHIP/SKIPPED/SHIPPED is not mapped outbound");
        assertThat(fx.channel.calls).isEmpty();
    }

    /** Rule: PACKED becomes CREATE_SHIPMENT with transporter and AWB; mapped SHIPPED becomes SHIP; whole CANCELLED becomes CANCEL. */
    @Test
    void eventsBecomeTheirOperations() {
        fx.host.emit(packed("p", "A1", "ECOM", "AWB1"), event("s", "A1", HostEventType.SHIPPED),
                event("c", "A2", HostEventType.CANCELLED));

        fx.shipments();

        OutboxEntry packed = fx.entry("p").orElseThrow();
        assertThat(packed.operation()).isEqualTo(OutboxOperation.CREATE_SHIPMENT);
        assertThat(packed.data()).containsEntry("transporter", "ECOM").containsEntry("awbNo", "AWB1");
        assertThat(fx.entry("s").orElseThrow().operation()).isEqualTo(OutboxOperation.SHIP);
        assertThat(fx.entry("c").orElseThrow().operation()).isEqualTo(OutboxOperation.CANCEL);
        assertThat(fx.entry("c").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    /** Rule: a whole-order cancellation is pushed only with the auto-cancel toggle on; otherwise skipped with the reason. */
    @Test
    void cancellationIsSkippedWhenAutoCancelIsOff() {
        fx.configure(false, StatusMapping.builder().putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
        fx.order("A1", 1);
        fx.host.emit(event("e1", "A1", HostEventType.CANCELLED));

        fx.shipments();

        assertThat(fx.entry("e1").orElseThrow().status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(fx.entry("e1").orElseThrow().lastError()).contains(HostEventIntake.AUTO_CANCEL_OFF);
        assertThat(fx.listener.settled).containsExactly("A1/CANCEL/SKIPPED/" + HostEventIntake.AUTO_CANCEL_OFF);
        assertThat(fx.channel.calls).isEmpty();
    }

    /** Rule: a whole-order cancellation is pushed only when CANCELLED is mapped to CANCELLED outbound. */
    @Test
    void cancellationIsSkippedWhenNotMappedOutbound() {
        fx.configure(true, StatusMapping.builder().putOutbound(HostEventType.SHIPPED, ChannelAction.SHIPPED).build());
        fx.order("A1", 1);
        fx.host.emit(event("e1", "A1", HostEventType.CANCELLED));

        fx.cancellations();

        assertThat(fx.entry("e1").orElseThrow().status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(fx.entry("e1").orElseThrow().lastError()).contains("CANCELLED is not mapped outbound");
        assertThat(fx.channel.calls).isEmpty();
    }

    /** Rule: a failing host feed is reported as a warning; entries already queued are still sent. */
    @Test
    void aFailingFeedWarnsAndQueuedWorkGoesOn() {
        fx.order("A1", 1);
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));
        fx.host.feedFailure = new IllegalStateException("no route to host");
        fx.store.inTransaction(tx -> {
            return tx.outbox().add(HostEventIntake.toEntry(packed("e0", "A1", "ECOM", "AWB1"),
                    tx.settings().settings(), tx.settings().statusMapping(),
                    io.github.babyshopsdk.sync.spi.StatusMapper.byMapping(), fx.clock.instant(), fx.clock.instant()));
        });

        FlowReport report = fx.shipments();

        assertThat(fx.listener.warnings).singleElement().asString().contains("host event feed failed", "no route to host");
        assertThat(report.pushed()).isEqualTo(1);
        assertThat(fx.entry("e1")).isEmpty();
        assertThat(fx.cursor()).isEmpty();
    }

    /** Rule: two intakes at once (the two flows hold different leases) never move the feed cursor back or apply an event twice. */
    @Test
    void aConcurrentIntakeNeverMovesTheCursorBack() {
        fx.host.pageSize = 1;
        fx.host.emit(event("d1", "A1", HostEventType.DELIVERED), event("d2", "A2", HostEventType.DELIVERED));
        fx.host.duringRead = () -> fx.cancellations();

        fx.shipments();

        assertThat(fx.cursor()).contains("2");
        assertThat(fx.host.tokensAsked).containsExactly(Optional.empty(), Optional.empty(), Optional.of("1"),
                Optional.of("2"));
        assertThat(fx.listener.settled).hasSize(2);
        assertThat(fx.entry("d1")).isPresent();
        assertThat(fx.entry("d2")).isPresent();
    }

    /**
     * Rule: a host event whose order number or id is no valid key is recorded SKIPPED under the keys'
     * storage forms, with the reason; the feed moves on and the other events are sent.
     */
    @Test
    void anEventWithAnInvalidOrderNumberOrIdIsSkippedAndTheFeedGoesOn() {
        String longOrderNo = "7".repeat(600);
        String longId = "e".repeat(600);
        fx.order("A1", 1);
        fx.host.emit(packed("e1", longOrderNo, "ECOM", "AWB1"), event(longId, "A1", HostEventType.SHIPPED),
                packed("e2", "A1", "ECOM", "AWB2"), event("e3", "A1\r\nforged", HostEventType.CANCELLED));

        FlowReport report = fx.shipments();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(fx.entry("e1")).get().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxStatus.SKIPPED);
            assertThat(entry.orderNo()).isEqualTo(io.github.babyshopsdk.sync.RemoteKey.storageForm(longOrderNo));
            assertThat(entry.lastError()).get().asString().startsWith("invalid order number").contains("600 characters");
        });
        assertThat(fx.entry(io.github.babyshopsdk.sync.RemoteKey.storageForm(longId))).get().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxStatus.SKIPPED);
            assertThat(entry.lastError()).get().asString().startsWith("invalid host event id");
        });
        assertThat(fx.entry("e3")).get().extracting(OutboxEntry::status).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(fx.entry("e2")).get().extracting(OutboxEntry::status).isEqualTo(OutboxStatus.DONE);
        assertThat(fx.cursor()).contains("4");
    }
}
