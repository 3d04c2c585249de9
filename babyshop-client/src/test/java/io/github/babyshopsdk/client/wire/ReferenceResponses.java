package io.github.babyshopsdk.client.wire;

import io.github.babyshopsdk.client.internal.wire.ReferenceExamples;

/**
 * The reference's example responses, taken from the existing
 * {@code io.github.babyshopsdk.client.internal.wire.ReferenceExamples} text blocks plus the two examples that class does
 * not hold (authToken §2.1).
 */
final class ReferenceResponses {
    /** §2.1 authToken, verbatim. */
    static final String AUTH_TOKEN = """
            {
              "status": "SUCCESS",
              "apiKey": "NTfmU5MWY4MTI3Nzc3YzQ5YzYFmYjlmM2M0YTlhNGU3OGZmYzQwNDE1NmEzMGFi",
              "apiOwner": "50JUCH"
            }
            """;
    static final String PRODUCT_FETCH = ReferenceExamples.PRODUCT_FETCH;
    static final String INVENTORY_PRICE_UPDATE = ReferenceExamples.INVENTORY_PRICE_UPDATE;
    static final String INVENTORY_PRICE_STATUS = ReferenceExamples.INVENTORY_PRICE_STATUS;
    static final String SKU_BACK_ORDER = ReferenceExamples.SKU_BACK_ORDER;
    static final String ORDER_LIST = ReferenceExamples.ORDER_LIST;
    static final String ORDER_FETCH = ReferenceExamples.ORDER_FETCH;
    static final String ORDER_RETURN = ReferenceExamples.ORDER_RETURN;
    static final String GENERATE_INVOICE = ReferenceExamples.GENERATE_INVOICE;
    static final String FETCH_INVOICE = ReferenceExamples.FETCH_INVOICE;
    static final String ENVELOPE_ONLY = ReferenceExamples.ENVELOPE_ONLY;

    private ReferenceResponses() {
    }
}
