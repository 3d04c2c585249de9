package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dead letter keys: every form round-trips; hostile text is refused with a message that does not repeat it. */
class DeadLetterKeyTest {

    @Test
    void everyFormRoundTrips() {
        for (String text : new String[] {"outbox:ev-1", "outbox:a:b:c", "quarantine:ORDERS:BS-1001",
                "quarantine:CATALOG:SKU:1", "inventory:V-1", "inventory:ع-1"}) {
            assertThat(DeadLetterKey.parse(text).text()).isEqualTo(text);
        }
        DeadLetterKey key = DeadLetterKey.parse("quarantine:ORDERS:BS:1");
        assertThat(key.kind()).isEqualTo(DeadLetterKind.QUARANTINE);
        assertThat(key.flow()).contains(Flow.ORDERS);
        assertThat(key.recordKey()).isEqualTo("BS:1");
        assertThat(DeadLetterKey.parse("outbox:ev-1").flow()).isEmpty();
        assertThat(DeadLetterKey.parse("inventory:V-1")).isEqualTo(DeadLetterKey.of(DeadLetterKind.INVENTORY,
                Flow.INVENTORY, "V-1"));
    }

    @Test
    void aDeadLettersKeyIsDerivedFromItsRecord() {
        DeadLetter letter = DeadLetter.builder().kind(DeadLetterKind.QUARANTINE).flow(Flow.CATALOG).recordKey("SKU-1")
                .reason("unreadable").attempts(5).firstFailedAt(Instant.EPOCH).lastFailedAt(Instant.EPOCH).build();
        assertThat(letter.key()).isEqualTo("quarantine:CATALOG:SKU-1");
        assertThat(DeadLetterKey.parse(letter.key()).recordKey()).isEqualTo("SKU-1");
        assertThat(DeadLetter.builder().from(letter).kind(DeadLetterKind.INVENTORY).flow(Flow.INVENTORY).build().key())
                .isEqualTo("inventory:SKU-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "outbox", "outbox:", "mailbox:1", "OUTBOX:1", "quarantine:BS-1",
            "quarantine:orders:BS-1", "quarantine:NOPE:BS-1", "quarantine:ORDERS:", "inventory:  ",
            "inventory:V-1\nFORGED log line", "outbox:\u0000", "inventory:\r\n", "outbox:\uD800x"})
    void aMalformedKeyIsATypedErrorThatDoesNotRepeatIt(String hostile) {
        assertThatThrownBy(() -> DeadLetterKey.parse(hostile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed dead letter key: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("FORGED").doesNotContain("\n")
                        .doesNotContain("\r").doesNotContain("\u0000"));
    }

    @Test
    void nullAndOverlongKeysAreRefused() {
        assertThatThrownBy(() -> DeadLetterKey.parse(null)).isInstanceOf(IllegalArgumentException.class);
        String huge = "outbox:" + "x".repeat(100_000);
        assertThatThrownBy(() -> DeadLetterKey.parse(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
