package io.github.babyshopsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void simulatedClockMovesOnlyWhenTold() {
        SimulatedClock clock = new SimulatedClock(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(T0.plusSeconds(300));
        clock.set(T0.minusSeconds(60));
        assertThat(clock.millis()).isEqualTo(T0.minusSeconds(60).toEpochMilli());
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        SimulatedClock india = clock.withZone(ZoneId.of("Asia/Kolkata"));
        clock.advance(Duration.ofHours(1));
        assertThat(india.instant()).isEqualTo(clock.instant());
        assertThat(india.getZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void advanceIsThreadSafe() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(T0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofSeconds(1));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(8000));
    }

    @Test
    void acceleratedClockRunsFasterThanItsBase() {
        SimulatedClock base = new SimulatedClock(T0);
        Clock fast = SimulatedClock.accelerated(base, 60);
        assertThat(fast.instant()).isEqualTo(T0);
        base.advance(Duration.ofSeconds(2));
        assertThat(fast.instant()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThatThrownBy(() -> SimulatedClock.accelerated(base, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensExpireOnAnAcceleratedRealTimeClock() throws InterruptedException {
        Clock fast = SimulatedClock.accelerated(Clock.systemUTC(), 36_000); // 10 simulated hours per real second
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().clock(fast).tokenTtl(Duration.ofHours(1))
                .noQuota().build().start()) {
            Http http = new Http(sim);
            String key = http.authToken().json().get("apiKey").asText();
            Thread.sleep(400);
            assertThat(http.post("orderList", key, "{\"updateDate\":\"01/01/2015 00:00:00\"}").code()).isEqualTo(2000);
            assertThatThrownBy(sim::simulatedClock).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anyClockIsAcceptedAndDatesUseTheConfiguredZone() {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().clock(Clock.systemUTC()).build().start()) {
            assertThat(sim.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
            assertThat(sim.formatDate(Instant.parse("2026-03-02T04:30:00Z"))).isEqualTo("02/03/2026 10:00:00");
        }
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().zone(ZoneId.of("Asia/Dubai")).build().start()) {
            assertThat(sim.formatDate(Instant.parse("2026-03-02T04:30:00Z"))).isEqualTo("02/03/2026 08:30:00");
            assertThat(sim.parseDate("02/03/2026 08:30:00")).isEqualTo(Instant.parse("2026-03-02T04:30:00Z"));
        }
    }
}
