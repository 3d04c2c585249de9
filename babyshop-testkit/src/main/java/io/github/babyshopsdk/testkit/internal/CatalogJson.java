package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.babyshopsdk.testkit.BackOrderItem;
import io.github.babyshopsdk.testkit.InventoryUpdate;
import io.github.babyshopsdk.testkit.SimProduct;

/** JSON shapes of products, moderation rows and back-order entries. */
public final class CatalogJson {

    private final Dates dates;

    /**
     * Writers using a date format.
     *
     * @param dates the format
     */
    public CatalogJson(Dates dates) {
        this.dates = dates;
    }

    /**
     * A productFetch element ({@code ProductList1}, 17 fields).
     *
     * @param p the product
     * @return the node
     */
    public ObjectNode product(SimProduct p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("sku", p.sku());
        n.put("vendorSkuCode", p.vendorSkuCode());
        n.put("mfgSkuCode", p.mfgSkuCode());
        n.put("skuName", p.skuName());
        Wire.money(n, "mrp", p.mrp());
        Wire.money(n, "salePrice", p.salePrice());
        Wire.money(n, "baseCost", p.baseCost());
        n.put("status", p.status());
        n.put("lastUpdateDate", dates.format(p.lastUpdate()));
        n.put("brand", p.brand());
        n.put("color", p.color());
        n.put("size", p.size());
        Wire.money(n, "weight", p.weight());
        Wire.money(n, "length", p.length());
        Wire.money(n, "width", p.width());
        Wire.money(n, "height", p.height());
        n.put("serialTracking", p.serialTracking() ? "1" : "0");
        return n;
    }

    /**
     * A moderation row ({@code InventoryList1} / {@code inventoryPriceList1}, 6 fields).
     *
     * @param u the received entry
     * @param status moderation status text
     * @return the node
     */
    public ObjectNode moderation(InventoryUpdate u, String status) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("moderationId", Long.toString(u.moderationId()));
        n.put("sku", u.sku());
        Wire.decimal(n, "requestedInvQty", u.invQty());
        // approved: the quantity as submitted; pending or refused: none (by inference from the spec's null)
        Wire.decimal(n, "approvedInvQty", "Approved".equals(status) ? u.invQty() : null);
        n.put("status", status);
        Wire.decimal(n, "requestedSalePrice", u.salePrice());
        return n;
    }

    /**
     * A skuBackOrder element ({@code skuBack}, 5 fields; note {@code vendorSKUCode}).
     *
     * @param b the entry
     * @return the node
     */
    public ObjectNode backOrder(BackOrderItem b) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("vendorCode", b.vendorCode());
        n.put("sku", b.sku());
        Wire.decimal(n, "qty", b.qty());
        Wire.decimal(n, "price", b.price());
        n.put("vendorSKUCode", b.vendorSkuCode());
        return n;
    }
}
