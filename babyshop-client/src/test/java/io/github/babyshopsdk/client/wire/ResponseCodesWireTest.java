package io.github.babyshopsdk.client.wire;

import static io.github.babyshopsdk.client.wire.WireAssertions.assertKeyedFormPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.babyshopsdk.client.BabyshopClient;
import io.github.babyshopsdk.client.error.ApiException;
import io.github.babyshopsdk.client.error.AuthenticationException;
import io.github.babyshopsdk.client.error.BabyshopException;
import io.github.babyshopsdk.client.error.InvalidRequestException;
import io.github.babyshopsdk.client.error.NotFoundException;
import io.github.babyshopsdk.client.error.OutcomeUnknownException;
import io.github.babyshopsdk.client.error.QuotaExceededException;
import io.github.babyshopsdk.client.error.TransientException;
import io.github.babyshopsdk.client.support.MockSellerPanel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response code of reference §3.2 on the operation that documents it, plus the generic codes
 * (5, 9, 11, 13, 14, 15) on every keyed operation, as §3.2 asks ("handle every generic code on every
 * operation"): each becomes its typed exception with {@code code()}, {@code operation()} and
 * {@code serverMessage()}, after exactly the attempts its class allows. Code 2000 is in
 * {@link ReauthenticationWireTest}; code 304 of inventoryPriceUpdate is a per-SKU rejection, not an
 * exception ({@link CatalogWireTest}); authToken's codes are in {@link AuthTokenWireTest}.
 */
class ResponseCodesWireTest {
    /** Verbatim messages of §3.1. */
    private static final Map<Integer, String> MESSAGES = new LinkedHashMap<>();

    static {
        MESSAGES.put(5, "Empty Request");
        MESSAGES.put(9, "Generic Error");
        MESSAGES.put(11, "Invalid API credentials");
        MESSAGES.put(13, "API Hit Quota Exceeded");
        MESSAGES.put(14, "API credentials are no more active");
        MESSAGES.put(15, "API credentials has been expired");
        MESSAGES.put(101, "OrderNo or LineNo not identified.");
        MESSAGES.put(102, "Cannot process multiple Orders.");
        MESSAGES.put(103, "OrderNo is mandatory.");
        MESSAGES.put(309, "The server encountered an internal error and was unable to complete your request. "
                + "Please contact the server administrator.");
        MESSAGES.put(310, "Order does not belong to give SellerId.");
        MESSAGES.put(324, "Order-Invoice is not genearted for this Order");
        MESSAGES.put(404, "Not Found");
        MESSAGES.put(804, "To Date Should be Greater Then From Date");
        MESSAGES.put(913, "From and To Date Range Should not be more than 7 days");
        MESSAGES.put(1012, "Tax Code not found in ERP.");
        MESSAGES.put(8060, "No Vendor found corresponding to the parentVendor AND/OR WarehouseID passed");
        MESSAGES.put(10042, "Status is Mandatory with from date and to date");
        MESSAGES.put(10043, "Return No or From Date is mandatory");
    }

    private static final List<Integer> GENERIC = List.of(5, 9, 11, 13, 14, 15);
    private static final Map<KeyedOperation, List<Integer>> SPECIFIC = Map.of(
            KeyedOperation.GENERATE_INVOICE, List.of(101, 102, 103, 309, 310, 324, 1012),
            KeyedOperation.ORDER_RETURN, List.of(804, 913, 8060, 10042, 10043),
            KeyedOperation.FETCH_DOCUMENTS, List.of(404));
    private static final Set<KeyedOperation> NOT_SAFE_TO_REPEAT = EnumSet.of(
            KeyedOperation.GENERATE_INVOICE, KeyedOperation.ORDER_SHIPPING, KeyedOperation.ORDER_CANCELLATION);
    /** The default retry policy's attempts per call. */
    private static final int MAX_ATTEMPTS = 3;

    private final MockSellerPanel panel = new MockSellerPanel();

    @AfterEach
    void close() {
        panel.close();
    }

    static Stream<Arguments> codes() {
        List<Arguments> cases = new ArrayList<>();
        for (KeyedOperation operation : KeyedOperation.values()) {
            for (int code : GENERIC) {
                cases.add(Arguments.of(operation, code));
            }
            for (int code : SPECIFIC.getOrDefault(operation, List.of())) {
                cases.add(Arguments.of(operation, code));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @MethodSource("codes")
    void eachCodeBecomesItsTypedExceptionAfterTheAttemptsItAllows(KeyedOperation operation, int code) {
        Outcome expected = expected(operation, code);
        String message = MESSAGES.get(code);
        panel.enqueueToken();
        for (int attempt = 0; attempt < expected.attempts; attempt++) {
            panel.server().enqueue(MockSellerPanel.code(code, message));
        }
        BabyshopClient client = panel.client();

        assertThatThrownBy(() -> operation.invoke(client))
                .isExactlyInstanceOf(expected.type)
                .satisfies(e -> {
                    BabyshopException failure = (BabyshopException) e;
                    assertThat(failure.code()).hasValue(code);
                    assertThat(failure.operation()).hasValue(operation.operation());
                    assertThat(failure.serverMessage()).hasValue(message);
                })
                .hasMessageContaining(operation.path());

        assertThat(panel.server().getRequestCount()).as("authToken + %s attempt(s)", expected.attempts)
                .isEqualTo(1 + expected.attempts);
        panel.take();
        for (int attempt = 0; attempt < expected.attempts; attempt++) {
            assertKeyedFormPost(panel.take(), operation.path());
        }
    }

    private static Outcome expected(KeyedOperation operation, int code) {
        switch (code) {
            case 5: case 102: case 103: case 804: case 913: case 10042: case 10043:
                return new Outcome(InvalidRequestException.class, 1);
            case 11: case 14: case 15:
                return new Outcome(AuthenticationException.class, 1);
            case 101: case 404:
                return new Outcome(NotFoundException.class, 1);
            case 310: case 324: case 1012: case 8060:
                return new Outcome(ApiException.class, 1);
            case 9: case 309:
                // maybe transient: reads and idempotent writes retry; other writes are never repeated blindly
                return NOT_SAFE_TO_REPEAT.contains(operation)
                        ? new Outcome(OutcomeUnknownException.class, 1)
                        : new Outcome(TransientException.class, MAX_ATTEMPTS);
            case 13:
                // the request was refused, so even a non-idempotent write may be repeated after backing off
                return new Outcome(QuotaExceededException.class, MAX_ATTEMPTS);
            default:
                throw new IllegalArgumentException("no expectation for code " + code);
        }
    }

    private static final class Outcome {
        final Class<? extends BabyshopException> type;
        final int attempts;

        Outcome(Class<? extends BabyshopException> type, int attempts) {
            this.type = type;
            this.attempts = attempts;
        }
    }
}
