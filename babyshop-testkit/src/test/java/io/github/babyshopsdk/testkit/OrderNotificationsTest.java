package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.babyshopsdk.testkit.NotificationRecord.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Order notifications: which changes emit one (events, status filter, JIT), loss (exact for a seed), delay (fixed and
 * a seeded range, in simulated time), Vinculum's redelivery (on a non-200 answer and on a failing destination; 5
 * attempts 15 minutes apart), the body shapes, the HTTP destination on loopback, and the log.
 */
class OrderNotificationsTest {

    /** What an in-JVM receiver got: body text and content type. */
    private record Received(String body, String contentType) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SellerPanelSimulator> sims = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        sims.forEach(SellerPanelSimulator::close);
        if (server != null) {
            server.stop(0);
        }
    }

    /** A sink that records every body and answers {@code status}. */
    private NotificationSink answering(int status) {
        return (body, type) -> {
            received.add(new Received(new String(body, StandardCharsets.UTF_8), type));
            return status;
        };
    }

    private SellerPanelSimulator sim(Consumer<OrderNotifications.Builder> config) {
        OrderNotifications.Builder b = OrderNotifications.builder().sink(answering(200));
        config.accept(b);
        SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(5, 3, 10))
                .orderNotifications(b.build()).build();
        sims.add(sim);
        return sim;
    }

    private static void advance(SellerPanelSimulator sim, Duration d) {
        sim.simulatedClock().advance(d);
    }

    @Test
    void withoutAConfigurationNothingIsEmitted() {
        SellerPanelSimulator sim = SellerPanelSimulator.builder().noQuota().fixture(Fixture.of(5, 3, 10)).build();
        sims.add(sim);
        SimOrder o = sim.store().generateOrder();
        sim.store().setOrderStatus(o.orderNo(), OrderStatus.CONFIRMED.code());

        assertThat(sim.notifications().enabled()).isFalse();
        assertThat(sim.notifications().configuration()).isEmpty();
        assertThat(sim.notifications().deliverDue()).isZero();
        assertThat(sim.notifications().log()).isEmpty();
        assertThat(sim.notifications().nextDue()).isEmpty();
    }

    @Test
    void createdOrdersAndStatusChangesAreNotifiedButNotOtherChangesNorJitOrdersNorTheFixture() {
        SellerPanelSimulator sim = sim(b -> { });
        SimOrder created = sim.store().generateOrder();
        advance(sim, Duration.ofSeconds(3));
        sim.store().updateOrder(created.orderNo(), o -> o.withOnHold(true));
        sim.store().setOrderStatus(created.orderNo(), OrderStatus.CONFIRMED.code());
        sim.store().setOrderStatus(created.orderNo(), OrderStatus.CONFIRMED.code());
        SimOrder jit = sim.store().addOrder(SimOrder.of("JIT-1", "Mariam Haddad", created.address(), Instant.EPOCH,
                created.lines()).withJit(true));
        sim.store().setOrderStatus(jit.orderNo(), OrderStatus.CONFIRMED.code());

        List<NotificationRecord> log = sim.notifications().log();
        assertThat(log).extracting(NotificationRecord::event)
                .containsExactly(NotificationEvent.CREATED, NotificationEvent.STATUS_CHANGED);
        assertThat(log).extracting(NotificationRecord::orderNo).containsOnly(created.orderNo());
        assertThat(log).extracting(NotificationRecord::status)
                .containsExactly(OrderStatus.PENDING.code(), OrderStatus.CONFIRMED.code());
        assertThat(log.get(0).emittedAt()).isEqualTo(SellerPanelSimulator.DEFAULT_START);
        assertThat(log.get(1).emittedAt()).isEqualTo(SellerPanelSimulator.DEFAULT_START.plusSeconds(3));
        assertThat(log).extracting(NotificationRecord::id).containsExactly(1L, 2L);
        assertThat(log).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.PENDING));
    }

    @Test
    void theStatusFilterAndTheEventChoiceSelectWhatIsNotified() {
        SellerPanelSimulator confirmedOnly = sim(b -> b.statuses(OrderStatus.CONFIRMED, OrderStatus.CANCELLED));
        SimOrder a = confirmedOnly.store().generateOrder();
        confirmedOnly.store().setOrderStatus(a.orderNo(), OrderStatus.CONFIRMED.code());
        confirmedOnly.store().setOrderStatus(a.orderNo(), OrderStatus.READY_FOR_SHIP.code());
        confirmedOnly.store().cancelOnChannel(a.orderNo());
        assertThat(confirmedOnly.notifications().log()).extracting(NotificationRecord::status)
                .containsExactly(OrderStatus.CONFIRMED.code(), OrderStatus.CANCELLED.code());
        assertThat(confirmedOnly.notifications().log()).extracting(NotificationRecord::event)
                .containsOnly(NotificationEvent.STATUS_CHANGED);

        SellerPanelSimulator createdOnly = sim(b -> b.events(NotificationEvent.CREATED));
        SimOrder c = createdOnly.store().generateOrder();
        createdOnly.store().setOrderStatus(c.orderNo(), OrderStatus.CONFIRMED.code());
        assertThat(createdOnly.notifications().log()).extracting(NotificationRecord::event)
                .containsExactly(NotificationEvent.CREATED);

        SellerPanelSimulator changesOnly = sim(b -> b.events(NotificationEvent.STATUS_CHANGED)
                .statusCodes(List.of(OrderStatus.PENDING.code())));
        SimOrder d = changesOnly.store().generateOrder();
        changesOnly.store().setOrderStatus(d.orderNo(), OrderStatus.CONFIRMED.code());
        changesOnly.store().setOrderStatus(d.orderNo(), OrderStatus.PENDING.code());
        assertThat(changesOnly.notifications().log()).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(NotificationEvent.STATUS_CHANGED);
            assertThat(r.status()).isEqualTo(OrderStatus.PENDING.code());
        });
    }

    @Test
    void changesThroughTheApiAndDriftAreNotifiedToo() {
        SellerPanelSimulator sim = sim(b -> { });
        SimOrder pending = sim.store().orders().stream().filter(o -> o.status() == OrderStatus.PENDING.code())
                .findFirst().orElseGet(() -> sim.store().generateOrder());
        int before = sim.notifications().log().size();
        sim.start();
        Http http = new Http(sim);
        assertThat(http.call("orderCancellation", "{\"orderNo\":\"" + pending.orderNo() + "\"}").status())
                .isEqualTo(200);
        assertThat(sim.store().order(pending.orderNo()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED.code());

        assertThat(sim.notifications().log()).hasSize(before + 1);
        assertThat(sim.notifications().log().get(before)).satisfies(r -> {
            assertThat(r.orderNo()).isEqualTo(pending.orderNo());
            assertThat(r.status()).isEqualTo(OrderStatus.CANCELLED.code());
        });
    }

    @Test
    void lossIsExactForASeedAndALostNotificationIsNeverDelivered() {
        double rate = 0.3;
        SellerPanelSimulator sim = sim(b -> b.lossRate(rate).seed(7));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            orders.add(sim.store().generateOrder().orderNo());
        }
        // the documented draws: three per notification, loss first
        Random draws = new Random(7);
        List<String> expectedLost = new ArrayList<>();
        for (String orderNo : orders) {
            if (draws.nextDouble() < rate) {
                expectedLost.add(orderNo);
            }
            draws.nextDouble();
            draws.nextInt(NotificationShape.values().length);
        }

        for (int hour = 0; hour < 3; hour++) {
            sim.notifications().deliverDue();
            advance(sim, Duration.ofHours(1));
        }

        List<String> lost = sim.notifications().log(Outcome.LOST).stream().map(NotificationRecord::orderNo).toList();
        assertThat(lost).isEqualTo(expectedLost);
        assertThat(lost.size()).as("about 30 %% of 200").isBetween(40, 80);
        assertThat(sim.notifications().log(Outcome.LOST)).allSatisfy(r -> {
            assertThat(r.attempts()).isEmpty();
            assertThat(r.nextDueAt()).isEmpty();
            assertThat(r.deliveredAt()).isEmpty();
        });
        assertThat(sim.notifications().log(Outcome.DELIVERED)).hasSize(200 - lost.size());
        Set<String> bodiesReceived = received.stream().map(Received::body).collect(Collectors.toSet());
        assertThat(lost).allSatisfy(no -> assertThat(bodiesReceived).noneMatch(body -> body.contains(no)));

        SellerPanelSimulator same = sim(b -> b.lossRate(rate).seed(7));
        SellerPanelSimulator other = sim(b -> b.lossRate(rate).seed(8));
        for (int i = 0; i < 200; i++) {
            same.store().generateOrder();
            other.store().generateOrder();
        }
        assertThat(same.notifications().log(Outcome.LOST)).extracting(NotificationRecord::orderNo)
                .isEqualTo(lost);
        assertThat(other.notifications().log(Outcome.LOST)).extracting(NotificationRecord::orderNo)
                .isNotEqualTo(lost);

        SellerPanelSimulator none = sim(b -> b.lossRate(0));
        SellerPanelSimulator all = sim(b -> b.lossRate(1));
        for (int i = 0; i < 20; i++) {
            none.store().generateOrder();
            all.store().generateOrder();
        }
        assertThat(none.notifications().log(Outcome.LOST)).isEmpty();
        assertThat(all.notifications().log(Outcome.LOST)).hasSize(20);
        assertThat(all.notifications().deliverDue()).isZero();
        assertThat(all.notifications().nextDue()).isEmpty();
    }

    @Test
    void aFixedDelayIsSimulatedTimeBeforeTheFirstPush() {
        SellerPanelSimulator sim = sim(b -> b.delay(Duration.ofSeconds(2)));
        SimOrder o = sim.store().generateOrder();
        Instant emitted = sim.clock().instant();

        assertThat(sim.notifications().deliverDue()).isZero();
        assertThat(sim.notifications().nextDue()).hasValue(emitted.plusSeconds(2));
        advance(sim, Duration.ofMillis(1999));
        assertThat(sim.notifications().deliverDue()).isZero();
        assertThat(received).isEmpty();
        advance(sim, Duration.ofMillis(1));
        assertThat(sim.notifications().deliverDue()).isOne();

        NotificationRecord r = sim.notifications().forOrder(o.orderNo()).get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(r.firstDueAt()).isEqualTo(emitted.plusSeconds(2));
        assertThat(r.deliveredAt()).hasValue(emitted.plusSeconds(2));
        assertThat(r.latency()).hasValue(Duration.ofSeconds(2));
        assertThat(received).hasSize(1);
        assertThat(sim.notifications().deliverDue()).as("delivered once").isZero();
    }

    @Test
    void aDelayRangeIsDrawnFromTheSeedWithinItsBounds() {
        Duration min = Duration.ofMillis(200);
        Duration max = Duration.ofMillis(1500);
        SellerPanelSimulator sim = sim(b -> b.delay(min, max).seed(3));
        SellerPanelSimulator same = sim(b -> b.delay(min, max).seed(3));
        for (int i = 0; i < 100; i++) {
            sim.store().generateOrder();
            same.store().generateOrder();
            advance(sim, Duration.ofSeconds(1));
            advance(same, Duration.ofSeconds(1));
        }
        List<Duration> delays = sim.notifications().log().stream()
                .map(r -> Duration.between(r.emittedAt(), r.firstDueAt())).toList();

        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(min, max));
        assertThat(delays.stream().distinct().count()).as("drawn, not fixed").isGreaterThan(50);
        assertThat(same.notifications().log().stream().map(r -> Duration.between(r.emittedAt(), r.firstDueAt())))
                .as("the same seed draws the same delays").containsExactlyElementsOf(delays);
        // every notification is pushed at its own due time when the clock is moved in steps
        SellerPanelSimulator stepped = sim(b -> b.delay(min, max).seed(3));
        for (int i = 0; i < 20; i++) {
            stepped.store().generateOrder();
        }
        for (int ms = 0; ms <= 1500; ms += 100) {
            stepped.notifications().deliverDue();
            advance(stepped, Duration.ofMillis(100));
        }
        assertThat(stepped.notifications().log()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(r.deliveredAt().orElseThrow()).isBetween(r.firstDueAt(), r.firstDueAt().plusMillis(100));
        });
    }

    @Test
    void aDestinationAnswering500GetsFiveAttemptsFifteenMinutesApartThenNoMore() {
        SellerPanelSimulator sim = sim(b -> b.sink(answering(500)));
        SimOrder o = sim.store().generateOrder();
        Instant t0 = sim.clock().instant();
        for (int minute = 0; minute <= 180; minute++) {
            sim.notifications().deliverDue();
            advance(sim, Duration.ofMinutes(1));
        }

        NotificationRecord r = sim.notifications().forOrder(o.orderNo()).get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(r.attempts()).extracting(DeliveryAttempt::at).containsExactly(t0, t0.plus(Duration.ofMinutes(15)),
                t0.plus(Duration.ofMinutes(30)), t0.plus(Duration.ofMinutes(45)), t0.plus(Duration.ofMinutes(60)));
        assertThat(r.attempts()).allSatisfy(a -> {
            assertThat(a.status()).hasValue(500);
            assertThat(a.accepted()).isFalse();
        });
        assertThat(r.deliveredAt()).isEmpty();
        assertThat(r.nextDueAt()).isEmpty();
        assertThat(received).hasSize(OrderNotifications.DEFAULT_MAX_ATTEMPTS);
        assertThat(sim.notifications().nextDue()).isEmpty();
    }

    @Test
    void aRedeliveryAfterRefusalsIsAcceptedAndSettlesTheNotification() {
        AtomicInteger calls = new AtomicInteger();
        SellerPanelSimulator sim = sim(b -> b.sink((body, type) -> calls.incrementAndGet() <= 2 ? 503 : 200)
                .redelivery(3, Duration.ofMinutes(5)));
        sim.store().generateOrder();
        Instant t0 = sim.clock().instant();
        for (int minute = 0; minute <= 60; minute++) {
            sim.notifications().deliverDue();
            advance(sim, Duration.ofMinutes(1));
        }

        NotificationRecord r = sim.notifications().log().get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(r.attempts()).extracting(a -> a.status().orElse(-1)).containsExactly(503, 503, 200);
        assertThat(r.deliveredAt()).hasValue(t0.plus(Duration.ofMinutes(10)));
        assertThat(calls).hasValue(3);
    }

    @Test
    void aDestinationThatThrowsIsPushedAgainAndTheFailureIsRecorded() {
        AtomicInteger calls = new AtomicInteger();
        SellerPanelSimulator sim = sim(b -> b.sink((body, type) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("connection refused");
            }
            return 200;
        }));
        sim.store().generateOrder();
        Instant t0 = sim.clock().instant();
        sim.notifications().deliverDue();
        assertThat(sim.notifications().nextDue()).hasValue(t0.plus(Duration.ofMinutes(15)));
        advance(sim, Duration.ofMinutes(14));
        assertThat(sim.notifications().deliverDue()).isZero();
        advance(sim, Duration.ofMinutes(1));
        assertThat(sim.notifications().deliverDue()).isOne();

        NotificationRecord r = sim.notifications().log().get(0);
        assertThat(r.attempts()).hasSize(2);
        assertThat(r.attempts().get(0).status()).isEmpty();
        assertThat(r.attempts().get(0).failure()).hasValue("IOException: connection refused");
        assertThat(r.attempts().get(1).accepted()).isTrue();
        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void shapesVaryBySeedAndEachCarriesTheOrderNumber() throws Exception {
        SellerPanelSimulator sim = sim(b -> b.seed(11));
        Map<String, SimOrder> orders = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            SimOrder o = sim.store().generateOrder();
            orders.put(o.orderNo(), o);
        }
        sim.notifications().deliverDue();

        List<NotificationRecord> log = sim.notifications().log();
        assertThat(log).extracting(NotificationRecord::shape).containsAll(EnumSet.allOf(NotificationShape.class));
        assertThat(received).hasSize(40);
        for (int i = 0; i < log.size(); i++) {
            NotificationRecord r = log.get(i);
            SimOrder o = orders.get(r.orderNo());
            assertThat(received.get(i).body()).isEqualTo(r.body());
            assertThat(received.get(i).contentType()).isEqualTo(r.shape().contentType()).isEqualTo(r.contentType());
            JsonNode json;
            switch (r.shape()) {
                case ORDER_NO -> {
                    json = Http.MAPPER.readTree(r.body());
                    assertThat(json.get("orderNo").asText()).isEqualTo(o.orderNo());
                    assertThat(json.has("masterOrderNo")).isFalse();
                    assertThat(json.get("orderStatus").asText()).isEqualTo("Pending");
                }
                case WITH_MASTER_ORDER_NO -> {
                    json = Http.MAPPER.readTree(r.body());
                    assertThat(json.get("orderNo").asText()).isEqualTo(o.orderNo());
                    assertThat(json.get("masterOrderNo").asText()).isEqualTo(o.masterOrderNo());
                }
                case ORDERS_ARRAY -> {
                    json = Http.MAPPER.readTree(r.body());
                    assertThat(json.has("orderNo")).isFalse();
                    assertThat(json.get("orders")).hasSize(1);
                    assertThat(json.get("orders").get(0).get("orderNo").asText()).isEqualTo(o.orderNo());
                    assertThat(json.get("orders").get(0).get("masterOrderNo").asText()).isEqualTo(o.masterOrderNo());
                }
                case FORM_REQUEST_BODY -> {
                    assertThat(r.body()).startsWith("RequestBody=");
                    json = Http.MAPPER.readTree(URLDecoder.decode(r.body().substring("RequestBody=".length()),
                            StandardCharsets.UTF_8));
                    assertThat(json.get("orderNo").asText()).isEqualTo(o.orderNo());
                    assertThat(json.get("masterOrderNo").asText()).isEqualTo(o.masterOrderNo());
                }
                default -> throw new AssertionError(r.shape());
            }
        }
        SellerPanelSimulator same = sim(b -> b.seed(11));
        for (int i = 0; i < 40; i++) {
            same.store().generateOrder();
        }
        assertThat(same.notifications().log()).extracting(NotificationRecord::shape)
                .containsExactlyElementsOf(log.stream().map(NotificationRecord::shape).toList());

        SellerPanelSimulator formOnly = sim(b -> b.shapes(NotificationShape.FORM_REQUEST_BODY));
        for (int i = 0; i < 5; i++) {
            formOnly.store().generateOrder();
        }
        assertThat(formOnly.notifications().log()).extracting(NotificationRecord::shape)
                .containsOnly(NotificationShape.FORM_REQUEST_BODY);
    }

    @Test
    void notificationsArePostedToAUrlAndPushedAgainWhenItRefusesOrIsUnreachable() throws Exception {
        List<Received> posted = new CopyOnWriteArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/hooks/orders", exchange -> {
            try (exchange) {
                posted.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
                exchange.sendResponseHeaders(requests.incrementAndGet() == 1 ? 503 : 200, -1);
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/orders");
        SellerPanelSimulator sim = sim(b -> b.url(url).shapes(NotificationShape.WITH_MASTER_ORDER_NO));
        SimOrder o = sim.store().generateOrder();

        sim.notifications().deliverDue();
        advance(sim, Duration.ofMinutes(15));
        sim.notifications().deliverDue();

        assertThat(posted).hasSize(2);
        assertThat(posted).allSatisfy(p -> {
            assertThat(p.contentType()).isEqualTo("application/json");
            assertThat(p.body()).contains("\"orderNo\":\"" + o.orderNo() + "\"");
        });
        NotificationRecord r = sim.notifications().log().get(0);
        assertThat(r.attempts()).extracting(a -> a.status().orElse(-1)).containsExactly(503, 200);
        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);

        int port = server.getAddress().getPort();
        server.stop(0);
        server = null;
        SellerPanelSimulator unreachable = sim(b -> b.url(URI.create("http://127.0.0.1:" + port + "/hooks/orders"))
                .redelivery(2, Duration.ofMinutes(15)).httpTimeout(Duration.ofSeconds(5)));
        unreachable.store().generateOrder();
        unreachable.notifications().deliverDue();
        advance(unreachable, Duration.ofMinutes(15));
        unreachable.notifications().deliverDue();
        NotificationRecord failed = unreachable.notifications().log().get(0);
        assertThat(failed.outcome()).isEqualTo(Outcome.GAVE_UP);
        assertThat(failed.attempts()).hasSize(2).allSatisfy(a -> {
            assertThat(a.status()).isEmpty();
            assertThat(a.failure()).isPresent();
        });
    }

    @Test
    void theConfigurationRefusesWhatItCannotDo() {
        assertThatThrownBy(() -> OrderNotifications.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("destination");
        OrderNotifications.Builder b = OrderNotifications.builder();
        assertThatThrownBy(() -> b.lossRate(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.lossRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.delay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.redelivery(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.redelivery(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.events()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.shapes()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.url(URI.create("ftp://127.0.0.1/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.url(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);

        OrderNotifications defaults = OrderNotifications.builder().sink(answering(200)).build();
        assertThat(defaults.events()).containsExactlyInAnyOrder(NotificationEvent.values());
        assertThat(defaults.statuses()).isEmpty();
        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.retryInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.lossRate()).isZero();
        assertThat(defaults.minDelay()).isZero();
        assertThat(defaults.maxDelay()).isZero();
        assertThat(defaults.shapes()).containsExactlyInAnyOrder(NotificationShape.values());
        assertThat(defaults.sink()).isPresent();
        assertThat(defaults.url()).isEmpty();
        assertThat(defaults.toString()).contains("sink").doesNotContain("http");
    }

    @Test
    void inTheRealTimeHttpModeAThreadOfTheSimulatorPushesWhatIsDue() throws Exception {
        java.util.concurrent.CountDownLatch posted = new java.util.concurrent.CountDownLatch(1);
        List<String> bodies = new CopyOnWriteArrayList<>();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/hooks/orders", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                posted.countDown();
            }
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/orders");
        SellerPanelSimulator sim = SellerPanelSimulator.builder().clock(java.time.Clock.systemUTC()).noQuota()
                .fixture(Fixture.of(5, 0, 10))
                .orderNotifications(OrderNotifications.builder().url(url).pushEvery(Duration.ofMillis(20)).build())
                .build();
        sims.add(sim);
        sim.start();
        SimOrder o = sim.store().generateOrder();

        assertThat(posted.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("pushed by the simulator").isTrue();
        assertThat(bodies).singleElement().asString().contains(o.orderNo());
        // the attempt is recorded once the answer is read: wait for it (a bound, not a timing)
        for (int i = 0; i < 3_000 && sim.notifications().log(Outcome.DELIVERED).isEmpty(); i++) {
            Thread.sleep(10);
        }
        sim.close();
        assertThat(sim.notifications().log()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED));

        assertThatThrownBy(() -> OrderNotifications.builder().sink(answering(200)).pushEvery(Duration.ofSeconds(1))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URL");
    }
}
