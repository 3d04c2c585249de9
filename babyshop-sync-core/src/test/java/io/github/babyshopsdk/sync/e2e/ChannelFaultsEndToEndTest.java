package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.Credentials;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.retry.RetryPolicy;
import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderReason;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The orders flow against the channel's failure modes, end to end: an API key that expires mid-run, a
 * quota that one run cannot fit in (the local budget waits; another process on the same credential makes
 * the server answer 13), a listing that drifts while it is read, and all of them at once. Whatever
 * happens, every order in a mapped status ends up in the host exactly once.
 */
class ChannelFaultsEndToEndTest {

    @Test
    void anApiKeyThatExpiresMidRunIsRenewedAndEveryMappedOrderIsImportedOnce() {
        AtomicInteger fetches = new AtomicInteger();
        try (SimWorld world = SimWorld.with(Fixture.of(5, 380, 40))
                .decorate((sim, inner) -> new ForwardingGateway(inner) {
                    @Override
                    protected void before(String method) {
                        // between the listing and the second and fourth orderFetch batches
                        if (method.equals("fetchOrders") && (fetches.incrementAndGet() % 2 == 0)) {
                            sim.expireTokens();
                        }
                    }
                }).start()) {

            FlowReport report = world.engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            assertThat(fetches.get()).isEqualTo(4);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            assertThat(world.sim.requests().count(Operation.AUTH_TOKEN)).as("first key and two renewals").isEqualTo(3);
            assertThat(world.sim.requests().all().stream().filter(r -> r.answered(2000)).map(RecordedRequest::operation))
                    .containsExactly(Operation.ORDER_FETCH, Operation.ORDER_FETCH);
            assertThat(world.client.metrics().reauthentications()).isEqualTo(2);
            System.out.printf("token expiry: %d orders, %d requests, %d re-authentications%n", world.simOrders().size(),
                    world.sim.requests().size(), world.client.metrics().reauthentications());
        }
    }

