package io.github.babyshopsdk.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.babyshopsdk.client.Operation;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.internal.wire.WireCodec;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.Records;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * Not API: the client's decode path from the bytes of a response body to model records, exposed for the
 * benchmarks module (which measures it against Jackson's {@code readTree}); hidden when the client becomes a
 * JPMS module. Each method does what a client call does with a successful HTTP answer: the body is read into
 * a tree the way the client's Retrofit converter reads it ({@code ObjectReader.readValue(InputStream)} on the
 * client's mapper), the envelope's {@code responseCode} is checked, and the list is decoded by
 * {@link WireCodec}. Immutable and thread-safe.
 */
public final class TypedDecode {

    private final ObjectReader reader;
    private final ResponseClassifier classifier;
    private final WireCodec codec;

    /**
     * A decode path with the client's own mapper ({@link WireCodec#newObjectMapper()}) for wire date-times in
     * {@code zone}.
     *
     * @throws NullPointerException if {@code zone} is {@code null}
     */
    public TypedDecode(ZoneId zone) {
        ObjectMapper mapper = WireCodec.newObjectMapper();
        this.reader = mapper.readerFor(JsonNode.class);
        this.classifier = new ResponseClassifier(new Redactor());
        this.codec = new WireCodec(mapper, Objects.requireNonNull(zone, "zone"));
    }

    /**
     * An orderList answer's records.
     *
     * @throws BabyshopException for an answer the client would refuse (a non-zero code, an impossible shape)
     * @throws UncheckedIOException if the bytes are not JSON
     */
    public Records<OrderSummary> orderList(byte[] body) {
        return decode(Operation.ORDER_LIST, body, codec::orderSummaries);
    }

    /**
     * An orderFetch answer's records.
     *
     * @throws BabyshopException for an answer the client would refuse (a non-zero code, an impossible shape)
     * @throws UncheckedIOException if the bytes are not JSON
     */
    public Records<Order> orderFetch(byte[] body) {
        return decode(Operation.ORDER_FETCH, body, codec::orders);
    }

    /**
     * A productFetch answer's records.
     *
     * @throws BabyshopException for an answer the client would refuse (a non-zero code, an impossible shape)
     * @throws UncheckedIOException if the bytes are not JSON
     */
    public Records<Product> productFetch(byte[] body) {
        return decode(Operation.PRODUCT_FETCH, body, codec::products);
    }

    private <R> R decode(Operation operation, byte[] body, Function<JsonNode, R> decoder) {
        JsonNode tree;
        try {
            tree = reader.readValue(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return decoder.apply(classifier.successEnvelope(operation, tree));
        } catch (AttemptFailure e) {
            throw e.exception();
        }
    }
}
