package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertAuthTokenGet;
import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Code 2000 ({@code authToken expired/Invalid authToken.}) on every keyed operation: exactly one
 * re-authentication, then exactly one retry of the same request with the new key (reference §1.3, §3.1).
 */
class ReauthenticationWireTest {
    private static final String EXPIRED = "authToken expired/Invalid authToken.";
    private static final String FRESH_KEY = "FRESH-KEY-AFTER-2000";

    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyedOperation.class)
    void code2000ReauthenticatesOnceAndRepeatsTheSameRequestWithTheNewKey(KeyedOperation operation) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(2000, EXPIRED));
        panel.server().enqueue(MockSellerPanel.token(FRESH_KEY));
        panel.server().enqueue(operation.success());
        BabyshopClient client = panel.client();

        operation.invoke(client);

        assertThat(panel.server().getRequestCount()).isEqualTo(4);
        assertAuthTokenGet(panel.take(), MockSellerPanel.USERNAME, MockSellerPanel.PASSWORD);
        JsonNode first = assertKeyedFormPost(panel.take(), operation.path(), MockSellerPanel.API_KEY);
        assertAuthTokenGet(panel.take(), MockSellerPanel.USERNAME, MockSellerPanel.PASSWORD);
        JsonNode retry = assertKeyedFormPost(panel.take(), operation.path(), FRESH_KEY);
        assertThat(retry).isEqualTo(first);
        assertThat(client.metrics().reauthentications()).isEqualTo(1);
        assertThat(client.token().apiKey()).isEqualTo(FRESH_KEY);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyedOperation.class)
    void code2000AgainAfterTheRefreshFailsWithoutASecondRefresh(KeyedOperation operation) {
        panel.enqueueToken();
        panel.server().enqueue(MockSellerPanel.code(2000, EXPIRED));
        panel.server().enqueue(MockSellerPanel.token(FRESH_KEY));
        panel.server().enqueue(MockSellerPanel.code(2000, EXPIRED));
        BabyshopClient client = panel.client();

        assertThatThrownBy(() -> operation.invoke(client))
                .isExactlyInstanceOf(AuthenticationException.class)
                .satisfies(e -> {
                    BabyshopException failure = (BabyshopException) e;
                    assertThat(failure.code()).hasValue(2000);
                    assertThat(failure.operation()).hasValue(operation.operation());
                    assertThat(failure.serverMessage()).hasValue(EXPIRED);
                });

        assertThat(panel.server().getRequestCount()).as("authToken, call, authToken, call: nothing more")
                .isEqualTo(4);
        assertThat(client.metrics().reauthentications()).isEqualTo(1);
        panel.take();
        assertKeyedFormPost(panel.take(), operation.path(), MockSellerPanel.API_KEY);
        panel.take();
        assertKeyedFormPost(panel.take(), operation.path(), FRESH_KEY);
    }
}
