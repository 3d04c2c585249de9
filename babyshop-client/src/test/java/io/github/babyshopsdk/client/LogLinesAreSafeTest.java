package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.babyshopsdk.client.error.MalformedResponseException;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.support.CapturedLogs;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9 (low) and item 4: remote values logged by the client are escaped (no raw CR, LF or other control
 * character in a log line), and wire logging logs a bounded excerpt of a body instead of buffering it.
 */
class LogLinesAreSafeTest {
    private static final ProductQuery PRODUCTS = ProductQuery.builder()
            .updatedSince(Instant.parse("2026-11-01T00:00:00Z")).build();
    private final MockSellerPanel panel = new MockSellerPanel();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void closePanel() {
        panel.close();
    }

    @Test
    void remoteValuesWithLineBreaksAndEscapesNeverStartALogLine() {
        String hostile = "{\r\n\"responseCode\":0,\r\n\"productList\":\"N/A\\n2026-12-05 INFO forged \\u001b[2J\"}";
        panel.enqueueToken();
        for (int i = 0; i < 3; i++) {
            panel.server().enqueue(MockSellerPanel.json(hostile));
        }

        Throwable thrown = catchThrowable(() -> panel.clientBuilder().wireLogging(true).build().catalog()
                .productPage(PRODUCTS));

        assertThat(thrown).isInstanceOf(MalformedResponseException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n", "\r", "\u001b");
        assertThat(logs.events()).isNotEmpty();
        for (ILoggingEvent event : logs.events()) {
            assertThat(event.getFormattedMessage()).as(event.getLoggerName())
                    .doesNotContain("\n", "\r", "\u001b");
        }
    }

    @Test
    void wireLoggingLogsABoundedExcerptOfALargeBody() {
        String large = "{\"responseCode\":0,\"productList\":[],\"pad\":\"" + "x".repeat(400 * 1024) + "\"}";
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.json(large));

        assertThat(panel.clientBuilder().wireLogging(true).build().catalog().productPage(PRODUCTS).records())
                .isEmpty();
        assertThat(logs.events()).anySatisfy(event -> assertThat(event.getLoggerName()).endsWith(".wire"));
        for (ILoggingEvent event : logs.events()) {
            assertThat(event.getFormattedMessage().length()).as("a logged line").isLessThan(64 * 1024);
        }
    }
}
