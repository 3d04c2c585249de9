package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.Pages;
import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The paging strategy both listings share, against a scripted server: keyset stepping verified as it reads, paging
 * by number within one second, the fallback when the answer is not in update order, and the safe point.
 */
class DriftSafeListingTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** A record: a key and an update time (null: none). */
    private record Rec(String key, Instant at) {
        Optional<Instant> time() {
            return Optional.ofNullable(at);
        }
    }

    /** A listing server: records by key, answered sorted by (time, key) unless told otherwise, paged. */
    private static final class Server {
        final Map<String, Rec> records = new LinkedHashMap<>();
        final List<String> requests = new ArrayList<>();
        int pageSize = 10;
        Comparator<Rec> order = Comparator.comparing((Rec r) -> r.at() == null ? Instant.MIN : r.at())
                .thenComparing(Rec::key);
        Consumer<Integer> afterCall = call -> { };
        Function<Integer, List<RecordFailure>> failures = page -> List.of();

        Server put(String key, Instant at) {
            records.put(key, new Rec(key, at));
            return this;
        }

        Pages<Rec> from(Instant since) {
            return Pages.of(pageNumber -> {
                requests.add(since + "#" + pageNumber);
                List<Rec> all = records.values().stream().filter(r -> r.at() == null || !r.at().isBefore(since))
                        .sorted(order).toList();
                int from = Math.min(all.size(), (pageNumber - 1) * pageSize);
                List<Rec> page = all.subList(from, Math.min(all.size(), from + pageSize));
                afterCall.accept(requests.size());
                return Page.of(pageNumber, pageSize, Records.<Rec>builder().records(page)
                        .failures(failures.apply(pageNumber)).build());
            }, 1, 1_000);
        }

        DriftSafeListing<Rec> listing(Instant since) {
            return DriftSafeListing.of(this::from, Rec::key, Rec::time, since, 3);
        }
    }

    /** Reads the whole listing; returns every fresh record in order. */
    private static List<Rec> readAll(DriftSafeListing<Rec> listing) {
        List<Rec> fresh = new ArrayList<>();
        while (listing.hasNext()) {
            fresh.addAll(listing.next().fresh());
        }
        return fresh;
    }

    private static Server spread(int n) {
        Server server = new Server();
        for (int i = 0; i < n; i++) {
            server.put(String.format("K%03d", i), T0.plusSeconds(i));
        }
        return server;
    }

    @Test
    void inUpdateOrderTheListingStepsByTimeAndReturnsEveryRecordOnce() {
        Server server = spread(25);
        DriftSafeListing<Rec> listing = server.listing(T0);

        List<Rec> fresh = readAll(listing);

        assertThat(fresh).extracting(Rec::key).doesNotHaveDuplicates().hasSize(25);
        // page 1 from T0, then page 1 from the last time of each page, inclusive (K009 and K018 are read twice)
        assertThat(server.requests).containsExactly(T0 + "#1", T0.plusSeconds(9) + "#1", T0.plusSeconds(18) + "#1");
        assertThat(listing.calls()).isEqualTo(3);
        assertThat(listing.complete()).isTrue();
        assertThat(listing.ordered()).isTrue();
        assertThat(listing.safePoint()).isEqualTo(T0.plusSeconds(24));
        assertThatThrownBy(listing::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void beforeTheEndTheSafePointIsTheLastTimeReturnedInOrder() {
        Server server = spread(25);
        DriftSafeListing<Rec> listing = server.listing(T0.plusMillis(700));

        assertThat(listing.safePoint()).as("the first since, truncated to the second").isEqualTo(T0);
        listing.next();
        assertThat(listing.safePoint()).isEqualTo(T0.plusSeconds(9));
        listing.next();
        assertThat(listing.safePoint()).isEqualTo(T0.plusSeconds(18));
        assertThat(listing.hasNext()).isTrue();
        assertThat(listing.complete()).isFalse();
    }

    @Test
    void aRecordThatChangesBehindTheReaderIsReadAtItsNewTimeAndTheOneBehindItIsNotSkipped() {
        Server server = spread(25);
        Instant now = T0.plusSeconds(3600);
        // after page 1: K003 changes (moves to the end); a reader paging by number would skip K010
        server.afterCall = call -> {
            if (call == 1) {
                server.put("K003", now);
            }
        };
        DriftSafeListing<Rec> listing = server.listing(T0);

        List<Rec> fresh = readAll(listing);

        assertThat(fresh).extracting(Rec::key).containsAll(server.records.keySet());
        assertThat(fresh).filteredOn(r -> r.key().equals("K003")).extracting(Rec::at).containsExactly(T0.plusSeconds(3),
                now);
        assertThat(listing.calls()).isEqualTo(3);
        assertThat(listing.complete()).isTrue();
        assertThat(listing.safePoint()).isEqualTo(now);
    }

    @Test
    void underChangesAfterEveryPageNothingIsLostAndTheCallsStayNearTheFloor() {
        Server server = spread(300);
        server.pageSize = 100;
        int[] inserted = {0};
        server.afterCall = call -> {
            Instant now = T0.plusSeconds(1000 + call);
            List<String> keys = new ArrayList<>(server.records.keySet());
            server.put(keys.get((call * 37) % keys.size()), now); // an update
            server.put("N" + inserted[0]++, now); // an insert
        };
        DriftSafeListing<Rec> listing = server.listing(T0);

        List<Rec> fresh = readAll(listing);

        Map<String, Instant> latest = fresh.stream().collect(Collectors.toMap(Rec::key, Rec::at, (a, b) -> b));
        for (Rec record : server.records.values()) {
            if (record.at().isBefore(listing.safePoint())) {
                assertThat(latest).as("%s", record).containsEntry(record.key(), record.at());
            }
        }
        assertThat(latest).hasSize(server.records.size() - 1); // the insert after the last page was not read
        assertThat(listing.calls()).isEqualTo(4); // 300 records and what changed meanwhile, 100 to a page
    }

    @Test
    void aFullPageWithinOneSecondIsPagedOnByNumberUntilALaterSecondShows() {
        Server server = new Server();
        Instant second = T0.plusSeconds(5);
        for (int i = 0; i < 25; i++) {
            server.put(String.format("B%02d", i), second);
        }
        server.put("A", T0).put("Z1", T0.plusSeconds(9)).put("Z2", T0.plusSeconds(10));
        DriftSafeListing<Rec> listing = server.listing(T0);

        List<Rec> fresh = readAll(listing);

        assertThat(fresh).extracting(Rec::key).doesNotHaveDuplicates().hasSize(28);
        assertThat(server.requests).containsExactly(T0 + "#1", second + "#1", second + "#2", second + "#3");
        assertThat(listing.complete()).isTrue();
        assertThat(listing.safePoint()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void aRecordLeavingASecondReadByNumberHoldsTheSafePointAtThatSecond() {
        Server server = new Server();
        Instant second = T0.plusSeconds(5);
        for (int i = 0; i < 25; i++) {
            server.put(String.format("B%02d", i), second);
        }
        server.put("Z1", T0.plusSeconds(9));
        Instant now = T0.plusSeconds(60);
        server.afterCall = call -> {
            if (call == 1) {
                server.put("B02", now); // B02 leaves the second: B10 slides onto page 1, already read
            }
        };
        DriftSafeListing<Rec> listing = server.listing(second);

        List<Rec> fresh = readAll(listing);

        assertThat(fresh).extracting(Rec::key).doesNotContain("B10");
        assertThat(listing.complete()).isFalse();
        assertThat(listing.safePoint()).as("the next read starts at the second read by number").isEqualTo(second);
        // and that next read, undisturbed, returns B10
        assertThat(readAll(server.listing(listing.safePoint()))).extracting(Rec::key).contains("B10");
    }

    @Test
    void aRecordEnteringASecondReadByNumberHoldsTheSafePointAtThatSecond() {
        Server server = new Server();
        Instant second = T0.plusSeconds(5);
        for (int i = 1; i <= 25; i++) {
            server.put(String.format("B%02d", i), second);
        }
        server.afterCall = call -> {
            if (call == 1) {
                server.put("B00", second); // a change in the second being read, in front of the reader
            }
        };
        DriftSafeListing<Rec> listing = server.listing(second);

        List<Rec> fresh = readAll(listing);

        assertThat(fresh).extracting(Rec::key).doesNotContain("B00");
        assertThat(listing.complete()).isFalse();
        assertThat(listing.safePoint()).isEqualTo(second);
    }

    @Test
    void anAnswerNotInUpdateOrderFallsBackToReadingTheListingAgainByNumber() {
        Server server = spread(25);
        server.put("K005", T0.plusSeconds(100)); // changed: by key it stays in place, by time it would move
        server.order = Comparator.comparing(Rec::key); // this server sorts by key
        DriftSafeListing<Rec> listing = server.listing(T0);

        List<Rec> fresh = readAll(listing);

        assertThat(listing.ordered()).isFalse();
        assertThat(fresh).extracting(Rec::key).doesNotHaveDuplicates().containsAll(server.records.keySet());
        // page 1 in order found K005 out of place; then one clean pass from the start, by number
        assertThat(server.requests).containsExactly(T0 + "#1", T0 + "#1", T0 + "#2", T0 + "#3");
        assertThat(listing.complete()).isTrue();
        assertThat(listing.safePoint()).isEqualTo(T0.plusSeconds(100));
    }

    @Test
    void theFallbackIsBoundedAndKeepsTheSafePointAtTheStartWhenEveryPassSeesRecordsMove() {
        Server server = spread(25);
        server.order = Comparator.comparing(Rec::key).reversed();
        int[] inserted = {0};
        server.afterCall = call -> server.put("Z" + inserted[0]++, T0.plusSeconds(500 + call)); // repeats a key
        DriftSafeListing<Rec> listing = server.listing(T0);

        readAll(listing);

        assertThat(listing.ordered()).isFalse();
        assertThat(listing.complete()).isFalse();
        assertThat(listing.safePoint()).isEqualTo(T0);
        // the first page, then three passes from the start (each read to its end)
        assertThat(server.requests).filteredOn(r -> r.endsWith("#1")).hasSize(1 + 3);
    }

    @Test
    void aServerRepeatingTheSameFullPageWithinOneSecondIsNotReadForever() {
        Server server = new Server();
        for (int i = 0; i < 10; i++) {
            server.put("R" + i, T0);
        }
        DriftSafeListing<Rec> listing = DriftSafeListing.of(since -> Pages.of(n -> {
            server.requests.add(since + "#" + n);
            return Page.of(n, 10, Records.<Rec>builder().records(List.copyOf(server.records.values())).build());
        }, 1, 1_000), Rec::key, Rec::time, T0, 3);

        assertThat(readAll(listing)).hasSize(10);
        assertThat(server.requests).containsExactly(T0 + "#1", T0 + "#2");
        assertThat(listing.complete()).isFalse();
        assertThat(listing.safePoint()).isEqualTo(T0);
    }

    @Test
    void recordsWithoutATimeAreReturnedOnceAndUnreadableOnesOnlyAsFailures() {
        Server server = spread(3).put("NOTIME", null);
        server.failures = page -> page == 1 ? List.of(RecordFailure.of(4, "BROKEN", "lastUpdated: not a date"))
                : List.of();
        DriftSafeListing<Rec> listing = server.listing(T0);

        DriftSafeListing.Batch<Rec> batch = listing.next();

        assertThat(batch.fresh()).extracting(Rec::key).containsExactly("NOTIME", "K000", "K001", "K002");
        assertThat(batch.page().failures()).extracting(f -> f.key().orElseThrow()).containsExactly("BROKEN");
        assertThat(listing.hasNext()).isFalse();
        assertThat(listing.safePoint()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void anEmptyListingEndsAtOnceWithTheSafePointAtItsStart() {
        DriftSafeListing<Rec> listing = new Server().listing(T0);

        assertThat(listing.next().fresh()).isEmpty();
        assertThat(listing.hasNext()).isFalse();
        assertThat(listing.complete()).isTrue();
        assertThat(listing.safePoint()).isEqualTo(T0);
        assertThatThrownBy(() -> DriftSafeListing.of(new Server()::from, Rec::key, Rec::time, T0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
