package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.client.model.Product;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.StockLevel;
import io.github.babyshopsdk.sync.spi.HostCatalog;
import io.github.babyshopsdk.sync.spi.HostInventory;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A programmable host for the catalog and inventory flow tests: a SKU master whose upsert fails on demand
 * for given SKUs, stock per Vendor SKU Code and hub, and a change feed whose reads are programmed per
 * token (an unprogrammed token answers no changes and the same token). Records every call. Not
 * thread-safe (one test, one thread).
 */
final class CatInvFakeHost implements HostCatalog, HostInventory {
    private final Map<String, Integer> upsertFailures = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> stock = new LinkedHashMap<>();
    private final Map<Optional<String>, ChangeFeed<String>> feed = new HashMap<>();
    private final ArrayDeque<RuntimeException> inventoryFailures = new ArrayDeque<>();

    /** Every product upserted, in order, with repeats. */
    final List<Product> upserted = new ArrayList<>();
    /** The token of each feed read, in order. */
    final List<Optional<String>> tokensRead = new ArrayList<>();
    /** The codes of each stock read, in order. */
    final List<List<String>> stockReads = new ArrayList<>();

    /** The next {@code times} upserts of {@code sku} throw (a negative number: always). */
    CatInvFakeHost failUpsert(String sku, int times) {
        upsertFailures.put(sku, times);
        return this;
    }

    /** Makes a code known to the host with 0 available in hub H1, unless it already has stock there. */
    CatInvFakeHost knows(String vendorSkuCode) {
        stock.computeIfAbsent(vendorSkuCode, code -> new LinkedHashMap<>()).putIfAbsent("H1", BigDecimal.ZERO);
        return this;
    }

    /** Sets the available stock of a code in a hub. */
    CatInvFakeHost stock(String vendorSkuCode, String hub, String available) {
        stock.computeIfAbsent(vendorSkuCode, code -> new LinkedHashMap<>()).put(hub, new BigDecimal(available));
        return this;
    }

    /** Programs the feed read after {@code token} ({@code null}: the first read, without token). */
    CatInvFakeHost feed(String token, List<String> items, String nextToken, boolean hasMore) {
        feed.put(Optional.ofNullable(token), ChangeFeed.of(items, nextToken, hasMore));
        return this;
    }

    /** The next feed or stock read throws {@code failure}. */
    CatInvFakeHost failNextInventoryRead(RuntimeException failure) {
        inventoryFailures.add(failure);
        return this;
    }

    /** The SKUs upserted, in order, with repeats. */
    List<String> upsertedSkus() {
        return upserted.stream().map(Product::sku).toList();
    }

    @Override
    public void upsertSku(Product product) {
        upserted.add(product);
        int failures = upsertFailures.getOrDefault(product.sku(), 0);
        if (failures != 0) {
            upsertFailures.put(product.sku(), failures - 1);
            throw new IllegalStateException("host SKU master is locked for " + product.sku());
        }
    }

    @Override
    public ChangeFeed<String> changedSkus(Optional<String> afterToken) {
        tokensRead.add(afterToken);
        if (!inventoryFailures.isEmpty()) {
            throw inventoryFailures.poll();
        }
        return feed.getOrDefault(afterToken, ChangeFeed.of(List.of(), afterToken.orElse("t0"), false));
    }

    @Override
    public List<StockLevel> available(Collection<String> vendorSkuCodes) {
        stockReads.add(List.copyOf(vendorSkuCodes));
        if (!inventoryFailures.isEmpty()) {
            throw inventoryFailures.poll();
        }
        List<StockLevel> levels = new ArrayList<>();
        for (String code : vendorSkuCodes) {
            stock.getOrDefault(code, Map.of()).forEach((hub, qty) -> levels.add(StockLevel.of(code, hub, qty)));
        }
        return levels;
    }
}
