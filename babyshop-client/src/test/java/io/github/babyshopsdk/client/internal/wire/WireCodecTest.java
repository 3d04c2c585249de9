package io.github.babyshopsdk.client.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Construction, the tree-reading mapper and thread safety of the codec. */
class WireCodecTest {

    @Test
    void newObjectMapperReturnsAFreshInstanceEachTime() {
        assertThat(WireCodec.newObjectMapper()).isNotSameAs(WireCodec.newObjectMapper());
    }

    @Test
    void newObjectMapperReadsFloatsAsDecimals() throws JsonProcessingException {
        JsonNode node = WireCodec.newObjectMapper().readTree("{\"a\":0.1}");

        assertThat(node.get("a").isBigDecimal()).isTrue();
        assertThat(node.get("a").decimalValue()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void newObjectMapperKeepsDecimalScaleInTrees() throws JsonProcessingException {
        JsonNode node = WireCodec.newObjectMapper().readTree("{\"a\":350.000,\"b\":1500.00}");

        assertThat(node.get("a").decimalValue()).isEqualTo(new BigDecimal("350.000"));
        assertThat(node.get("b").decimalValue().scale()).isEqualTo(2);
    }

    @Test
    void newObjectMapperRejectsTrailingContent() {
        assertThatThrownBy(() -> WireCodec.newObjectMapper().readTree("{} x"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void constructorRequiresMapperAndZone() {
        assertThatThrownBy(() -> new WireCodec(null, ZoneId.of("UTC"))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WireCodec(new ObjectMapper(), null)).isInstanceOf(NullPointerException.class);
        assertThat(new WireCodec(new ObjectMapper(), ZoneId.of("Asia/Dubai")).zone())
                .isEqualTo(ZoneId.of("Asia/Dubai"));
    }

    @Test
    void oneCodecServesManyThreadsConsistently() throws Exception {
        WireCodec codec = Wire.CODEC;
        JsonNode envelope = Wire.json(ReferenceExamples.ORDER_FETCH);
        Order expected = codec.orders(envelope).records().get(0);
        String expectedBody = codec.orderList(OrderListQuery.builder()
                .updatedSince(Instant.parse("2014-12-31T18:30:00Z")).build());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> codec.orders(envelope).records().get(0).equals(expected)
                        && codec.orderList(OrderListQuery.builder()
                                .updatedSince(Instant.parse("2014-12-31T18:30:00Z")).build()).equals(expectedBody)));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> result : results) {
                outcomes.add(result.get(10, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnly(true);
        } finally {
            pool.shutdownNow();
        }
    }
}
