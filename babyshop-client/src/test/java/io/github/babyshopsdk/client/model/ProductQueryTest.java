package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** productFetch query rules: one filter (Q31), code limits, paging. */
class ProductQueryTest {

    private static final Instant T = Instant.parse("2015-01-01T00:00:00Z");

    @Test
    void defaultsToFirstPageOfOneHundred() {
        ProductQuery query = ProductQuery.builder().updatedSince(T).build();

        assertThat(query.pageNumber()).isEqualTo(1);
        assertThat(query.limit()).isEqualTo(100);
        assertThat(query.skuCodes()).isEmpty();
    }

    @Test
    void requiresExactlyOneFilter() {
        assertThatThrownBy(() -> ProductQuery.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exactly one of updatedSince and skuCodes must be set, neither was");
        assertThatThrownBy(() -> ProductQuery.builder().updatedSince(T).addSkuCodes("A").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("exactly one of updatedSince and skuCodes must be set, both were");
    }

    @Test
    void acceptsUpToOneHundredCodesOfFiftyCharacters() {
        ProductQuery query = ProductQuery.builder()
                .addAllSkuCodes(IntStream.range(0, 100).mapToObj(i -> String.format("%050d", i))
                        .collect(Collectors.toList()))
                .build();

        assertThat(query.skuCodes()).hasSize(100).allSatisfy(code -> assertThat(code).hasSize(50));
    }

    @Test
    void rejectsTooManyBlankOrLongCodes() {
        assertThatThrownBy(() -> ProductQuery.builder()
                .addAllSkuCodes(IntStream.range(0, 101).mapToObj(i -> "S" + i).collect(Collectors.toList()))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skuCodes must hold at most 100 codes, was 101");
        assertThatThrownBy(() -> ProductQuery.builder().addSkuCodes("A", " ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("skuCodes[1] must not be blank");
        assertThatThrownBy(() -> ProductQuery.builder().addSkuCodes("x".repeat(51)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("skuCodes[0] must be at most 50 characters, was 51");
        assertThat(ProductQuery.builder().addSkuCodes("x".repeat(50)).build().skuCodes()).hasSize(1);
    }

    @Test
    void rejectsPagingOutOfRange() {
        assertThatThrownBy(() -> ProductQuery.builder().updatedSince(T).limit(250).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 100, was 250");
        assertThatThrownBy(() -> ProductQuery.builder().updatedSince(T).limit(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 100, was 0");
        assertThatThrownBy(() -> ProductQuery.builder().updatedSince(T).pageNumber(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageNumber must be at least 1, was 0");
    }
}
