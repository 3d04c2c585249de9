package io.github.babyshopsdk.benchmarks.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.client.internal.TypedDecode;
import io.github.babyshopsdk.client.model.Records;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one 100-record page: the client's typed decode (bytes to model records, {@link TypedDecode}) and,
 * as the baseline, Jackson's {@code ObjectMapper.readTree} of the same bytes. Run by {@link DecodeSuite}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeBenchmark {

    /** The page decoded. */
    @Param({"orderList", "orderFetch", "productFetch"})
    public String page;

    private byte[] bytes;
    private TypedDecode typed;
    private ObjectMapper mapper;

    /** Builds the page and checks that the typed decode reads every record of it. */
    @Setup(Level.Trial)
    public void setUp() {
        bytes = DecodePages.generate().page(page);
        typed = new TypedDecode(DecodePages.ZONE);
        mapper = new ObjectMapper();
        Records<?> records = decode();
        if (records.records().size() != DecodePages.RECORDS || !records.failures().isEmpty()) {
            throw new IllegalStateException(page + ": " + records.records().size() + " records, failures "
                    + records.failures());
        }
    }

    /** The client's typed decode of the page. */
    @Benchmark
    public Records<?> typed() {
        return decode();
    }

    /** Baseline: {@code readTree} of the same bytes. */
    @Benchmark
    public JsonNode readTree() throws IOException {
        return mapper.readTree(bytes);
    }

    private Records<?> decode() {
        return switch (page) {
            case "orderList" -> typed.orderList(bytes);
            case "orderFetch" -> typed.orderFetch(bytes);
            case "productFetch" -> typed.productFetch(bytes);
            default -> throw new IllegalStateException("no page " + page);
        };
    }
}
