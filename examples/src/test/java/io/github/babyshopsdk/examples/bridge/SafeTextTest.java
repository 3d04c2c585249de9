package io.github.babyshopsdk.examples.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void controlLineAndBidiCharactersAreEscaped() {
        assertThat(SafeText.of("5001\r\nFORGED\tx\\y")).isEqualTo("5001\\r\\nFORGED\\tx\\\\y");
        assertThat(SafeText.of("a\u0000b\u001Bc\u0085d\u2028e\u202Ef\u2066g\uFEFF")).isEqualTo(
                "a\\u0000b\\u001Bc\\u0085d\\u2028e\\u202Ef\\u2066g\\uFEFF");
        assertThat(SafeText.of("Dubaï ✓ دبي")).isEqualTo("Dubaï ✓ دبي");
        assertThat(SafeText.of(null)).isEqualTo("null");
        assertThat(SafeText.hasControl("ok ✓")).isFalse();
        assertThat(SafeText.hasControl("a\u2029")).isTrue();
    }

    @Test
    void longValuesAreCut() {
        String cut = SafeText.of("x".repeat(10_000));
        assertThat(cut).startsWith("x".repeat(SafeText.MAX_CHARS)).endsWith("…(10000 chars)")
                .hasSize(SafeText.MAX_CHARS + "…(10000 chars)".length());
    }

    @Test
    void urlsLoseUserInfoQueryAndFragment() {
        assertThat(SafeText.url("https://seller:SECRET@example.com:8443/RestWS/api/sellerPanel/v3/?apiKey=SECRET#SECRET"))
                .isEqualTo("https://example.com:8443/RestWS/api/sellerPanel/v3/");
        assertThat(SafeText.url("http://127.0.0.1/a%0Ab")).isEqualTo("http://127.0.0.1/a%0Ab");
        assertThat(SafeText.url("http://u:SEC RET@h/")).isEqualTo("<not a URL>");
        assertThat(SafeText.url("mailto:SECRET@example.com")).isEqualTo("mailto:<opaque>");
        assertThat(SafeText.url("SECRET")).isEqualTo("<not a URL>");
    }

    @Test
    void stateUrlsLosePasswordsAndUserInfo() {
        assertThat(StateDatabase.redact("jdbc:postgresql://u:SECRET@h:5432/db?user=u&password=SECRET&ssl=true"))
                .isEqualTo("jdbc:postgresql://██@h:5432/db?user=u&password=██&ssl=true");
        assertThat(StateDatabase.redact("jdbc:h2:file:/x;PASSWORD=SECRET;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/x;PASSWORD=██;MODE=PostgreSQL");
    }
}
