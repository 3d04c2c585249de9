package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.client.model.Page;
import io.github.babyshopsdk.client.model.RecordFailure;
import io.github.babyshopsdk.client.model.Records;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 9 audit: a server answering full pages forever cannot make the page number wrap around. */
class PagesStopAtTheLargestPageNumberTest {

    @Test
    void iterationEndsAtIntegerMaxValueInsteadOfAskingForANegativePage() {
        List<Integer> asked = new ArrayList<>();
        Pages<String> pages = Pages.of(number -> {
            asked.add(number);
            return Page.of(number, 1, Records.<String>builder()
                    .addFailures(RecordFailure.of(0, "k", "unreadable")).build());
        }, Integer.MAX_VALUE - 1, 10);

        pages.forEach(page -> { });

        assertThat(asked).containsExactly(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
    }
}