    @Test
    void anOrdersRunBiggerThanOneQuotaWindowWaitsForTheBudgetAndNeverExceedsIt() {
        // 2,400 orders: 25 orderList pages + 24 orderFetch batches + the token = 50 calls > 40 per 5 minutes
        try (SimWorld world = SimWorld.with(Fixture.of(3, 2400, 120)).quota(40, Duration.ofMinutes(5)).start()) {
            Instant start = world.clock.instant();

            FlowReport report = world.engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            int mapped = Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            assertThat(world.sim.requests().size()).isGreaterThan(40);
            assertThat(world.client.metrics().quotaWaits()).as("the client waited for the local budget").isPositive();
            assertThat(Duration.between(start, world.clock.instant())).as("simulated time spent waiting")
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(4));
            assertThat(world.sim.requests().all()).as("the server never had to refuse").noneMatch(r -> r.answered(13));
            int peak = Invariants.assertQuotaNeverExceeded(world.sim.requests().all(), 40, Duration.ofMinutes(5));
            System.out.printf("quota (local waits): %d orders (%d mapped), %d requests, %d quota waits, %s simulated, "
                            + "peak %d calls in 5 min%n", world.simOrders().size(), mapped, world.sim.requests().size(),
                    world.client.metrics().quotaWaits(), Duration.between(start, world.clock.instant()), peak);
        }
    }

    @Test
    void whenAnotherProcessSpentTheSharedQuotaTheRunWaitsOnQuotaAndALaterRunImportsEverythingOnce() {
        try (SimWorld world = SimWorld.with(Fixture.of(8, 600, 60)).quota(40, Duration.ofMinutes(5)).start();
             BabyshopClient other = BabyshopClient.builder().baseUrl(world.sim.baseUrl()).allowInsecureHttp()
                     .credentials(Credentials.of(SellerPanelSimulator.DEFAULT_USERNAME,
                             SellerPanelSimulator.DEFAULT_PASSWORD))
                     .clock(world.sim.clock()).sleeper(new SimSleeper(world.clock)).zone(world.sim.zone())
                     .retryPolicy(RetryPolicy.none()).build()) {
            // another process on the same credential (e.g. the seller's own tool) spends 39 of the 40 calls
            OrderListQuery query = OrderListQuery.builder().updatedSince(world.clock.instant().minus(Duration.ofDays(1)))
                    .limit(1).build();
            for (int i = 0; i < 38; i++) {
                other.orders().listPage(query);
            }
            assertThat(world.sim.quotaUsed(SellerPanelSimulator.DEFAULT_USERNAME)).isEqualTo(39);
            List<FlowReport> reports = new ArrayList<>();

            reports.add(world.engine.run(Flow.ORDERS));

            assertThat(reports.get(0).outcome()).isIn(FlowOutcome.WAITING_ON_QUOTA, FlowOutcome.COMPLETED);
            assertThat(world.sim.requests().all()).as("the server refused our client").anyMatch(r -> r.answered(13));
            if (reports.get(0).outcome() == FlowOutcome.WAITING_ON_QUOTA) {
                SimOrder notYet = world.simOrders().values().stream()
                        .filter(o -> SimWorld.mapped(o.status()) && world.host.order(o.orderNo()).isEmpty())
                        .findFirst().orElseThrow();
                assertThat(world.engine.explain(notYet.orderNo()).reason()).isEqualTo(OrderReason.WAITING_ON_QUOTA);
            }
            for (int i = 0; i < 5 && reports.get(reports.size() - 1).outcome() != FlowOutcome.COMPLETED; i++) {
                world.advance(Duration.ofMinutes(31));
                reports.add(world.engine.runDue(world.clock.instant()).get(0));
            }

            assertThat(reports.get(reports.size() - 1).outcome()).isEqualTo(FlowOutcome.COMPLETED);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            System.out.printf("quota (shared credential): outcomes %s, %d answers of 13, client waits %s%n",
                    reports.stream().map(r -> r.flow() + "=" + r.outcome()).toList(),
                    world.sim.requests().all().stream().filter(r -> r.answered(13)).count(), world.sleeper.sleeps());
        }
    }

    @Test
    void aListingThatDriftsWhileItIsReadSkipsNoOrderAndImportsNoneTwice() {
        try (SimWorld world = SimWorld.with(Fixture.of(13, 260, 40)).start()) {
            world.sim.faults().failNext(Operation.ORDER_LIST, 1, FaultKind.DRIFT);
            int before = world.simOrders().size();

            FlowReport report = world.engine.run(Flow.ORDERS);

            assertThat(report.outcome()).isEqualTo(FlowOutcome.COMPLETED);
            RecordedRequest drifted = world.sim.requests().of(Operation.ORDER_LIST).get(0);
            assertThat(drifted.fault()).isEqualTo(FaultKind.DRIFT);
            assertThat(drifted.faultDetail()).startsWith("updated ").contains("inserted ");
            String inserted = drifted.faultDetail().substring(drifted.faultDetail().indexOf("inserted ") + 9);
            assertThat(world.simOrders()).hasSize(before + 1).containsKey(inserted);
            assertThat(world.host.order(inserted)).as("the order inserted while the listing was read").isPresent();
            // keyset stepping (issue 15): 260 orders and what moved, 100 to a page, each page from the last time
            // of the one before; no page is read twice
            assertThat(world.sim.requests().count(Operation.ORDER_LIST)).isEqualTo(3);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            System.out.printf("drift: %s; %d orderList calls%n", drifted.faultDetail(),
                    world.sim.requests().count(Operation.ORDER_LIST));
        }
    }

    @Test
    void tokenExpiryQuotaDriftAndServerErrorsTogetherStillImportEveryMappedOrderOnce() {
        AtomicInteger calls = new AtomicInteger();
        try (SimWorld world = SimWorld.with(Fixture.of(21, 900, 60)).quota(40, Duration.ofMinutes(5))
                .decorate((sim, inner) -> new ForwardingGateway(inner) {
                    @Override
                    protected void before(String method) {
                        if (calls.incrementAndGet() % 5 == 0) {
                            sim.expireTokens();
                        }
                    }
                }).start()) {
            world.sim.faults().seed(77).failNext(Operation.ORDER_LIST, 1, FaultKind.DRIFT)
                    .randomly(FaultKind.HTTP_500, 0.05).randomly(FaultKind.HTTP_503, 0.05)
                    .randomly(FaultKind.DROPPED_CONNECTION, 0.05).randomly(FaultKind.DROPPED_AFTER_PROCESSING, 0.05);
            List<FlowOutcome> outcomes = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                FlowReport report = world.engine.run(Flow.ORDERS);
                outcomes.add(report.outcome());
                if (report.outcome() == FlowOutcome.COMPLETED && run > 0) {
                    break;
                }
                world.advance(Duration.ofMinutes(31));
            }
            world.sim.faults().clear();
            world.advance(Duration.ofMinutes(31));
            outcomes.add(world.engine.run(Flow.ORDERS).outcome());

            assertThat(outcomes.get(outcomes.size() - 1)).isEqualTo(FlowOutcome.COMPLETED);
            Invariants.assertEveryMappedOrderImportedExactlyOnce(world);
            Invariants.assertQuotaNeverExceeded(world.sim.requests().all(), 40, Duration.ofMinutes(5));
            long faults = world.sim.requests().all().stream().filter(r -> r.fault() != null).count();
            assertThat(faults).isPositive();
            System.out.printf("combined: outcomes %s, %d requests, %d faults injected, %d re-authentications, "
                            + "%d quota waits%n", outcomes, world.sim.requests().size(), faults,
                    world.client.metrics().reauthentications(), world.client.metrics().quotaWaits());
        }
    }
}
