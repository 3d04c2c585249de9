package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.FaultKind;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.SimProduct;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** productFetch, inventoryPriceUpdate, inventoryPriceStatus and skuBackOrder. */
public final class CatalogHandlers {

    private static final int MAX_BATCH = 100;

    private final Services s;

    /**
     * Handlers over shared services.
     *
     * @param services the services
     */
    public CatalogHandlers(Services services) {
        this.s = services;
    }

    /**
     * productFetch: by {@code skuCode} list (request order; unknown codes absent) or by
     * {@code updatedDate} (last update at or after it, sorted by last update then SKU); both given
     * means both must hold; neither answers 9. A listing by date alone drifts after the page is computed:
     * a {@link FaultKind#DRIFT} fault, then the continuous drift ({@link ContinuousDrift}).
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse productFetch(Call call) {
        JsonNode body = call.body();
        Instant since = RequestArgs.date(body, "updatedDate", s.dates());
        List<String> skus = RequestArgs.strings(body, "skuCode");
        if (since == null && skus.isEmpty()) {
            throw new ApiError(Codes.GENERIC_ERROR, "updatedDate or skuCode is required");
        }
        Paging paging = Paging.of(body);
        return s.state().atomically(() -> {
            List<SimProduct> all;
            if (skus.isEmpty()) {
                all = s.state().productListing(since);
            } else {
                all = new ArrayList<>();
                for (String sku : skus) {
                    s.state().product(sku).filter(p -> since == null || !p.lastUpdate().isBefore(since))
                            .ifPresent(all::add);
                }
            }
            List<SimProduct> page = paging.slice(all);
            ObjectNode out = SimResponse.success();
            ArrayNode list = out.putArray("productList");
            page.forEach(p -> list.add(s.catalogJson().product(p)));
            String detail = null;
            if (call.fault() == FaultKind.MALFORMED_RECORD) {
                detail = Corruption.corrupt(list, "productList", "mrp", "abc", s.faults());
            } else if (call.fault() == FaultKind.DRIFT && skus.isEmpty() && !page.isEmpty()) {
                SimProduct victim = page.get(s.faults().pick(page.size()));
                s.state().saveProduct(victim);
                detail = "updated " + victim.sku();
            }
            if (skus.isEmpty()) {
                List<SimProduct> listing = all;
                detail = ContinuousDrift.join(detail, s.faults().drift(call.operation())
                        .map(rate -> ContinuousDrift.products(s, rate, listing, paging.end(listing.size())))
                        .orElse(null));
            }
            return SimResponse.json(Codes.SUCCESS, out).withFaultDetail(detail);
        });
    }

    /**
     * inventoryPriceUpdate: a missing or empty {@code invPriceList} answers 5, more than 100
     * entries or an unreadable number 9, any unknown SKU 304 for the whole batch (nothing is
     * recorded). Otherwise every entry is recorded with a new moderation id, status Pending.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse inventoryPriceUpdate(Call call) {
        JsonNode list = call.body().get("invPriceList");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ApiError(Codes.EMPTY_REQUEST, "invPriceList missing or empty");
        }
        if (list.size() > MAX_BATCH) {
            throw new ApiError(Codes.GENERIC_ERROR, "more than 100 entries");
        }
        record Entry(String sku, BigDecimal qty, BigDecimal price) {
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : list) {
            if (!e.isObject()) {
                throw new ApiError(Codes.GENERIC_ERROR, "invPriceList entry is not an object");
            }
            entries.add(new Entry(RequestArgs.text(e, "sku"), RequestArgs.decimal(e, "invQty"),
                    RequestArgs.decimal(e, "salePrice")));
        }
        return s.state().atomically(() -> {
            for (Entry e : entries) {
                if (RequestArgs.blank(e.sku()) || s.state().product(e.sku()).isEmpty()) {
                    throw new ApiError(Codes.SKU_NOT_FOUND, "unknown sku in batch");
                }
            }
            ObjectNode out = SimResponse.success();
            ArrayNode rows = out.putArray("skus");
            for (Entry e : entries) {
                InventoryUpdate u = s.state().recordInventory(e.sku(), e.qty(), e.price(), call.credential());
                rows.add(s.catalogJson().moderation(u, "Pending"));
            }
            return SimResponse.json(Codes.SUCCESS, out);
        });
    }

    /**
     * inventoryPriceStatus: rows for the known ids of {@code moderationIdsList} (numbers or numeric
     * strings), in request order; unknown ids are absent. Missing or empty list answers 5.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse inventoryPriceStatus(Call call) {
        List<String> ids = RequestArgs.strings(call.body(), "moderationIdsList");
        if (ids.isEmpty()) {
            throw new ApiError(Codes.EMPTY_REQUEST, "moderationIdsList missing or empty");
        }
        ObjectNode out = SimResponse.success();
        ArrayNode rows = out.putArray("skus");
        for (String id : ids) {
            long value;
            try {
                value = Long.parseLong(id.trim());
            } catch (NumberFormatException e) {
                throw new ApiError(Codes.GENERIC_ERROR, "moderation id is not a number");
            }
            s.state().moderation(value)
                    .ifPresent(u -> rows.add(s.catalogJson().moderation(u, s.state().moderationStatus(u))));
        }
        return SimResponse.json(Codes.SUCCESS, out);
    }

    /**
     * skuBackOrder: {@code {"data":[...]}} without envelope, as the schema declares.
     *
     * @param call the call
     * @return the answer
     */
    public SimResponse skuBackOrder(Call call) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode data = out.putArray("data");
        s.state().backOrders().forEach(b -> data.add(s.catalogJson().backOrder(b)));
        return SimResponse.json(Codes.SUCCESS, out);
    }
}
