package io.github.babyshopsdk.client;

/**
 * Limits of the SellerPanel channel itself, named once for the client and every caller that plans calls.
 */
public final class ChannelLimits {

    /**
     * The most records one call takes or returns: a listing page's {@code limit}, the SKUs of one
     * {@code inventoryPriceUpdate}, the ids of one {@code inventoryPriceStatus}, the numbers of one
     * {@code orderFetch}, the SKU codes of one {@code productFetch}.
     */
    public static final int MAX_BATCH = 100;

    private ChannelLimits() {
    }
}
