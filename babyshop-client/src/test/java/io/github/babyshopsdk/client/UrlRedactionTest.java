package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9 (low): a printed URL never carries user info or a query value, whatever the text. */
class UrlRedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://user:s3cr3t@host/p/", "https://user:s3cr3t@host", "https://a@b:s3cr3t@host/x",
            "user:s3cr3t@host/x", "https://host/p?password=s3cr3t", "https://user:s3cr3t@host/p?q=s3cr3t#f",
            "https://user:s3cr3t@host/\nforged line"})
    void redactedHidesUserInfoAndQuery(String url) {
        String shown = BabyshopClient.HttpUrlRedaction.redacted(url);

        assertThat(shown).doesNotContain("s3cr3t").doesNotContain("\n");
    }
}
