package io.github.babyshopsdk.sync.internal;

import java.util.List;
import static io.github.babyshopsdk.sync.internal.OutboundFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.InvalidRequestException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OrderState;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import org.junit.jupiter.api.Test;

/** The cancellations flow: whole-order host cancellations pushed to Babyshop. */
class CancellationFlowTest {
    private final OutboundFixture fx = new OutboundFixture();

    private OutboxEntry entry(String id) {
        return fx.entry(id).orElseThrow();
    }

    /** Rule: a whole-order host cancellation (toggle on, mapped) cancels the order on Babyshop and records status 8. */
    @Test
    void aWholeOrderCancellationIsPushed() {
        fx.order("A1", 2);
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED));

        FlowReport report = fx.cancellations();

        assertThat(fx.channel.calls).containsExactly("cancel:A1");
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("c1").outcomeUnknown()).isFalse();
        assertThat(entry("c1").attempts()).isEqualTo(1);
        assertThat(fx.record("A1").channelStatusCode()).contains("8");
        assertThat(fx.record("A1").state()).isEqualTo(OrderState.IMPORTED);
        assertThat(fx.listener.settled).containsExactly("A1/CANCEL/DONE/cancelled on Babyshop");
        assertThat(report.flow()).isEqualTo(Flow.CANCELLATIONS);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.fetched()).isEqualTo(1);
        assertThat(report.pushed()).isEqualTo(1);
    }

    /** Rule: a partial cancellation is refused (SellerPanel cancels whole orders only): skipped with the reason, and the host is warned. */
    @Test
    void aPartialCancellationIsRefusedWithAWarning() {
        fx.order("A1", 3);
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED, "1", "2"));

        FlowReport report = fx.cancellations();

        assertThat(fx.channel.count("cancel")).isZero();
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(entry("c1").lastError()).get().asString()
                .startsWith("partial cancellation refused: SellerPanel cancels whole orders only").contains("3");
        assertThat(fx.listener.warnings).singleElement().asString().contains("A1", "partial cancellation refused");
        assertThat(fx.listener.settled).singleElement().asString().startsWith("A1/CANCEL/SKIPPED/partial cancellation");
        assertThat(report.pushed()).isZero();
        assertThat(fx.record("A1").channelStatusCode()).contains("5");
    }

    /** Rule: a cancellation naming every line still open on the order is a whole-order cancellation. */
    @Test
    void namingEveryOpenLineCancelsTheWholeOrder() {
        fx.order("A1", 3);
        Order order = fx.channel.order("A1");
        fx.channel.put(Order.builder().from(order).lines(List.of(order.lines().get(0), order.lines().get(1),
                OrderLine.builder().from(order.lines().get(2)).lineStatusCode("8").build())).build());
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED, "01", "2"));

        fx.cancellations();

        assertThat(fx.channel.calls).containsExactly("fetchOrders:A1", "cancel:A1");
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(fx.listener.warnings).isEmpty();
    }

    /** Rule: cancellations are pushed only with the toggle on: one turned off after queueing skips the entry. */
    @Test
    void aQueuedCancellationIsSkippedWhenTheToggleWasTurnedOff() {
        fx.onChannel("A1", 1);
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED));
        fx.cancellations();
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.PENDING);

        fx.imported("A1");
        fx.configure(false, StatusMapping.builder().putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());
        fx.later();
        fx.cancellations();

        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(entry("c1").lastError()).contains(HostEventIntake.AUTO_CANCEL_OFF);
        assertThat(fx.channel.calls).isEmpty();
    }

    /** Rule: a cancellation is never sent twice: an unknown outcome is read back (Cancelled 8 means done). */
    @Test
    void anUnknownCancellationOutcomeIsReadBackAndNotSentAgain() {
        fx.order("A1", 1);
        fx.channel.failAfterApplying(Operation.ORDER_CANCELLATION, new OutcomeUnknownException(
                Operation.ORDER_CANCELLATION, null, null, "read timed out", null));
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED));

        fx.cancellations();
        assertThat(entry("c1").outcomeUnknown()).isTrue();
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.PENDING);

        fx.later();
        FlowReport second = fx.cancellations();

        assertThat(fx.channel.calls).containsExactly("cancel:A1", "fetchOrders:A1");
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(fx.record("A1").channelStatusCode()).contains("8");
        assertThat(second.pushed()).isEqualTo(1);
    }

    /** Rule: a cancellation for an order the engine does not hold waits, then goes once the order is imported. */
    @Test
    void aCancellationForAnUnknownOrderWaitsUntilImported() {
        fx.onChannel("A1", 1);
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED));

        fx.cancellations();
        assertThat(entry("c1").lastError()).contains("order not imported");
        assertThat(entry("c1").attempts()).isZero();
        assertThat(fx.channel.calls).isEmpty();

        fx.imported("A1");
        fx.later();
        fx.cancellations();
        assertThat(fx.channel.calls).containsExactly("cancel:A1");
        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.DONE);
    }

    /** Rule: a non-retryable failure dead-letters the cancellation with the reason. */
    @Test
    void aNonRetryableFailureDeadLetters() {
        fx.order("A1", 1);
        fx.channel.failNext(Operation.ORDER_CANCELLATION,
                new InvalidRequestException(Operation.ORDER_CANCELLATION, 5, "Empty Request", "empty request"));
        fx.host.emit(event("c1", "A1", HostEventType.CANCELLED));

        FlowReport report = fx.cancellations();

        assertThat(entry("c1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("c1").lastError()).get().asString().contains("empty request");
        assertThat(entry("c1").outcomeUnknown()).isFalse();
        assertThat(report.failed()).isEqualTo(1);
        assertThat(fx.listener.settled).singleElement().asString().startsWith("A1/CANCEL/DEAD/");
    }
}
