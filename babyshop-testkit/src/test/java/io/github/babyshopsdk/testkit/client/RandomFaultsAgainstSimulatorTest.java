package io.github.babyshopsdk.testkit.client;

import static io.github.babyshopsdk.testkit.client.SimClients.builderFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.RecordedRequest;
import io.github.babyshopsdk.testkit.SellerPanelSimulator;
import io.github.babyshopsdk.testkit.SimOrder;
import io.github.babyshopsdk.testkit.client.SimClients.SimulatedSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * About 200 reads of six operations against a simulator that fails requests at random (HTTP 500, HTTP 503,
 * dropped connections), from a fixed seed: every read ends in a value or a typed
 * {@link BabyshopException}, and the same seed replays the same run.
 */
class RandomFaultsAgainstSimulatorTest {

    private static final int READS = 200;
    private static final double PROBABILITY = 0.08; // per kind and request: about 22 % of requests fail

    /** What happened to each read, and the outcome of the whole run. */
    private record Run(List<String> outcomes, List<String> crashes, int requests, int faults, Duration simulated) {
        long failed() {
            return outcomes.stream().filter(o -> !o.contains(" ok ")).count();
        }

        long retriedThenSucceeded() {
            return outcomes.stream().filter(o -> o.contains(" ok ") && !o.endsWith("[-]")).count();
        }
    }

    private static Run run(long seed) {
        try (SellerPanelSimulator sim = SellerPanelSimulator.builder().fixture(Fixture.of(81, 20, 15)).build().start()) {
            SimulatedSleeper sleeper = new SimulatedSleeper(sim.simulatedClock());
            Instant start = sim.clock().instant();
            List<String> orderNos = sim.store().orders().stream().map(SimOrder::orderNo).limit(3).toList();
            String invoiceNo = sim.store().invoices().get(0).invoiceNo();
            OrderListQuery list = OrderListQuery.builder().updatedSince(start.minus(Duration.ofDays(30))).limit(20).build();
            ProductQuery products = ProductQuery.builder().updatedSince(start.minus(Duration.ofDays(365))).build();
            sim.faults().seed(seed)
                    .randomly(FaultKind.HTTP_500, PROBABILITY)
                    .randomly(FaultKind.HTTP_503, PROBABILITY)
                    .randomly(FaultKind.DROPPED_CONNECTION, PROBABILITY);

            List<String> outcomes = new ArrayList<>();
            List<String> crashes = new ArrayList<>();
            try (BabyshopClient client = builderFor(sim, sleeper).build()) {
                for (int i = 0; i < READS; i++) {
                    int before = sim.requests().size();
                    String outcome;
                    try {
                        int size = switch (i % 6) {
                            case 0 -> client.orders().listPage(list).records().size();
                            case 1 -> client.orders().fetch(orderNos).records().size();
                            case 2 -> client.catalog().productPage(products).records().size();
                            case 3 -> client.catalog().backOrders().records().size();
                            case 4 -> client.fulfilment().fetchInvoice(invoiceNo).records().size();
                            default -> client.fulfilment().fetchDocument(invoiceNo, DocumentType.INVOICE).size();
                        };
                        outcome = "ok " + size;
                    } catch (BabyshopException e) {
                        outcome = "failed " + e.getClass().getSimpleName() + " " + e.operation().orElseThrow()
                                + (e instanceof TransientException t ? " http=" + t.httpStatus() : "");
                    } catch (RuntimeException e) {
                        crashes.add(i + ": " + e);
                        outcome = "crashed " + e.getClass().getName();
                    }
                    List<String> faults = sim.requests().all().subList(before, sim.requests().size()).stream()
                            .map(r -> r.operation().path() + ":" + (r.fault() == null ? "-" : r.fault().name()))
                            .toList();
                    outcomes.add(i + " " + outcome + " " + (faults.stream().allMatch(f -> f.endsWith(":-")) ? "[-]"
                            : faults.toString()));
                }
            }
            List<RecordedRequest> all = sim.requests().all();
            int faults = (int) all.stream().map(RecordedRequest::fault).filter(Objects::nonNull).count();
            return new Run(outcomes, crashes, all.size(), faults, Duration.between(start, sim.clock().instant()));
        }
    }

    @Test
    void everyReadUnderRandomFaultsEndsInAValueOrATypedExceptionAndTheSeedReplaysTheRun() {
        Run first = run(20260302L);

        assertThat(first.crashes()).as("unchecked failures that are not BabyshopException").isEmpty();
        assertThat(first.outcomes()).hasSize(READS)
                .allSatisfy(o -> assertThat(o).containsAnyOf(" ok ", " failed "));
        assertThat(first.faults()).isPositive();
        assertThat(first.retriedThenSucceeded()).isPositive();
        assertThat(first.outcomes()).filteredOn(o -> o.contains(" failed "))
                .allSatisfy(o -> assertThat(o).contains("TransientException"));

        Run again = run(20260302L);

        assertThat(again.outcomes()).containsExactlyElementsOf(first.outcomes());
        assertThat(again.requests()).isEqualTo(first.requests());
        assertThat(again.simulated()).isEqualTo(first.simulated());

        Run other = run(7L);
        assertThat(other.crashes()).isEmpty();
        assertThat(other.outcomes()).isNotEqualTo(first.outcomes());

        System.out.printf("seed 20260302: %d reads, %d requests, %d faults injected, %d reads retried to success, "
                        + "%d reads failed (typed), simulated time %s%n", READS, first.requests(), first.faults(),
                first.retriedThenSucceeded(), first.failed(), first.simulated());
        first.outcomes().stream().filter(o -> o.contains(" failed ")).forEach(System.out::println);
    }
}
