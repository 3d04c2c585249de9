package io.github.babyshopsdk.benchmarks.decode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.internal.CatalogJson;
import io.github.babyshopsdk.testkit.internal.Dates;
import io.github.babyshopsdk.testkit.internal.FixtureData;
import io.github.babyshopsdk.testkit.internal.FixtureGenerator;
import io.github.babyshopsdk.testkit.internal.OrderJson;
import io.github.babyshopsdk.testkit.internal.SimResponse;
import java.time.ZoneId;
import java.util.Random;

/**
 * Realistic response pages, written by the testkit's own JSON writers (the simulator's shapes: numbers as
 * strings, explicit nulls, dates {@code dd/MM/yyyy HH:mm:ss} in {@link #ZONE}) from a generated fixture.
 * The bytes depend only on {@link #SEED}. Immutable.
 */
public final class DecodePages {

    /** The zone of the wire dates (the simulator's default). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    /** Records per page: the API's page maximum. */
    public static final int RECORDS = 100;
    static final long SEED = 16L;

    private final byte[] orderList;
    private final byte[] orderFetch;
    private final byte[] productFetch;

    private DecodePages(byte[] orderList, byte[] orderFetch, byte[] productFetch) {
        this.orderList = orderList;
        this.orderFetch = orderFetch;
        this.productFetch = productFetch;
    }

    /** Generates the three pages (100 orders with their lines, 100 products). */
    public static DecodePages generate() {
        FixtureData data = new FixtureGenerator(new Random(SEED))
                .generate(Fixture.of(SEED, RECORDS, RECORDS), SellerPanelSimulator.DEFAULT_START);
        Dates dates = new Dates(ZONE);
        OrderJson orders = new OrderJson(dates);
        CatalogJson catalog = new CatalogJson(dates);
        ObjectNode list = SimResponse.success();
        ArrayNode listEntries = list.putArray("orderList");
        ObjectNode fetch = SimResponse.success();
        ArrayNode fetchEntries = fetch.putArray("orders");
        for (SimOrder o : data.orders()) {
            listEntries.add(orders.listEntry(o));
            fetchEntries.add(orders.fetchEntry(o));
        }
        ObjectNode products = SimResponse.success();
        ArrayNode productEntries = products.putArray("productList");
        for (SimProduct p : data.products()) {
            productEntries.add(catalog.product(p));
        }
        return new DecodePages(SimResponse.json(0, list).body(), SimResponse.json(0, fetch).body(),
                SimResponse.json(0, products).body());
    }

    /** The page of {@code name}: {@code orderList}, {@code orderFetch} or {@code productFetch}. */
    public byte[] page(String name) {
        return switch (name) {
            case "orderList" -> orderList.clone();
            case "orderFetch" -> orderFetch.clone();
            case "productFetch" -> productFetch.clone();
            default -> throw new IllegalArgumentException("no page " + name);
        };
    }
}
