package io.github.babyshopsdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.SimProduct;
import io.github.babyshopsdk.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indexed listings answer exactly what a full sort of the collection answers (order, ties, page-number
 * paging, the since and status filters), after random inserts and updates, and a listing taken earlier stays
 * the snapshot it was. The reference is a shadow copy of every stored record, filtered and sorted naively.
 */
class IndexedListingTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pagesOfTheIndexedListingsEqualANaiveSortAfterRandomMutations(long seed) {
        Random random = new Random(seed);
        SimulatedClock clock = new SimulatedClock(START);
        FixtureData data = new FixtureGenerator(new Random(seed))
                .generate(Fixture.of(seed, 30 + random.nextInt(60), 1 + random.nextInt(50)).withJitShare(0.3), START);
        State state = new State(clock, Duration.ofMinutes(5), "seller", data, new Random(seed + 1));
        Map<String, SimOrder> orders = new HashMap<>();
        data.orders().forEach(o -> orders.put(o.orderNo(), o));
        Map<String, SimProduct> products = new HashMap<>();
        data.products().forEach(p -> products.put(p.sku(), p));

        for (int step = 0; step < 150; step++) {
            List<SimOrder> before = state.orderListing(null, null, false);
            List<SimOrder> beforeCopy = List.copyOf(before);
            List<SimProduct> productsBefore = state.productListing(null);
            List<SimProduct> productsBeforeCopy = List.copyOf(productsBefore);

            clock.advance(Duration.ofSeconds(random.nextInt(3)));
            mutate(random, state, orders, products);

            assertThat(before).as("a listing is a snapshot").isEqualTo(beforeCopy);
            assertThat(productsBefore).as("a listing is a snapshot").isEqualTo(productsBeforeCopy);
            for (int probe = 0; probe < 4; probe++) {
                checkOrders(random, state, orders);
                checkProducts(random, state, products);
            }
            assertThat(state.products()).containsExactlyElementsOf(
                    products.values().stream().sorted(Comparator.comparing(SimProduct::sku)).toList());
        }
    }

    private static void mutate(Random random, State state, Map<String, SimOrder> orders,
                               Map<String, SimProduct> products) {
        switch (random.nextInt(5)) {
            case 0 -> {
                SimOrder o = state.generateOrder("generated", random.nextBoolean());
                orders.put(o.orderNo(), o);
            }
            case 1, 2 -> {
                List<SimOrder> all = new ArrayList<>(orders.values());
                SimOrder victim = all.get(random.nextInt(all.size()));
                SimOrder changed = switch (random.nextInt(3)) {
                    case 0 -> victim.withOnHold(!victim.onHold());
                    case 1 -> victim.withJit(!victim.jit());
                    default -> OrderMoves.toStatus(victim, random.nextBoolean() ? 5 : 15, state.now());
                };
                SimOrder saved = state.saveOrder(changed, "updated");
                orders.put(saved.orderNo(), saved);
            }
            case 3 -> {
                SimProduct p = state.generateProduct(random.nextBoolean());
                products.put(p.sku(), p);
            }
            default -> {
                List<SimProduct> all = new ArrayList<>(products.values());
                SimProduct saved = state.saveProduct(all.get(random.nextInt(all.size())));
                products.put(saved.sku(), saved);
            }
        }
    }

    private static void checkOrders(Random random, State state, Map<String, SimOrder> orders) {
        boolean jit = random.nextBoolean();
        Instant since = random.nextInt(4) == 0 ? null : pickSince(random, orders.values().stream()
                .map(SimOrder::lastUpdate).toList());
        Set<Integer> statuses = null;
        if (random.nextInt(3) == 0) {
            statuses = new HashSet<>();
            for (int code : new int[] {1, 5, 8, 10, 15, 25}) {
                if (random.nextBoolean()) {
                    statuses.add(code);
                }
            }
        }
        if (since == null && statuses == null) {
            since = START.minus(Duration.ofDays(30));
        }
        Instant from = since;
        Set<Integer> filter = statuses;
        List<SimOrder> expected = orders.values().stream()
                .filter(o -> o.jit() == jit)
                .filter(o -> from == null || !o.lastUpdate().isBefore(from))
                .filter(o -> filter == null || filter.contains(o.status()))
                .sorted(Comparator.comparing(SimOrder::lastUpdate).thenComparing(SimOrder::orderNo))
                .toList();
        List<SimOrder> listing = state.orderListing(since, statuses, jit);
        assertThat(listing).containsExactlyElementsOf(expected);
        Paging paging = new Paging(1 + random.nextInt(6), 1 + random.nextInt(12));
        assertThat(paging.slice(listing)).containsExactlyElementsOf(paging.slice(expected));
        assertThat(paging.end(listing.size())).isEqualTo(paging.end(expected.size()));
        if (!expected.isEmpty()) {
            int i = random.nextInt(expected.size());
            assertThat(listing.get(i)).isEqualTo(expected.get(i));
        }
    }

    private static void checkProducts(Random random, State state, Map<String, SimProduct> products) {
        Instant since = random.nextInt(4) == 0 ? null : pickSince(random, products.values().stream()
                .map(SimProduct::lastUpdate).toList());
        List<SimProduct> expected = products.values().stream()
                .filter(p -> since == null || !p.lastUpdate().isBefore(since))
                .sorted(Comparator.comparing(SimProduct::lastUpdate).thenComparing(SimProduct::sku))
                .toList();
        List<SimProduct> listing = state.productListing(since);
        assertThat(listing).containsExactlyElementsOf(expected);
        Paging paging = new Paging(1 + random.nextInt(6), 1 + random.nextInt(12));
        List<SimProduct> page = paging.slice(listing);
        assertThat(page).containsExactlyElementsOf(paging.slice(expected));
        assertThat(page).hasSize(paging.slice(expected).size());
    }

    /** An existing update time, a second either side of one, or (rarely) a time after every record. */
    private static Instant pickSince(Random random, List<Instant> times) {
        if (times.isEmpty() || random.nextInt(10) == 0) {
            return START.plus(Duration.ofDays(1));
        }
        Instant t = times.get(random.nextInt(times.size()));
        return t.plusSeconds(random.nextInt(3) - 1L);
    }
}
