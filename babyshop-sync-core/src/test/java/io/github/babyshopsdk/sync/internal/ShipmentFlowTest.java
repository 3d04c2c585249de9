package io.github.babyshopsdk.sync.internal;

import static io.github.babyshopsdk.sync.internal.OutboundFixture.event;
import static io.github.babyshopsdk.sync.internal.OutboundFixture.packed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.ApiException;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderLine;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.Shipment;
import io.github.babyshopsdk.sync.EngineOptions;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.config.ChannelAction;
import io.github.babyshopsdk.sync.config.StatusMapping;
import io.github.babyshopsdk.sync.host.HostEventType;
import io.github.babyshopsdk.sync.state.OutboxEntry;
import io.github.babyshopsdk.sync.state.OutboxStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipments flow: invoice, label and shipping pushes for packed and shipped host orders. */
class ShipmentFlowTest {
    private final OutboundFixture fx = new OutboundFixture();

    /** A process death: the engine never hears the answer and runs no handler. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private static OutcomeUnknownException unknown(Operation operation) {
        return new OutcomeUnknownException(operation, 9, "Generic Error", "answer lost", null);
    }

    private OutboxEntry entry(String id) {
        return fx.entry(id).orElseThrow();
    }

    /** Rule: PACKED creates one invoice for every line not cancelled, fetches the AWB label and hands it to the host. */
    @Test
    void packedCreatesTheInvoiceFetchesTheLabelAndCallsTheHost() {
        fx.order("A1", 3);
        Order order = fx.channel.order("A1");
        fx.channel.put(Order.builder().from(order).lines(List.of(order.lines().get(0),
                OrderLine.builder().from(order.lines().get(1)).lineStatusCode("8").build(), order.lines().get(2))).build());
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport report = fx.shipments();

        assertThat(fx.channel.invoiceRequests).singleElement().satisfies(request -> {
            assertThat(request.orderNo()).isEqualTo("A1");
            assertThat(request.lines()).extracting(InvoiceLineRequest::lineNo).containsExactly("1", "3");
            assertThat(request.lines()).allSatisfy(line -> {
                assertThat(line.transporterName()).isEqualTo("ECOM");
                assertThat(line.trackingNo()).isEqualTo("AWB1");
            });
        });
        assertThat(fx.channel.calls).containsExactly("fetchOrders:A1", "createInvoice:A1", "fetchLabel:INV-1");
        assertThat(fx.host.labels).containsExactly("A1/INV-1/INV-1.pdf");
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        assertThat(entry("e1").data()).containsEntry("invoiceNo", "INV-1").doesNotContainKey("labelPending");
        assertThat(fx.record("A1").invoiceNo()).contains("INV-1");
        assertThat(fx.listener.settled).singleElement().asString().startsWith("A1/CREATE_SHIPMENT/DONE/invoice INV-1");
        assertThat(report.flow()).isEqualTo(Flow.SHIPMENTS);
        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(report.fetched()).isEqualTo(1);
        assertThat(report.pushed()).isEqualTo(1);
        assertThat(report.failed()).isZero();
    }

    /** Rule: a label failure does not undo the shipment; the label is fetched again later, never a second invoice. */
    @Test
    void aMissingLabelIsFetchedAgainLaterWithoutASecondInvoice() {
        fx.order("A1", 1);
        fx.channel.labelMissing(1);
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport first = fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").data()).containsEntry("invoiceNo", "INV-1").containsEntry("labelPending", "true");
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        assertThat(entry("e1").lastError()).get().asString().contains("label", "INV-1");
        assertThat(fx.record("A1").invoiceNo()).contains("INV-1");
        assertThat(fx.host.labels).isEmpty();
        assertThat(first.pushed()).isZero();

        fx.shipments();
        assertThat(fx.channel.count("fetchLabel")).isEqualTo(1);

        fx.later();
        FlowReport second = fx.shipments();

        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(fx.channel.calls).endsWith("fetchLabel:INV-1");
        assertThat(fx.channel.count("fetchOrders")).isEqualTo(1);
        assertThat(fx.host.labels).containsExactly("A1/INV-1/INV-1.pdf");
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(second.pushed()).isEqualTo(1);
    }

