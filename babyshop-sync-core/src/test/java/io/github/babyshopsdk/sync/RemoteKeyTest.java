package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one key rule: 1..128 characters, not blank, no control character, no unpaired surrogate. */
class RemoteKeyTest {

    @Test
    void validKeys() {
        assertThat(RemoteKey.isValid("500000009")).isTrue();
        assertThat(RemoteKey.isValid("SKU-ÄÖ-طلب-😀")).isTrue();
        assertThat(RemoteKey.isValid(" padded ")).as("spaces count, not refused").isTrue();
        assertThat(RemoteKey.isValid("x".repeat(RemoteKey.MAX_LENGTH))).isTrue();
        assertThat(RemoteKey.problem("A-1")).isEmpty();
    }

    @Test
    void invalidKeysSayWhy() {
        assertThat(RemoteKey.problem(null)).contains("missing");
        assertThat(RemoteKey.problem("")).contains("blank");
        assertThat(RemoteKey.problem("  ")).contains("blank");
        assertThat(RemoteKey.problem("x".repeat(129))).get().asString().contains("129 characters", "128");
        assertThat(RemoteKey.problem("9".repeat(600))).get().asString().contains("600 characters");
        assertThat(RemoteKey.problem("A\nB")).get().asString().contains("U+000A", "position 1");
        assertThat(RemoteKey.problem("A\rB")).get().asString().contains("U+000D");
        assertThat(RemoteKey.problem("A\u0000B")).get().asString().contains("U+0000");
        assertThat(RemoteKey.problem("A\u2028B")).get().asString().contains("U+2028");
        assertThat(RemoteKey.problem("A\uD800B")).get().asString().contains("unpaired surrogate");
    }

    @Test
    void theStorageFormOfAnInvalidKeyIsAValidBoundedPrintableStableStandIn() {
        assertThat(RemoteKey.storageForm("A-1")).isEqualTo("A-1");
        for (String bad : new String[] {"9".repeat(600), "A\nINFO forged", "\n".repeat(500), "\\".repeat(300),
                "\uD800".repeat(40), "", null}) {
            String form = RemoteKey.storageForm(bad);
            assertThat(form).startsWith(RemoteKey.INVALID_PREFIX).hasSizeLessThanOrEqualTo(64);
            assertThat(RemoteKey.isValid(form)).as(form).isTrue();
            assertThat(RemoteKey.storageForm(bad)).isEqualTo(form);
        }
        assertThat(RemoteKey.storageForm("9".repeat(600))).isNotEqualTo(RemoteKey.storageForm("9".repeat(601)));
        assertThat(RemoteKey.storageForm("A\nINFO forged")).startsWith(RemoteKey.INVALID_PREFIX + "A\\u000AINFO");
    }
}
