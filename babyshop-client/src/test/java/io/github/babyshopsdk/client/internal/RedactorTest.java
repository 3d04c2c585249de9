package io.github.babyshopsdk.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksKnownSecretsInRawAndUrlEncodedForm() {
        Redactor redactor = new Redactor();
        redactor.addSecret("p@ss word&1");
        redactor.addSecret("KEY-123");

        String text = redactor.redact("GET /authToken?username=u&password=p%40ss+word%261 ApiKey: KEY-123 raw p@ss word&1");

        assertThat(text).doesNotContain("p@ss", "p%40ss", "KEY-123").contains("username=u");
    }

    @Test
    void masksPasswordParametersAndApiKeyHeadersItWasNotToldAbout() {
        Redactor redactor = new Redactor();

        assertThat(redactor.redact("https://h/authToken?username=u&password=secret1")).endsWith("password=██");
        assertThat(redactor.redact("ApiKey: abcdef")).isEqualTo("ApiKey: ██");
        assertThat(redactor.redact(null)).isNull();
    }
}
