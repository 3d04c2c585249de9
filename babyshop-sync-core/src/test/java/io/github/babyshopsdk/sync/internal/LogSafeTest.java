package io.github.babyshopsdk.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Remote values in log lines: escaped, bounded. */
class LogSafeTest {

    @Test
    void controlCharactersAreEscaped() {
        assertThat(LogSafe.of("A-1\r\n12:00 INFO forged")).isEqualTo("A-1\\u000D\\u000A12:00 INFO forged");
        assertThat(LogSafe.of("tab\there\u0000\u2028\u202E")).isEqualTo("tab\\u0009here\\u0000\\u2028\\u202E");
        assertThat(LogSafe.of("a\\u000A")).as("a literal backslash cannot fake an escape").isEqualTo("a\\\\u000A");
        assertThat(LogSafe.of("طلب 😀")).isEqualTo("طلب 😀");
        assertThat(LogSafe.of(null)).isEqualTo("null");
        assertThat(LogSafe.of(new IllegalStateException("bad\nthing"))).doesNotContain("\n").contains("bad\\u000Athing");
    }

    @Test
    void longValuesAreCut() {
        String logged = LogSafe.of("9".repeat(600));
        assertThat(logged).startsWith("9".repeat(LogSafe.MAX_LENGTH)).endsWith("...(400 more characters)");
    }

    @Test
    void storedTextIsBoundedAndEncodable() {
        assertThat(StoredText.of("ok\nline")).isEqualTo("ok\nline");
        assertThat(StoredText.of("nul\u0000lone\uD800")).isEqualTo("nul\\u0000lone\\uD800");
        assertThat(StoredText.of("x".repeat(5000))).hasSize(StoredText.MAX_LENGTH + "...(3000 more characters)".length());
        assertThat(StoredText.of((String) null)).isNull();
    }
}
