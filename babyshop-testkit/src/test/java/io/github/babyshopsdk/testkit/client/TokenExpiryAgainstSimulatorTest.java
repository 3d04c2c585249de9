package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.SimClients.answered;
import static io.github.babyshopsdk.testkit.client.SimClients.clientFor;
import static io.github.babyshopsdk.testkit.client.SimClients.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.auth.AuthToken;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.IssuedInvoice;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * authToken through the public client: the first key, and what happens when the simulator stops
 * accepting it mid-run (expired on demand, or by TTL as simulated time passes), from one thread and from
 * many at once.
 */
class TokenExpiryAgainstSimulatorTest {

    private static final int THREADS = 8;

    private static OrderListQuery firstPage(SellerPanelSimulator sim) {
        return OrderListQuery.builder().updatedSince(sim.clock().instant().minus(Duration.ofDays(30))).limit(5).build();
    }

    @Test
    void authenticateTradesTheLoginForTheSimulatorsKeyAndEveryCallSendsIt() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(41, 10, 10)).build().start();
             BabyshopClient client = clientFor(sim)) {

            AuthToken token = client.authenticate();

            assertThat(token.apiKey()).isEqualTo(sim.apiKey());
            assertThat(token.apiOwner()).contains("BS0001");
            assertThat(token.obtainedAt()).isEqualTo(sim.clock().instant());
            assertThat(token.toString()).doesNotContain(token.apiKey());
            RecordedRequest auth = sim.requests().last(Operation.AUTH_TOKEN).orElseThrow();
            assertThat(auth.method()).isEqualTo("GET");
            assertThat(auth.query()).containsEntry("username", SellerPanelSimulator.DEFAULT_USERNAME)
                    .containsEntry("password", RecordedRequest.REDACTED);
            assertThat(auth.responseCode()).isZero();
            assertThat(auth.credential()).isEqualTo(SellerPanelSimulator.DEFAULT_USERNAME);

            // the key is held: the next calls send it and make no further authToken call
            assertThat(client.token().apiKey()).isEqualTo(token.apiKey());
            client.orders().listPage(firstPage(sim));
            client.orders().listPage(firstPage(sim));
            assertThat(sim.requests().of(Operation.ORDER_LIST)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.apiKey()).contains(token.apiKey()));
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(1);
            assertThat(sent(client, Operation.AUTH_TOKEN)).isEqualTo(1);
        }
    }

    @Test
    void aKeyExpiredBetweenCallsCostsExactlyOneExtraAuthTokenAndTheCallSucceeds() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(42, 10, 10)).build().start();
             BabyshopClient client = clientFor(sim)) {
            Page<OrderSummary> before = client.orders().listPage(firstPage(sim));
            String oldKey = client.token().apiKey();

            sim.expireTokens();
            Page<OrderSummary> after = client.orders().listPage(firstPage(sim));

            assertThat(after.records()).extracting(OrderSummary::orderNo)
                    .containsExactlyElementsOf(before.records().stream().map(OrderSummary::orderNo).toList());
            String newKey = client.token().apiKey();
            assertThat(newKey).isNotEqualTo(oldKey).isEqualTo(sim.apiKey());
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(2);
            List<RecordedRequest> lists = sim.requests().of(Operation.ORDER_LIST);
            assertThat(lists).extracting(RecordedRequest::responseCode).containsExactly(0, 2000, 0);
            assertThat(lists.get(1).apiKey()).contains(oldKey);
            assertThat(lists.get(2).apiKey()).contains(newKey);
            assertThat(client.metrics().reauthentications()).isEqualTo(1);
            assertThat(sent(client, Operation.AUTH_TOKEN)).isEqualTo(2);
            assertThat(sent(client, Operation.ORDER_LIST)).isEqualTo(3);
            assertThat(client.metrics().retries()).isZero();
        }
    }

    @Test
    void aKeyThatOutlivesItsTtlInSimulatedTimeIsReplacedOnce() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(43, 10, 10))
                .tokenTtl(Duration.ofHours(1)).build().start();
             BabyshopClient client = clientFor(sim)) {
            client.orders().listPage(firstPage(sim));
            sim.simulatedClock().advance(Duration.ofMinutes(59));
            client.orders().listPage(firstPage(sim));
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(1);

            sim.simulatedClock().advance(Duration.ofMinutes(2));
            client.orders().listPage(firstPage(sim));
            client.orders().listPage(firstPage(sim));

            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(2);
            assertThat(sim.requests().of(Operation.ORDER_LIST)).extracting(RecordedRequest::responseCode)
                    .containsExactly(0, 0, 2000, 0, 0);
            assertThat(client.metrics().reauthentications()).isEqualTo(1);
            assertThat(client.token().obtainedAt()).isEqualTo(sim.clock().instant());
        }
    }

    @Test
    void aNonIdempotentWriteRejectedWithAnExpiredKeyIsSentAgainOnceAndTakesEffectOnce() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(46, 30, 15)).build().start();
             BabyshopClient client = clientFor(sim)) {
            client.authenticate();
            SimOrder order = FulfilmentAgainstSimulatorTest.pendingOrder(sim);
            sim.expireTokens();

            String invoiceNo = client.fulfilment().generateInvoice(FulfilmentAgainstSimulatorTest.invoiceFor(order));

            // 2000 is answered before the request is processed, so repeating the write is safe
            assertThat(sim.requests().of(Operation.GENERATE_INVOICE)).extracting(RecordedRequest::responseCode)
                    .containsExactly(2000, 0);
            assertThat(sim.store().invoices().stream().filter(IssuedInvoice::viaApi)).singleElement()
                    .satisfies(i -> assertThat(i.invoiceNo()).isEqualTo(invoiceNo));
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(2);
            assertThat(client.metrics().reauthentications()).isEqualTo(1);
        }
    }

    /** Runs {@link #THREADS} listPage calls at once, after the key has expired; returns the pages. */
    private static List<Page<OrderSummary>> concurrentCallsAfterExpiry(SellerPanelSimulator sim, BabyshopClient client)
            throws Exception {
        client.orders().listPage(firstPage(sim));
        sim.expireTokens();
        // hold authToken answers a little (real time) so that every thread meets the expired key
        sim.faults().slowDelay(Duration.ofMillis(200)).failNext(Operation.AUTH_TOKEN, 1, FaultKind.SLOW_RESPONSE);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Page<OrderSummary>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return client.orders().listPage(firstPage(sim));
                }));
            }
            List<Page<OrderSummary>> pages = new ArrayList<>();
            for (Future<Page<OrderSummary>> future : futures) {
                pages.add(future.get(30, TimeUnit.SECONDS));
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyThreadsMeetingAnExpiredKeyShareOneAuthTokenCall() throws Exception {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(44, 10, 10)).build().start();
             BabyshopClient client = clientFor(sim)) {
            String oldKey = sim.apiKey();

            List<Page<OrderSummary>> pages = concurrentCallsAfterExpiry(sim, client);

            assertThat(pages).hasSize(THREADS).allSatisfy(p -> assertThat(p.records()).hasSize(5));
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(2);
            assertThat(sent(client, Operation.AUTH_TOKEN)).isEqualTo(2);
            String newKey = sim.apiKey();
            assertThat(newKey).isNotEqualTo(oldKey);
            // every thread ended with a call on the new key; the ones that met the old key got 2000 first
            List<RecordedRequest> lists = sim.requests().of(Operation.ORDER_LIST);
            long rejected = answered(sim, Operation.ORDER_LIST, 2000);
            assertThat(rejected).isBetween(1L, (long) THREADS);
            assertThat(lists).hasSize(1 + THREADS + (int) rejected);
            assertThat(lists.stream().filter(r -> r.answered(0) && r.apiKey().orElseThrow().equals(newKey)))
                    .hasSize(THREADS);
            assertThat(lists.stream().filter(r -> r.answered(2000)))
                    .allSatisfy(r -> assertThat(r.apiKey()).contains(oldKey));
            assertThat(client.metrics().retries()).isZero();
        }
    }

    @Test
    void reauthenticationsCountsAuthTokenCallsNotCallsThatMetAnExpiredKey() throws Exception {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(45, 10, 10)).build().start();
             BabyshopClient client = clientFor(sim)) {
            concurrentCallsAfterExpiry(sim, client);

            assertThat(answered(sim, Operation.ORDER_LIST, 2000)).isGreaterThan(1);
            assertThat(sim.requests().count(Operation.AUTH_TOKEN)).isEqualTo(2);
            assertThat(client.metrics().reauthentications()).isEqualTo(1);
        }
    }
}
