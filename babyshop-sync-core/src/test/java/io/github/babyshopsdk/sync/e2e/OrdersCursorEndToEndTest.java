package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.SyncEngine;
import io.github.babyshopsdk.sync.internal.OrderImportFlow;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.testkit.Fixture;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SyncListener#ordersCursor}: after each orders run the listener hears where the orders cursor stands,
 * before the run's {@code flowFinished}; the other flows, and an orders flow that is off, say nothing of it.
 */
class OrdersCursorEndToEndTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private SimWorld world;
    private SyncEngine engine;

    @BeforeEach
    void start() {
        world = SimWorld.with(Fixture.of(20260302L, 40, 10)).start();
        engine = world.newEngine(world.options, world.store, world.gateway, world.host, new SyncListener() {
            @Override
            public void ordersCursor(Instant cursor) {
                events.add("cursor " + cursor);
            }

            @Override
            public void flowFinished(FlowReport report) {
                events.add("finished " + report.flow());
            }
        });
    }

    @AfterEach
    void stop() {
        engine.close();
        world.close();
    }

    private Instant storedCursor() {
        return world.store.inTransaction(tx -> tx.cursors().get(OrderImportFlow.CURSOR)).map(Instant::parse)
                .orElseThrow();
    }

    @Test
    void eachOrdersRunTellsTheCursorItLeftBeforeItsReport() {
        assertThat(engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.COMPLETED);
        Instant first = storedCursor();
        assertThat(events).containsExactly("cursor " + first, "finished ORDERS");

        world.advance(java.time.Duration.ofMinutes(5));
        world.sim.store().generateOrder();
        events.clear();
        engine.run(Flow.ORDERS);
        engine.run(Flow.CATALOG);

        Instant second = storedCursor();
        assertThat(second).isAfter(first);
        assertThat(events).containsExactly("cursor " + second, "finished ORDERS", "finished CATALOG");
    }

    @Test
    void aDisabledOrdersFlowTellsNoCursor() {
        engine.updateSettings(SimWorld.ACTOR, s -> io.github.babyshopsdk.sync.config.StoreSettings.builder().from(s)
                .orderSync(false).build());

        assertThat(engine.run(Flow.ORDERS).outcome()).isEqualTo(FlowOutcome.DISABLED);
        assertThat(events).containsExactly("finished ORDERS");
    }
}
