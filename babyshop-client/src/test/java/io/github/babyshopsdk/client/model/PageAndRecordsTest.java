package io.github.babyshopsdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Records and pages: counting, last-page detection, failure values. */
class PageAndRecordsTest {

    private static Records<String> records(int ok, int failed) {
        Records.Builder<String> builder = Records.builder();
        for (int i = 0; i < ok; i++) {
            builder.addRecords("r" + i);
        }
        for (int i = 0; i < failed; i++) {
            builder.addFailures(RecordFailure.of(ok + i, null, "bad"));
        }
        return builder.build();
    }

    @Test
    void recordsCountBothRecordsAndFailures() {
        Records<String> r = records(3, 2);

        assertThat(r.size()).isEqualTo(5);
        assertThat(r.hasFailures()).isTrue();
        assertThat(Records.<String>empty().size()).isZero();
        assertThat(Records.<String>empty().hasFailures()).isFalse();
    }

    @Test
    void missingKeysAreEmptyByDefaultAndNotCountedInSize() {
        assertThat(records(3, 2).missing()).isEmpty();
        Records<String> partial = Records.<String>builder().addRecords("r").addMissing("B", "C").build();

        assertThat(partial.missing()).containsExactly("B", "C");
        assertThat(partial.size()).isEqualTo(1);
    }

    @Test
    void pageIsLastWhenShorterThanTheLimit() {
        assertThat(Page.of(1, 100, records(99, 0)).isLast()).isTrue();
        assertThat(Page.of(1, 100, records(0, 0)).isLast()).isTrue();
        assertThat(Page.of(2, 100, records(100, 0)).isLast()).isFalse();
    }

    @Test
    void failuresCountTowardsAFullPage() {
        Page<String> page = Page.of(3, 10, records(7, 3));

        assertThat(page.isLast()).isFalse();
        assertThat(page.pageNumber()).isEqualTo(3);
        assertThat(page.limit()).isEqualTo(10);
        assertThat(page.records()).hasSize(7);
        assertThat(page.failures()).hasSize(3);
    }

    @Test
    void pageRejectsImpossiblePaging() {
        assertThatThrownBy(() -> Page.of(0, 10, Records.<String>empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pageNumber must be at least 1, was 0");
        assertThatThrownBy(() -> Page.of(1, 0, Records.<String>empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 1, was 0");
    }

    @Test
    void recordFailureNeedsAReasonAndANonNegativeIndex() {
        RecordFailure failure = RecordFailure.of(2, "100000019", "orderDate: bad");

        assertThat(failure.index()).isEqualTo(2);
        assertThat(failure.key()).contains("100000019");
        assertThat(RecordFailure.of(0, null, "x").key()).isEmpty();
        assertThatThrownBy(() -> RecordFailure.of(-1, null, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("index must not be negative, was -1");
        assertThatThrownBy(() -> RecordFailure.of(0, null, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank");
    }
}
