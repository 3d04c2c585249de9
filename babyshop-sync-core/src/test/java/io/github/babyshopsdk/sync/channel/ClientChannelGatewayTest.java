package io.github.babyshopsdk.sync.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The client adapter's one way in: {@link ClientChannelGateway#of}, which checks its argument. */
class ClientChannelGatewayTest {

    @Test
    void ofRefusesANullClient() {
        assertThatThrownBy(() -> ClientChannelGateway.of(null))
                .isInstanceOf(NullPointerException.class).hasMessage("client");
    }

    @Test
    void hasNoPublicConstructor() {
        assertThat(ClientChannelGateway.class.getConstructors()).isEmpty();
    }
}
