package io.github.babyshopsdk.sync.e2e;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.sync.spi.ChannelGateway;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;

/**
 * A {@link ChannelGateway} whose listing pages and order fetches each take {@code tick} of simulated time
 * (the clock moves before the call), as calls to a real server take time: changes a busy store makes while a
 * listing is read then fall in different seconds, not all in one frozen second. Thread-safe as the clock is;
 * each iteration of a listing is for one thread.
 */
final class TickingGateway extends ForwardingGateway {
    private final SimulatedClock clock;
    private final Duration tick;

    TickingGateway(ChannelGateway delegate, SimulatedClock clock, Duration tick) {
        super(delegate);
        this.clock = clock;
        this.tick = tick;
    }

    @Override
    public Pages<OrderSummary> listOrders(Instant since) {
        return ticking(super.listOrders(since));
    }

    @Override
    public Pages<Product> listProducts(Instant since) {
        return ticking(super.listProducts(since));
    }

    @Override
    public Records<Order> fetchOrders(Collection<String> orderNos) {
        clock.advance(tick);
        return super.fetchOrders(orderNos);
    }

    /** The same pages, each requested a tick later; every iteration starts again at page 1. */
    private <T> Pages<T> ticking(Pages<T> pages) {
        return Pages.of(new java.util.function.IntFunction<Page<T>>() {
            private Iterator<Page<T>> current;

            @Override
            public Page<T> apply(int pageNumber) {
                if (pageNumber == 1 || current == null) {
                    current = pages.iterator();
                }
                clock.advance(tick);
                return current.next();
            }
        }, 1, 10_000);
    }
}
