package io.github.babyshopsdk.sync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.Fixture;
import io.github.babyshopsdk.testkit.Operation;
import io.github.babyshopsdk.testkit.SimProduct;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15, defect 1 (the catalog lost a valid SKU for good): a catalog of 350 SKUs, one
 * {@link FaultKind#DRIFT} on the first productFetch (a SKU of page 1 is updated, moves to the end of the listing,
 * and the first SKU of page 2 slides onto page 1, already read), then the catalog flow run three times six hours
 * apart. Every SKU with a valid Vendor SKU Code must reach the host's SKU master with its link (so its stock is
 * pushed). Before the fix, seeds 3 and 5 each lost one SKU: the flow read pages by number with no drift handling
 * and its cursor moved past the skipped SKU.
 */
class CatalogUnderDriftEndToEndTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 5, 8})
    void aDriftOnTheFirstProductFetchLosesNoValidSku(long seed) {
        try (SimWorld world = SimWorld.with(Fixture.of(seed, 0, 350)).seed(seed).start()) {
            world.advance(Duration.ofMinutes(1));
            world.sim.faults().failNext(Operation.PRODUCT_FETCH, 1, FaultKind.DRIFT);

            for (int run = 0; run < 3; run++) {
                assertThat(world.engine.run(Flow.CATALOG).outcome()).as("run %d", run + 1)
                        .isEqualTo(FlowOutcome.COMPLETED);
                world.advance(Duration.ofHours(6));
            }

            assertThat(world.sim.requests().of(Operation.PRODUCT_FETCH).get(0).faultDetail()).startsWith("updated ");
            List<SimProduct> valid = world.validProducts();
            assertThat(valid).hasSizeGreaterThan(250);
            Map<String, String> links = world.links();
            for (SimProduct product : valid) {
                assertThat(world.host.skus()).as("SKU %s in the host's SKU master", product.sku())
                        .containsKey(product.sku());
                assertThat(links).as("link of %s", product.vendorSkuCode())
                        .containsEntry(product.vendorSkuCode(), product.sku());
            }
        }
    }
}