    /** Rule: a label that never comes dead-letters the entry with a reason naming the invoice, which stays recorded. */
    @Test
    void aLabelThatNeverComesIsDeadLetteredKeepingTheInvoice() {
        fx.order("A1", 1);
        fx.channel.labelMissing(100);
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        for (int run = 0; run < 3; run++) {
            fx.shipments();
            fx.later();
        }

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("e1").lastError()).get().asString().contains("INV-1", "gave up after 3 attempts");
        assertThat(fx.record("A1").invoiceNo()).contains("INV-1");
        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(fx.listener.settled).singleElement().asString().startsWith("A1/CREATE_SHIPMENT/DEAD/");
    }

    /** Rule: a shipment is never sent twice: an unknown outcome (the write happened, the answer was lost) is read back first. */
    @Test
    void anUnknownOutcomeIsReadBackAndTheInvoiceIsNotCreatedAgain() {
        fx.order("A1", 2);
        fx.channel.failAfterApplying(Operation.GENERATE_INVOICE, unknown(Operation.GENERATE_INVOICE));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport first = fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").outcomeUnknown()).isTrue();
        assertThat(entry("e1").attempts()).isEqualTo(1);
        assertThat(entry("e1").notBefore()).isAfter(fx.clock.instant());
        assertThat(first.pushed()).isZero();

        fx.later();
        FlowReport second = fx.shipments();

        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(fx.channel.calls).containsExactly("fetchOrders:A1", "createInvoice:A1", "fetchOrders:A1",
                "fetchLabel:INV-1");
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        assertThat(fx.record("A1").invoiceNo()).contains("INV-1");
        assertThat(fx.host.labels).containsExactly("A1/INV-1/INV-1.pdf");
        assertThat(second.pushed()).isEqualTo(1);
    }

    /** Rule: the in-flight mark is committed before the send, so a crash between send and answer is read back, not resent. */
    @Test
    void aCrashBetweenTheMarkAndTheAnswerIsReadBackOnTheNextRun() {
        fx.order("A1", 1);
        fx.channel.failAfterApplying(Operation.GENERATE_INVOICE, new SimulatedCrash());
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        assertThatThrownBy(fx::shipments).isInstanceOf(SimulatedCrash.class);
        assertThat(entry("e1").outcomeUnknown()).isTrue();
        assertThat(entry("e1").attempts()).isEqualTo(1);
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);

        fx.shipments();

        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("e1").data()).containsEntry("invoiceNo", "INV-1");
    }

    /** Rule: when the read-back shows the write did not happen, it is sent again. */
    @Test
    void anUnknownOutcomeThatDidNotHappenIsSentAgain() {
        fx.order("A1", 1);
        fx.channel.failNext(Operation.GENERATE_INVOICE, unknown(Operation.GENERATE_INVOICE));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        fx.shipments();
        fx.later();
        fx.shipments();

        assertThat(fx.channel.count("createInvoice")).isEqualTo(2);
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("e1").attempts()).isZero();
        assertThat(fx.record("A1").invoiceNo()).contains("INV-1");
    }

    /** Rule: if the read-back itself fails, the entry stays pending (still marked) for the next run; nothing is sent. */
    @Test
    void aFailedReadBackLeavesTheEntryPending() {
        fx.order("A1", 1);
        fx.channel.failAfterApplying(Operation.GENERATE_INVOICE, unknown(Operation.GENERATE_INVOICE));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));
        fx.shipments();
        fx.later();
        fx.channel.failNext(Operation.ORDER_FETCH,
                new TransientException(Operation.ORDER_FETCH, null, 503, null, "service unavailable", null));

        fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").outcomeUnknown()).isTrue();
        assertThat(entry("e1").attempts()).isEqualTo(1);
        assertThat(entry("e1").lastError()).get().asString().contains("could not read order A1");
        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);

        fx.later();
        fx.shipments();
        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
    }

    /** Rule: an invoice already on the order's lines (with our AWB) is taken instead of generating a second one. */
    @Test
    void anExistingInvoiceWithOurAwbIsTaken() {
        fx.order("A1", 2);
        Order order = fx.channel.order("A1");
        fx.channel.put(Order.builder().from(order).lines(List.of(
                OrderLine.builder().from(order.lines().get(0)).invoiceNo("OTHER").awbNo("AWB0").build(),
                OrderLine.builder().from(order.lines().get(1)).invoiceNo("PANEL-7").awbNo("AWB1").build())).build());
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        fx.shipments();

        assertThat(fx.channel.count("createInvoice")).isZero();
        assertThat(fx.record("A1").invoiceNo()).contains("PANEL-7");
        assertThat(fx.host.labels).containsExactly("A1/PANEL-7/PANEL-7.pdf");
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
    }

    /** Rule: SHIP waits for the invoice of CREATE_SHIPMENT (no attempt spent) and ships with its transporter and AWB. */
    @Test
    void shipWaitsForTheInvoiceThenShipsWithTheShipmentsTransporterAndAwb() {
        fx.order("A1", 1);
        fx.host.emit(event("s1", "A1", HostEventType.SHIPPED));

        FlowReport first = fx.shipments();

        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("s1").lastError()).contains(ShipmentFlow.WAITING_FOR_SHIPMENT);
        assertThat(entry("s1").attempts()).isZero();
        assertThat(entry("s1").notBefore()).as("due after the retry delay, not at once")
                .isEqualTo(fx.clock.instant().plus(OutboundFixture.RETRY));
        assertThat(fx.channel.calls).isEmpty();
        assertThat(first.pushed()).isZero();

        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"));
        FlowReport second = fx.shipments();
        fx.later();
        FlowReport third = fx.shipments();

        assertThat(fx.channel.shipments).containsExactly(Shipment.of("A1", "INV-1", "ECOM", "AWB1"));
        assertThat(fx.channel.calls).containsExactly("fetchOrders:A1", "createInvoice:A1", "fetchLabel:INV-1",
                "ship:A1");
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("s1").outcomeUnknown()).isFalse();
        assertThat(second.pushed() + third.pushed()).isEqualTo(2);
    }

    /** Rule: PACKED and SHIPPED read in one run: the invoice is created first, then the shipping push. */
    @Test
    void packedAndShippedInOneRunAreSentInOrder() {
        fx.order("A1", 1);
        fx.host.emit(event("s1", "A1", HostEventType.SHIPPED), packed("p1", "A1", "ECOM", "AWB1"));

        FlowReport report = fx.shipments();

        assertThat(fx.channel.calls).containsExactly("fetchOrders:A1", "createInvoice:A1", "fetchLabel:INV-1",
                "ship:A1");
        assertThat(report.pushed()).isEqualTo(2);
    }

    /**
     * Rule: SHIP waiting for a shipment that never comes spends no attempt however often it runs, and is
     * dead-lettered, with the reason, once the dependency wait has passed since it was created.
     */
    @Test
    void shipWaitingForeverIsDeadLetteredAfterTheDependencyWait() {
        fx.options = EngineOptions.builder().from(fx.options).dependencyWait(Duration.ofHours(1)).build();
        fx.order("A1", 1);
        fx.host.emit(event("s1", "A1", HostEventType.SHIPPED));

        for (int run = 0; run < 10; run++) {
            fx.shipments();
        }
        for (int run = 0; run < 11; run++) {
            fx.later(); // 11 x (5 min + 1 s) < 1 hour
            assertThat(fx.shipments().failed()).isZero();
        }
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("s1").attempts()).isZero();
        assertThat(entry("s1").notBefore()).as("due again at the end of the wait at the latest")
                .isBeforeOrEqualTo(entry("s1").createdAt().plus(Duration.ofHours(1)));

        fx.later();
        FlowReport last = fx.shipments();

        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("s1").lastError()).get().asString().contains(ShipmentFlow.WAITING_FOR_SHIPMENT, "PT1H");
        assertThat(last.failed()).isEqualTo(1);
        assertThat(fx.channel.calls).isEmpty();
        assertThat(fx.listener.settled).singleElement().asString().startsWith("A1/SHIP/DEAD/waiting");
    }

    /** Rule: SHIP is never sent twice: an unknown outcome is read back (Shipped 15 or later means done). */
    @Test
    void anUnknownShippingOutcomeIsReadBack() {
        fx.order("A1", 1);
        fx.channel.failAfterApplying(Operation.ORDER_SHIPPING, unknown(Operation.ORDER_SHIPPING));
        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"), event("s1", "A1", HostEventType.SHIPPED));

        fx.shipments();
        assertThat(entry("s1").outcomeUnknown()).isTrue();
        fx.channel.put(Order.builder().from(fx.channel.order("A1")).statusCode("20").build());
        fx.later();
        FlowReport second = fx.shipments();

        assertThat(fx.channel.count("ship")).isEqualTo(1);
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(fx.listener.settled).last().asString().isEqualTo("A1/SHIP/DONE/found Intransit on Babyshop by read-back");
        assertThat(second.pushed()).isEqualTo(1);
    }

    /** Rule: a SHIP whose read-back finds the order Cancelled is settled with that reason, never sent again. */
    @Test
    void anUnknownShippingOutcomeOfAnOrderCancelledMeanwhileIsDeadLetteredNotResent() {
        fx.order("A1", 1);
        fx.channel.failAfterApplying(Operation.ORDER_SHIPPING, unknown(Operation.ORDER_SHIPPING));
        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"), event("s1", "A1", HostEventType.SHIPPED));

        fx.shipments();
        assertThat(entry("s1").outcomeUnknown()).isTrue();
        fx.channel.put(Order.builder().from(fx.channel.order("A1")).statusCode("8").build());
        fx.later();
        fx.shipments();

        assertThat(fx.channel.count("ship")).isEqualTo(1);
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("s1").lastError()).hasValueSatisfying(e -> assertThat(e).contains("Cancelled on Babyshop"));
    }

    /** Rule: an outbound mapping that stopped mapping SHIPPED skips a queued SHIP instead of pushing it. */
    @Test
    void aQueuedShipIsSkippedWhenShippedIsNoLongerMapped() {
        fx.imported("A1");
        fx.host.emit(event("s1", "A1", HostEventType.SHIPPED));
        fx.store.inTransaction(tx -> {
            tx.orders().save(io.github.babyshopsdk.sync.state.OrderRecord.builder().from(tx.orders().find("A1")
                    .orElseThrow()).invoiceNo("INV-9").build());
            return null;
        });
        fx.channel.quotaRemaining(0);
        fx.shipments();
        fx.channel.quotaRemaining(40);
        fx.configure(true, StatusMapping.builder().putOutbound(HostEventType.CANCELLED, ChannelAction.CANCELLED).build());

        fx.shipments();

        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.SKIPPED);
        assertThat(fx.channel.calls).isEmpty();
    }

    /** Rule: an event for an order the engine does not hold stays pending, sends nothing, and succeeds once the order is imported. */
    @Test
    void anEventForAnUnknownOrderWaitsUntilTheOrderIsImported() {
        fx.onChannel("A1", 1);
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport first = fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").lastError()).contains("order not imported");
        assertThat(entry("e1").attempts()).isZero();
        assertThat(entry("e1").notBefore()).isEqualTo(fx.clock.instant().plus(OutboundFixture.RETRY));
        assertThat(fx.channel.calls).isEmpty();
        assertThat(first.pushed()).isZero();
        assertThat(first.outcome()).isEqualTo(FlowOutcome.COMPLETED);

        fx.imported("A1");
        fx.later();
        FlowReport second = fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(second.pushed()).isEqualTo(1);
    }

    /**
     * Rule: an event for an order never imported waits without spending attempts (many runs at one instant
     * included) and is dead-lettered with the reason once the dependency wait has passed.
     */
    @Test
    void anEventForAnOrderNeverImportedIsDeadLetteredAfterTheDependencyWait() {
        fx.options = EngineOptions.builder().from(fx.options).dependencyWait(Duration.ofMinutes(30)).build();
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        for (int run = 0; run < 10; run++) {
            fx.shipments();
        }
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").attempts()).isZero();

        for (int run = 0; run < 6; run++) {
            fx.later();
            fx.shipments();
        }

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("e1").lastError()).get().asString().contains("order not imported", "PT30M");
        assertThat(fx.channel.calls).isEmpty();
    }

    /** Rule: a non-retryable failure dead-letters the entry with the reason. */
    @Test
    void aNonRetryableFailureDeadLettersWithTheReason() {
        fx.order("A1", 1);
        fx.channel.failNext(Operation.GENERATE_INVOICE, new ApiException(Operation.GENERATE_INVOICE, 324,
                "Order-Invoice is not genearted for this Order", "invoice not generated"));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport report = fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        assertThat(entry("e1").lastError()).get().asString().contains("324");
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.pushed()).isZero();
        assertThat(fx.listener.settled).singleElement().asString().startsWith("A1/CREATE_SHIPMENT/DEAD/")
                .contains("324");
        fx.later();
        fx.shipments();
        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
    }

    /** Rule: a retryable failure clears the mark, waits retryDelay, counts an attempt, and dead-letters after maxAttempts. */
    @Test
    void aRetryableFailureIsRetriedThenDeadLettered() {
        fx.order("A1", 1);
        for (int i = 0; i < 3; i++) {
            fx.channel.failNext(Operation.GENERATE_INVOICE,
                    new TransientException(Operation.GENERATE_INVOICE, null, null, null, "connection refused", null));
        }
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        fx.shipments();
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        assertThat(entry("e1").attempts()).isEqualTo(1);
        assertThat(entry("e1").notBefore()).isEqualTo(fx.clock.instant().plus(OutboundFixture.RETRY));

        fx.later();
        fx.shipments();
        fx.later();
        fx.shipments();

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("e1").lastError()).get().asString().contains("connection refused", "gave up after 3 attempts");
        assertThat(fx.channel.count("createInvoice")).isEqualTo(3);
    }

    /** Rule: a refused credential stops the run (rethrown, the engine reports FAILED) and costs the entry nothing. */
    @Test
    void aRefusedCredentialIsRethrownAndTheEntryRestored() {
        fx.order("A1", 1);
        fx.channel.failNext(Operation.GENERATE_INVOICE, new AuthenticationException(Operation.GENERATE_INVOICE, 14,
                "API credentials are no more active", "credential inactive"));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        assertThatThrownBy(fx::shipments).isInstanceOf(AuthenticationException.class);

        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").attempts()).isZero();
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        fx.shipments();
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.DONE);
    }

    /** Rule: the quota guard stops the flow before an entry it cannot afford; the rest waits, untouched, for the next run. */
    @Test
    void theQuotaGuardStopsTheFlow() {
        for (String orderNo : List.of("A1", "A2", "A3")) {
            fx.order(orderNo, 1);
            fx.host.emit(packed("e-" + orderNo, orderNo, "ECOM", "AWB-" + orderNo));
        }
        fx.channel.quotaRemaining(10);

        FlowReport first = fx.shipments();

        assertThat(first.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(first.pushed()).isEqualTo(1);
        assertThat(first.quotaRemaining()).hasValue(7);
        assertThat(fx.channel.count("createInvoice")).isEqualTo(1);
        assertThat(entry("e-A2").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e-A2").attempts()).isZero();

        fx.channel.quotaRemaining(40);
        FlowReport second = fx.shipments();

        assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(second.pushed()).isEqualTo(2);
        assertThat(fx.channel.count("createInvoice")).isEqualTo(3);
    }

    /** Rule: an interrupted send keeps the in-flight mark (the request may have gone out) and ends the run INTERRUPTED. */
    @Test
    void anInterruptedSendKeepsTheMarkAndStopsTheRun() {
        fx.order("A1", 1);
        fx.order("A2", 1);
        fx.channel.failAfterApplying(Operation.GENERATE_INVOICE,
                new OperationInterruptedException(Operation.GENERATE_INVOICE, null));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"), packed("e2", "A2", "ECOM", "AWB2"));

        FlowReport first = fx.shipments();

        assertThat(first.outcome()).isEqualTo(FlowOutcome.INTERRUPTED);
        assertThat(entry("e1").outcomeUnknown()).isTrue();
        assertThat(entry("e1").notBefore()).isEqualTo(fx.clock.instant());
        assertThat(entry("e2").attempts()).isZero();

        FlowReport second = fx.shipments();

        assertThat(second.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(second.pushed()).isEqualTo(2);
        assertThat(fx.channel.count("createInvoice")).isEqualTo(2);
    }

    /** Rule: the quota running out on a send stops the run (WAITING_ON_QUOTA) without costing the entry an attempt. */
    @Test
    void aQuotaRefusalOnSendStopsTheRunWithoutCountingAnAttempt() {
        fx.order("A1", 1);
        fx.channel.failNext(Operation.GENERATE_INVOICE, new QuotaExceededException(Operation.GENERATE_INVOICE, 13,
                "API Hit Quota Exceeded", "quota exceeded", Duration.ofMinutes(1), 0));
        fx.host.emit(packed("e1", "A1", "ECOM", "AWB1"));

        FlowReport first = fx.shipments();

        assertThat(first.outcome()).isEqualTo(FlowOutcome.WAITING_ON_QUOTA);
        assertThat(entry("e1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("e1").attempts()).isZero();
        assertThat(entry("e1").outcomeUnknown()).isFalse();
        assertThat(fx.shipments().pushed()).isEqualTo(1);
    }

    /** Rule: SHIP takes the invoice from the order's CREATE_SHIPMENT entry when the order record lost it. */
    @Test
    void shipFallsBackToTheShipmentEntrysInvoice() {
        fx.order("A1", 1);
        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"));
        fx.shipments();
        fx.store.inTransaction(tx -> {
            tx.orders().save(io.github.babyshopsdk.sync.state.OrderRecord.builder().from(tx.orders().find("A1")
                    .orElseThrow()).invoiceNo(java.util.Optional.empty()).build());
            return null;
        });
        fx.host.emit(event("s1", "A1", HostEventType.SHIPPED));

        fx.shipments();

        assertThat(fx.channel.shipments).containsExactly(Shipment.of("A1", "INV-1", "ECOM", "AWB1"));
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DONE);
    }

    /** Rule: a SHIP whose order's every shipment is dead-lettered cannot get its invoice: dead-lettered at once, naming why. */
    @Test
    void shipIsDeadLetteredWhenTheOrdersShipmentWasDeadLettered() {
        fx.order("A1", 1);
        fx.channel.failNext(Operation.GENERATE_INVOICE, new ApiException(Operation.GENERATE_INVOICE, 324,
                "Order-Invoice is not genearted for this Order", "invoice not generated"));
        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"), event("s1", "A1", HostEventType.SHIPPED));

        FlowReport report = fx.shipments();

        assertThat(entry("p1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("s1").lastError()).get().asString()
                .contains(ShipmentFlow.WAITING_FOR_SHIPMENT, "dead-lettered", "invoice not generated");
        assertThat(report.failed()).isEqualTo(2);
        assertThat(fx.channel.shipments).isEmpty();
    }

    /** Rule: an invoice number on Babyshop that is no valid key is never stored: the entry is dead-lettered with the reason. */
    @Test
    void anInvoiceNumberThatCannotBeKeptDeadLettersTheShipment() {
        fx.order("A1", 1);
        Order order = fx.channel.order("A1");
        String longInvoice = "I".repeat(600);
        fx.channel.put(Order.builder().from(order).lines(List.of(
                OrderLine.builder().from(order.lines().get(0)).invoiceNo(longInvoice).awbNo("AWB1").build())).build());
        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"));

        FlowReport report = fx.shipments();

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(entry("p1").status()).isEqualTo(OutboxStatus.DEAD);
        assertThat(entry("p1").lastError()).get().asString().contains("600 characters")
                .contains(io.github.babyshopsdk.sync.RemoteKey.INVALID_PREFIX).doesNotContain(longInvoice);
        assertThat(entry("p1").data()).doesNotContainKey("invoiceNo");
        assertThat(fx.record("A1").invoiceNo()).isEmpty();
        assertThat(fx.channel.count("createInvoice")).isZero();
    }

    /**
     * Rule: one entry's unexpected failure (here the host's status mapper throwing) is that entry's: it
     * counts an attempt and is retried later; the run completes and the other entries are sent.
     */
    @Test
    void aThrowingStatusMapperAffectsOnlyItsEntry() {
        fx.order("A1", 1).order("A2", 1);
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        io.github.babyshopsdk.sync.spi.StatusMapper mapper = new io.github.babyshopsdk.sync.spi.StatusMapper() {
            @Override
            public java.util.Optional<String> stageFor(Order order, StatusMapping mapping) {
                return mapping.stageFor(order.status());
            }

            @Override
            public java.util.Optional<ChannelAction> actionFor(HostEventType event, StatusMapping mapping) {
                if (broken.get()) {
                    throw new IllegalStateException("mapper down");
                }
                return mapping.actionFor(event);
            }
        };
        fx.host.emit(packed("p1", "A1", "ECOM", "AWB1"), event("s1", "A1", HostEventType.SHIPPED),
                packed("p2", "A2", "ECOM", "AWB2"));

        FlowReport report = new ShipmentFlow().run(new FlowContext(fx.store, fx.channel, null, null, null, fx.host,
                io.github.babyshopsdk.sync.spi.HubResolver.byMapping(), mapper, fx.listener, fx.clock, fx.options),
                fx.clock.instant());

        assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
        assertThat(entry("p1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("p2").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(entry("s1").attempts()).isEqualTo(1);
        assertThat(entry("s1").lastError()).get().asString().contains("mapper down");
        assertThat(fx.channel.shipments).isEmpty();

        broken.set(false);
        fx.later();
        fx.shipments();
        assertThat(entry("s1").status()).isEqualTo(OutboxStatus.DONE);
        assertThat(fx.channel.shipments).containsExactly(Shipment.of("A1", "INV-1", "ECOM", "AWB1"));
    }
}
