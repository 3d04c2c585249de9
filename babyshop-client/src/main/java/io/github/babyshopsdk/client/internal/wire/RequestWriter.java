package io.github.babyshopsdk.client.internal.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.client.ChannelLimits;
import io.github.babyshopsdk.client.model.DocumentType;
import io.github.babyshopsdk.client.model.InventoryItem;
import io.github.babyshopsdk.client.model.InvoiceLineRequest;
import io.github.babyshopsdk.client.model.InvoiceRequest;
import io.github.babyshopsdk.client.model.OrderListQuery;
import io.github.babyshopsdk.client.model.ProductQuery;
import io.github.babyshopsdk.client.model.ReturnQuery;
import io.github.babyshopsdk.client.model.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the JSON tree of each request body, copying the shapes of the reference's examples exactly:
 * which values are JSON strings and which JSON numbers differs per operation (§1.4, Q13). This is the
 * only place where request wire names appear. Immutable and thread-safe.
 *
 * <p>Unused optional fields are left out, except where the reference's example sends {@code ""}
 * (orderReturn {@code returnNo} in window mode, generateInvoice dimensions). Every argument problem is an
 * {@link IllegalArgumentException} naming the argument.
 */
final class RequestWriter {

    /** The longest moderation id sent back (a JSON integer that fits a {@code long}); readers apply it too. */
    static final int MAX_ID_DIGITS = 18;

    private final JsonNodeFactory nodes;
    private final DateTimes dates;

    RequestWriter(JsonNodeFactory nodes, DateTimes dates) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /** productFetch: {@code updatedDate} or {@code skuCode}, then numeric paging. */
    ObjectNode productFetch(ProductQuery query) {
        Arguments.nonNull("query", query);
        ObjectNode body = nodes.objectNode();
        query.updatedSince().ifPresent(since -> body.put("updatedDate", dates.format(since)));
        if (!query.skuCodes().isEmpty()) {
            ArrayNode codes = body.putArray("skuCode");
            query.skuCodes().forEach(codes::add);
        }
        body.put("pageNumber", query.pageNumber());
        body.put("limit", query.limit());
        return body;
    }

    /** inventoryPriceUpdate: {@code invPriceList}; {@code invQty} and {@code salePrice} as plain strings. */
    ObjectNode inventoryPriceUpdate(List<InventoryItem> items) {
        // one SKU twice is refused once, by CatalogService.updateInventory, before anything is written
        Arguments.size("items", items, 1, ChannelLimits.MAX_BATCH);
        ObjectNode body = nodes.objectNode();
        ArrayNode list = body.putArray("invPriceList");
        for (InventoryItem item : items) {
            ObjectNode entry = list.addObject();
            entry.put("sku", item.sku());
            entry.put("invQty", decimal10x3(item.quantity()));
            item.salePrice().ifPresent(price -> entry.put("salePrice", decimal10x3(price)));
        }
        return body;
    }

    /** inventoryPriceStatus: {@code moderationIdsList} as JSON integers. */
    ObjectNode inventoryPriceStatus(List<String> moderationIds) {
        Arguments.size("moderationIds", moderationIds, 1, ChannelLimits.MAX_BATCH);
        ObjectNode body = nodes.objectNode();
        ArrayNode ids = body.putArray("moderationIdsList");
        for (int i = 0; i < moderationIds.size(); i++) {
            String id = moderationIds.get(i);
            if (!isDigits(id) || id.length() > MAX_ID_DIGITS) {
                throw new IllegalArgumentException("moderationIds[" + i
                        + "] must be a non-negative integer of at most " + MAX_ID_DIGITS + " digits, was \""
                        + id + "\"");
            }
            ids.add(Long.parseLong(id));
        }
        return body;
    }

    /**
     * orderList / orderListJIT: {@code updateDate} (Q23 spelling), {@code filterStatusList} as one
     * comma-joined string without spaces, numeric {@code pageNumber} and {@code limit}.
     */
    ObjectNode orderList(OrderListQuery query) {
        Arguments.nonNull("query", query);
        ObjectNode body = nodes.objectNode();
        query.updatedSince().ifPresent(since -> body.put("updateDate", dates.format(since)));
        if (!query.statusCodes().isEmpty()) {
            body.put("filterStatusList", String.join(",", query.statusCodes()));
        }
        body.put("pageNumber", query.pageNumber());
        body.put("limit", query.limit());
        return body;
    }

    /** orderFetch / orderFetchJIT: {@code orderNo} array, numeric {@code pageNumber} and {@code limit}. */
    ObjectNode orderFetch(List<String> orderNos, int pageNumber, int limit) {
        Arguments.size("orderNos", orderNos, 1, ChannelLimits.MAX_BATCH);
        for (int i = 0; i < orderNos.size(); i++) {
            Arguments.nonBlank("orderNos[" + i + "]", orderNos.get(i));
        }
        Arguments.pageNumber(pageNumber);
        Arguments.limit(limit);
        ObjectNode body = nodes.objectNode();
        ArrayNode numbers = body.putArray("orderNo");
        orderNos.forEach(numbers::add);
        body.put("pageNumber", pageNumber);
        body.put("limit", limit);
        return body;
    }

