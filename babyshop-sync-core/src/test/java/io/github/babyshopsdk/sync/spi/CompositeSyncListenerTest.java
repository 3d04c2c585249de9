package io.github.babyshopsdk.sync.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.state.OrderReason;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SyncListener#composite}: every event reaches every listener, in order, whatever one of them throws. */
class CompositeSyncListenerTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    /** A listener that records each event as text, optionally throwing after recording it. */
    private static final class Recorder implements SyncListener {
        private final String name;
        private final List<String> log;
        private final boolean fails;

        Recorder(String name, List<String> log, boolean fails) {
            this.name = name;
            this.log = log;
            this.fails = fails;
        }

        private void record(String event) {
            log.add(name + " " + event);
            if (fails) {
                throw new IllegalStateException(name + " failed on " + event);
            }
        }

        @Override
        public void flowStarted(Flow flow) {
            record("flowStarted " + flow);
        }

        @Override
        public void flowFinished(FlowReport report) {
            record("flowFinished " + report.flow());
        }

        @Override
        public void ordersCursor(Instant cursor) {
            record("ordersCursor " + cursor);
        }

        @Override
        public void warning(String message) {
            record("warning " + message);
        }
    }

    @Test
    void everyListenerHearsEveryEventInTheOrderGiven() {
        List<String> log = new ArrayList<>();
        SyncListener both = SyncListener.composite(new Recorder("a", log, false), new Recorder("b", log, false));

        both.flowStarted(Flow.ORDERS);
        both.ordersCursor(T);
        both.flowFinished(FlowReport.builder().flow(Flow.ORDERS).outcome(FlowOutcome.COMPLETED).startedAt(T)
                .finishedAt(T).build());

        assertThat(log).containsExactly("a flowStarted ORDERS", "b flowStarted ORDERS",
                "a ordersCursor " + T, "b ordersCursor " + T, "a flowFinished ORDERS", "b flowFinished ORDERS");
    }

    @Test
    void aThrowingListenerDoesNotKeepTheOthersFromHearingAndItsExceptionIsRethrownOnce() {
        List<String> log = new ArrayList<>();
        SyncListener all = SyncListener.composite(new Recorder("a", log, true), new Recorder("b", log, false),
                new Recorder("c", log, true));

        assertThatThrownBy(() -> all.warning("look"))
                .isInstanceOf(IllegalStateException.class).hasMessage("a failed on warning look")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("c failed on warning look"));
        assertThat(log).containsExactly("a warning look", "b warning look", "c warning look");
    }

    @Test
    void noListenerIsFine() {
        SyncListener none = SyncListener.composite();
        none.inventoryPushed("SKU-1", BigDecimal.ONE);
        none.orderSkipped("AB1", OrderReason.STATUS_UNMAPPED, "detail");
        assertThatThrownBy(() -> SyncListener.composite((SyncListener) null)).isInstanceOf(NullPointerException.class);
    }

    /**
     * Every callback is forwarded, by the composite and by the engine's safety wrapper: a callback added to
     * {@link SyncListener} later fails here until both forward it (else it would silently reach nobody).
     */
    @Test
    void theCompositeAndTheEnginesSafetyWrapperForwardEveryCallback() throws ClassNotFoundException {
        List<Class<?>> forwarders = List.of(CompositeSyncListener.class,
                Class.forName("io.github.babyshopsdk.sync.internal.SafeListener"));
        List<Method> callbacks = Arrays.stream(SyncListener.class.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()).toList();
        assertThat(callbacks).extracting(Method::getName).contains("flowFinished", "ordersCursor");
        for (Class<?> forwarder : forwarders) {
            for (Method callback : callbacks) {
                assertThat(declares(forwarder, callback)).as("%s forwards %s", forwarder.getSimpleName(),
                        callback.getName()).isTrue();
            }
        }
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
