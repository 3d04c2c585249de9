package io.github.babyshopsdk.client.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.client.model.BackOrder;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InventoryModeration;
import io.github.babyshopsdk.client.model.InvoiceItem;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.Order;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.OrderSummary;
import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.Records;
import io.github.babyshopsdk.client.model.ReturnOrder;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Shipment;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wire mapping of SellerPanel V3: request values to the JSON text of the {@code RequestBody} form
 * field, and response envelopes to model records.
 *
 * <p>Request methods throw {@link IllegalArgumentException} (naming the argument and the rule) for
 * {@code null}/blank arguments and bad batch sizes; the values themselves were validated when built.
 * Response methods take the envelope <em>after</em> the caller has checked {@code responseCode == 0}
 * (this class does not interpret codes); they throw {@link IllegalArgumentException} for a
 * {@code null} or non-object envelope and {@link WireFormatException} when the list field itself has an
 * impossible shape or more elements than a page can hold ({@link #MAX_PAGE_LIST}; {@link #MAX_UNPAGED_LIST}
 * for {@code skuBackOrder}), or when more than {@link #MAX_FAILURES_PER_LIST} of its records fail. Individual records that cannot be read are returned as
 * {@link io.github.babyshopsdk.client.model.RecordFailure}s, never thrown. A response whose top level is
 * an array of envelopes (a literal reading of Q3) is the caller's to unwrap: pass each element.
 *
 * <p>Date-times on the wire are local times in the zone given to the constructor. Immutable and
 * thread-safe; one instance serves a whole client.
 */
public final class WireCodec {
    /** Deepest JSON nesting read; SellerPanel answers nest about 4 deep. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest JSON number read, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest JSON string read, in characters (1 MiB). */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;
    /** Longest JSON property name read, in characters. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Longest JSON document read, in bytes or characters (64 MiB; the client caps bodies lower). */
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;
    /**
     * Most tokens in one JSON document: a full page of 100 orders is about 50,000, the whole
     * back-order book of 40,000 SKUs under 1,000,000; a tree of this many tokens stays under about 100 MB.
     */
    public static final long MAX_TOKEN_COUNT = 1_000_000;
    /**
     * Most elements of a paged response list read: ten times the documented page maximum of 100. A longer
     * list is not a page of this API; it is malformed, and no per-record failure is built for it.
     */
    public static final int MAX_PAGE_LIST = 1_000;
    /** Most elements of the unpaged {@code skuBackOrder} list read (its whole book in one answer). */
    public static final int MAX_UNPAGED_LIST = 100_000;
    /**
     * Most per-record failures built for one response list: more unreadable records than a page holds means
     * the answer as a whole is malformed.
     */
    public static final int MAX_FAILURES_PER_LIST = 1_000;

    private final ObjectMapper mapper;
    private final DateTimes dates;
    private final RequestWriter writer;
    private final RecordListReader lists;

    /**
     * @param mapper writes the request JSON; use {@link #newObjectMapper()} (also for reading responses,
     *     so that decimal scales survive)
     * @param zone the zone of the deployment's local date-times (the reference suggests
     *     {@code Asia/Kolkata})
     * @throws NullPointerException if an argument is {@code null}
     */
    public WireCodec(ObjectMapper mapper, ZoneId zone) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.dates = new DateTimes(Objects.requireNonNull(zone, "zone"));
        this.writer = new RequestWriter(mapper.getNodeFactory(), dates);
        this.lists = new RecordListReader(dates);
    }

    /**
     * A new mapper for reading and writing SellerPanel V3 JSON as {@link JsonNode} trees (reference §1.7);
     * the client binds no DTOs. Each call returns a fresh instance.
     * <ul>
     *   <li>floating-point numbers read as {@link java.math.BigDecimal}, and trailing zeros kept in
     *       trees ({@code 350.000} keeps scale 3);
     *   <li>trailing content after the JSON document rejected;
     *   <li>hostile-input limits on reading ({@code StreamReadConstraints}): nesting depth
     *       {@value #MAX_NESTING_DEPTH}, number length {@value #MAX_NUMBER_LENGTH} characters, string length
     *       {@value #MAX_STRING_LENGTH} characters, property name length {@value #MAX_NAME_LENGTH}, document
     *       length {@value #MAX_DOCUMENT_LENGTH} and {@value #MAX_TOKEN_COUNT} tokens per document (which
     *       bounds the size of the tree a document can build); past a limit the parser throws
     *       {@link com.fasterxml.jackson.core.exc.StreamConstraintsException}.
     * </ul>
     */
    public static ObjectMapper newObjectMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxTokenCount(MAX_TOKEN_COUNT)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** The zone wire date-times are read and written in. */
    public ZoneId zone() {
        return dates.zone();
    }

    // ---------------------------------------------------------------- requests

    /**
     * productFetch body: {@code {"updatedDate":"dd/MM/yyyy HH:mm:ss"}} or {@code {"skuCode":[..]}}, plus
     * {@code "pageNumber"} and {@code "limit"} as JSON numbers.
     *
     * @throws IllegalArgumentException if {@code query} is {@code null}
     */
    public String productFetch(ProductQuery query) {
        return json(writer.productFetch(query));
    }

    /**
     * inventoryPriceUpdate body: {@code {"invPriceList":[{"sku":"..","invQty":"11","salePrice":"1299.00"}]}},
     * numbers as JSON strings in plain notation, {@code salePrice} left out when absent.
     *
     * @throws IllegalArgumentException if {@code items} is {@code null}, empty, longer than 100, holds a
     *     {@code null} or repeats a SKU
     */
    public String inventoryPriceUpdate(List<InventoryItem> items) {
        return json(writer.inventoryPriceUpdate(items));
    }

    /**
     * inventoryPriceStatus body: {@code {"moderationIdsList":[108,109]}}, ids as JSON integers.
     *
     * @throws IllegalArgumentException if {@code moderationIds} is {@code null}, empty, longer than 100,
     *     or holds an id that is not all digits (at most 18)
     */
    public String inventoryPriceStatus(List<String> moderationIds) {
        return json(writer.inventoryPriceStatus(moderationIds));
    }

    /**
     * orderList and orderListJIT body: {@code {"updateDate":"..","filterStatusList":"1,5,10",
     * "pageNumber":1,"limit":100}}; an absent filter is left out.
     *
     * @throws IllegalArgumentException if {@code query} is {@code null}
     */
    public String orderList(OrderListQuery query) {
        return json(writer.orderList(query));
    }

    /**
     * orderFetch and orderFetchJIT body: {@code {"orderNo":[..],"pageNumber":1,"limit":n}}.
     *
     * @throws IllegalArgumentException if {@code orderNos} is {@code null}, empty, longer than 100 or
     *     holds a {@code null}/blank number, if {@code pageNumber} is below 1 or {@code limit} outside
     *     1..100
     */
    public String orderFetch(List<String> orderNos, int pageNumber, int limit) {
        return json(writer.orderFetch(orderNos, pageNumber, limit));
    }

    /**
     * orderReturn body, {@code pageNumber} and {@code limit} as JSON strings. Window mode:
     * {@code {"updatedFrom":"..","updatedTo":"..","filterStatusList":"5,10","returnNo":"",
     * "sellerId":"..","pageNumber":"1","limit":"100"}} ({@code sellerId} only when present). Lookup mode:
     * {@code {"returnNo":"..","pageNumber":"1","limit":"100"}}.
     *
     * @throws IllegalArgumentException if {@code query} is {@code null}
     */
    public String orderReturn(ReturnQuery query) {
        return json(writer.orderReturn(query));
    }

    /**
     * generateInvoice body: {@code {"orderItemsList":[{"orderNo":"..","lineNo":"2","invoiceNo":"..",
     * "transporterName":"..","trackingNo":"..","imeiNos":"..","length":"","bredth":"","height":"",
     * "weight":""}]}}, one entry per line; {@code invoiceNo}/{@code imeiNos} only when present.
     *
     * @throws IllegalArgumentException if {@code request} is {@code null}
     */
    public String generateInvoice(InvoiceRequest request) {
        return json(writer.generateInvoice(request));
    }

    /**
     * fetchInvoice body: {@code {"invoiceNo":".."}}.
     *
     * @throws IllegalArgumentException if {@code invoiceNo} is {@code null} or blank
     */
    public String fetchInvoice(String invoiceNo) {
        return json(writer.fetchInvoice(invoiceNo));
    }

    /**
     * fetchDocuments body: {@code {"invoiceNo":"..","documentType":"shippingLabel"}}.
     *
     * @throws IllegalArgumentException if {@code invoiceNo} is {@code null}/blank or {@code type} is
     *     {@code null}
     */
    public String fetchDocuments(String invoiceNo, DocumentType type) {
        return json(writer.fetchDocuments(invoiceNo, type));
    }

    /**
     * orderShipping body: {@code {"shipDetails":[{"orderNo":"..","invNo":"..","transporter":"..",
     * "awbNo":".."}]}}.
     *
     * @throws IllegalArgumentException if {@code shipments} is {@code null}, empty, longer than 100 or
     *     holds a {@code null}
     */
    public String orderShipping(List<Shipment> shipments) {
        return json(writer.orderShipping(shipments));
    }

    /**
     * orderCancellation body: {@code {"orderNo":".."}}.
     *
     * @throws IllegalArgumentException if {@code orderNo} is {@code null} or blank
     */
    public String orderCancellation(String orderNo) {
        return json(writer.orderCancellation(orderNo));
    }

    /** skuBackOrder body: {@code {}} (the reference documents none; Q38). */
    public String skuBackOrder() {
        return json(writer.skuBackOrder());
    }

    // ---------------------------------------------------------------- responses

    /** productFetch: the {@code productList} records (failure key: {@code sku}). */
    public Records<Product> products(JsonNode envelope) {
        return lists.read(envelope, "productList", MAX_PAGE_LIST, ModelReaders.PRODUCT_KEY, ModelReaders::product);
    }

    /**
     * inventoryPriceUpdate and inventoryPriceStatus: the {@code skus} records (failure key:
     * {@code moderationId}).
     */
    public Records<InventoryModeration> moderations(JsonNode envelope) {
        return lists.read(envelope, "skus", MAX_PAGE_LIST, ModelReaders.MODERATION_KEY, ModelReaders::moderation);
    }

    /** skuBackOrder: the {@code data} records (failure key: {@code sku}). */
    public Records<BackOrder> backOrders(JsonNode envelope) {
        return lists.read(envelope, "data", MAX_UNPAGED_LIST, ModelReaders.BACK_ORDER_KEY, ModelReaders::backOrder);
    }

    /** orderList and orderListJIT: the {@code orderList} records (failure key: {@code orderNo}). */
    public Records<OrderSummary> orderSummaries(JsonNode envelope) {
        return lists.read(envelope, "orderList", MAX_PAGE_LIST, ModelReaders.ORDER_KEY, ModelReaders::orderSummary);
    }

    /**
     * orderFetch and orderFetchJIT: the {@code orders} records, a single object accepted as a list of one
     * (Q3). A record with an unreadable line fails as a whole (failure key: {@code orderNo}).
     */
    public Records<Order> orders(JsonNode envelope) {
        return lists.read(envelope, "orders", MAX_PAGE_LIST, ModelReaders.ORDER_KEY, ModelReaders::order);
    }

    /**
     * orderReturn: the {@code returns} records, a single object accepted as a list of one (Q3). Failure
     * key: {@code internalReturnNo} (the de-duplication key, Q47).
     */
    public Records<ReturnOrder> returns(JsonNode envelope) {
        return lists.read(envelope, "returns", MAX_PAGE_LIST, ModelReaders.RETURN_KEY, ModelReaders::returnOrder);
    }

    /** fetchInvoice: the {@code invoiceItems} records (failure key: {@code orderNo}). */
    public Records<InvoiceItem> invoiceItems(JsonNode envelope) {
        return lists.read(envelope, "invoiceItems", MAX_PAGE_LIST, ModelReaders.INVOICE_ITEM_KEY, ModelReaders::invoiceItem);
    }

    /**
     * generateInvoice: the {@code invoiceNo} created (or accepted), raw.
     *
     * @return the invoice number, or empty when missing, {@code null} or blank
     * @throws IllegalArgumentException if {@code envelope} is {@code null} or not an object
     * @throws WireFormatException if {@code invoiceNo} is an object or array
     */
    public Optional<String> invoiceNo(JsonNode envelope) {
        RecordListReader.requireEnvelope(envelope);
        return JsonValues.text("invoiceNo", JsonValues.field(envelope, "invoiceNo"))
                .filter(no -> !no.isBlank());
    }

    private String json(ObjectNode body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // a tree of strings and numbers always serialises; anything else is a broken mapper
            throw new IllegalStateException("could not write request JSON", e);
        }
    }
}
