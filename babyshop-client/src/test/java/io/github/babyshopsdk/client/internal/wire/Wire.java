package io.github.babyshopsdk.client.internal.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.ZoneId;

/** Shared test fixtures: the configured mapper, an IST codec and JSON parsing. */
final class Wire {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final ObjectMapper MAPPER = WireCodec.newObjectMapper();
    static final WireCodec CODEC = new WireCodec(MAPPER, IST);

    private Wire() {}

    /** Parses JSON text with the configured mapper. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON written with single quotes for readability ({@code 'a'} becomes {@code "a"}). */
    static JsonNode jsonQ(String singleQuoted) {
        return json(singleQuoted.replace('\'', '"'));
    }
}
