package io.github.babyshopsdk.client.internal;

import io.github.babyshopsdk.client.catalog.CatalogService;
import io.github.babyshopsdk.client.fulfilment.FulfilmentService;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.orders.OrderService;
import java.util.Objects;

/**
 * The three services of one client (or {@code forTier} view), all sending through one {@link CallExecutor};
 * how {@link io.github.babyshopsdk.client.BabyshopClient} obtains them. Immutable and thread-safe. Not API.
 */
public final class ClientServices {
    private final CatalogService catalog;
    private final OrderService orders;
    private final FulfilmentService fulfilment;

    /**
     * Services whose requests go through {@code executor}, built with {@code api} and {@code codec};
     * listings stop after {@code maxPages} pages. Every argument is required (the client's builder has
     * validated them).
     *
     * @throws NullPointerException if an argument is null
     */
    public ClientServices(CallExecutor executor, SellerPanelApi api, WireCodec codec, int maxPages) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(codec, "codec");
        this.catalog = new HttpCatalogService(executor, api, codec, maxPages);
        this.orders = new HttpOrderService(executor, api, codec, maxPages);
        this.fulfilment = new HttpFulfilmentService(executor, api, codec);
    }

    /** The catalog service. */
    public CatalogService catalog() {
        return catalog;
    }

    /** The order service. */
    public OrderService orders() {
        return orders;
    }

    /** The fulfilment service. */
    public FulfilmentService fulfilment() {
        return fulfilment;
    }
}
