package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.error.OperationInterruptedException;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptionStopsAtOnceTest {
    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    @Test
    void aThreadWaitingForQuotaStopsWhenInterruptedAndKeepsItsFlag() throws Exception {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json("{\"responseCode\":0,\"orderList\":[]}"));
        CountDownLatch sleeping = new CountDownLatch(1);
        BabyshopClient client = panel.clientBuilder()
                .quota(2, Duration.ofMinutes(5))
                .sleeper(duration -> {
                    sleeping.countDown();
                    Thread.sleep(duration.toMillis());
                })
                .build();
        OrderListQuery query = OrderListQuery.builder().addStatusCodes("1").build();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();

        Thread caller = new Thread(() -> {
            try {
                client.orders().listPage(query);
                client.orders().listPage(query); // the budget is spent: waits five minutes of real time
            } catch (Throwable t) {
                failure.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(OperationInterruptedException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(panel.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAlreadyInterruptedThreadMakesNoRequest() {
        BabyshopClient client = panel.client();
        Thread.currentThread().interrupt();
        try {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> client.catalog().backOrders());
            assertThat(thrown).isInstanceOf(OperationInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(panel.server().getRequestCount()).isZero();
    }
}