    /**
     * orderReturn, {@code pageNumber} and {@code limit} as strings as in the example. Window mode:
     * {@code updatedFrom}, {@code updatedTo}, {@code filterStatusList}, {@code returnNo ""},
     * {@code sellerId} when present. Lookup mode: {@code returnNo}, {@code sellerId} when present.
     */
    ObjectNode orderReturn(ReturnQuery query) {
        Arguments.nonNull("query", query);
        ObjectNode body = nodes.objectNode();
        if (query.returnNo().isPresent()) {
            body.put("returnNo", query.returnNo().get());
        } else {
            body.put("updatedFrom", dates.format(query.updatedFrom().orElseThrow()));
            body.put("updatedTo", dates.format(query.updatedTo().orElseThrow()));
            body.put("filterStatusList", String.join(",", query.statusCodes()));
            body.put("returnNo", "");
        }
        query.sellerId().ifPresent(seller -> body.put("sellerId", seller));
        body.put("pageNumber", Integer.toString(query.pageNumber()));
        body.put("limit", Integer.toString(query.limit()));
        return body;
    }

    /**
     * generateInvoice: one {@code orderItemsList} entry per line, each with the request's order number;
     * {@code lineNo} and dimensions as strings, {@code ""} for absent dimensions, width as {@code bredth}
     * (Q21); {@code invoiceNo} and {@code imeiNos} left out when absent.
     */
    ObjectNode generateInvoice(InvoiceRequest request) {
        Arguments.nonNull("request", request);
        ObjectNode body = nodes.objectNode();
        ArrayNode list = body.putArray("orderItemsList");
        for (InvoiceLineRequest line : request.lines()) {
            ObjectNode entry = list.addObject();
            entry.put("orderNo", request.orderNo());
            entry.put("lineNo", line.lineNo());
            line.invoiceNo().ifPresent(no -> entry.put("invoiceNo", no));
            entry.put("transporterName", line.transporterName());
            entry.put("trackingNo", line.trackingNo());
            line.imeiNos().ifPresent(imei -> entry.put("imeiNos", imei));
            entry.put("length", plainOrEmpty(line.length()));
            entry.put("bredth", plainOrEmpty(line.breadth()));
            entry.put("height", plainOrEmpty(line.height()));
            entry.put("weight", plainOrEmpty(line.weight()));
        }
        return body;
    }

    /** fetchInvoice: {@code {"invoiceNo": ..}}. */
    ObjectNode fetchInvoice(String invoiceNo) {
        ObjectNode body = nodes.objectNode();
        body.put("invoiceNo", Arguments.nonBlank("invoiceNo", invoiceNo));
        return body;
    }

    /** fetchDocuments: {@code invoiceNo} and {@code documentType}. */
    ObjectNode fetchDocuments(String invoiceNo, DocumentType type) {
        Arguments.nonBlank("invoiceNo", invoiceNo);
        Arguments.nonNull("documentType", type);
        ObjectNode body = nodes.objectNode();
        body.put("invoiceNo", invoiceNo);
        body.put("documentType", type.wireValue());
        return body;
    }

    /** orderShipping: {@code shipDetails} of orderNo, invNo, transporter and awbNo, all strings. */
    ObjectNode orderShipping(List<Shipment> shipments) {
        Arguments.size("shipments", shipments, 1, ChannelLimits.MAX_BATCH);
        ObjectNode body = nodes.objectNode();
        ArrayNode list = body.putArray("shipDetails");
        for (Shipment shipment : shipments) {
            ObjectNode entry = list.addObject();
            entry.put("orderNo", shipment.orderNo());
            entry.put("invNo", shipment.invoiceNo());
            entry.put("transporter", shipment.transporter());
            entry.put("awbNo", shipment.awbNo());
        }
        return body;
    }

    /** orderCancellation: {@code {"orderNo": ..}}. */
    ObjectNode orderCancellation(String orderNo) {
        ObjectNode body = nodes.objectNode();
        body.put("orderNo", Arguments.nonBlank("orderNo", orderNo));
        return body;
    }

    /** skuBackOrder: an empty object (the reference documents no body; Q38). */
    ObjectNode skuBackOrder() {
        return nodes.objectNode();
    }

    /**
     * A Decimal(10,3) value in plain notation with the caller's scale, except that trailing zeros beyond
     * three decimals are dropped ({@code 1.5000} is sent as {@code "1.500"}); values are validated by
     * {@link InventoryItem}, so the rescale is exact.
     */
    static String decimal10x3(BigDecimal value) {
        BigDecimal scaled = value.scale() > 3 ? value.setScale(3, RoundingMode.UNNECESSARY) : value;
        return scaled.toPlainString();
    }

    private static String plainOrEmpty(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("");
    }

    private static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
