package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The full detail of one order as orderFetch and orderFetchJIT return it (an item of {@code orders},
 * definition {@code orderlistforreturn1}, 40 wire fields).
 *
 * <p>The flat address fields of the wire record are grouped into {@link #shippingAddress()} and
 * {@link #billingAddress()}. Amounts are in {@link #currency()}.
 */
@Value.Immutable
@ModelStyle
public abstract class Order {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Order number; never blank, kept raw. How it relates to {@link #masterOrderNo()} is not documented
     * (Q42).
     */
    public abstract String orderNo();

    /** Master order number (wire {@code masterOrderNo}). */
    public abstract Optional<String> masterOrderNo();

    /** Raw order status code (wire {@code orderStatus}); see {@link #status()}. */
    public abstract Optional<String> statusCode();

    /** When the order was placed. */
    public abstract Optional<Instant> orderDate();

    /** Last update of the order (wire {@code orderLastUpdateDate}). */
    public abstract Optional<Instant> lastUpdated();

    /** Payment method code, raw; value list undocumented ({@code "1"}), Q56. */
    public abstract Optional<String> paymentMethod();

    /** Order total. */
    public abstract Optional<BigDecimal> orderAmount();

    /** Currency of the amounts, ISO 4217 style (wire {@code orderCurrency}, e.g. {@code "INR"}). */
    public abstract Optional<String> currency();

    /** Tax total (wire {@code orderTaxAmount}). */
    public abstract Optional<BigDecimal> taxAmount();

    /** Shipping charge. */
    public abstract Optional<BigDecimal> shippingCharge();

    /** Discount total. */
    public abstract Optional<BigDecimal> discountAmount();

    /** Discount coupon code (wire {@code discCouponCode}). */
    public abstract Optional<String> couponCode();

    /** Store credit used. */
    public abstract Optional<BigDecimal> storeCredit();

    /** Gift-voucher amount (wire {@code gvAmount}, meaning by inference). */
    public abstract Optional<BigDecimal> giftVoucherAmount();

    /** Cash-on-delivery charge (wire {@code codCharge}, meaning by inference). */
    public abstract Optional<BigDecimal> codCharge();

    /** On-hold flag, raw ({@code "1"} in the example); undocumented (Q56). */
    public abstract Optional<String> onHold();

    /**
     * Ship-to address: wire {@code customerName} (the only ship-to name), {@code address1..3},
     * {@code phone}, {@code email}, {@code countryCode}, {@code state}, {@code city}, {@code pinCode}.
     * Empty when the record carries none of them.
     */
    @Value.Default
    public Address shippingAddress() {
        return Address.empty();
    }

    /**
     * Bill-to address: wire {@code billToName}, {@code bill_Address1..3}, {@code bill_Phone},
     * {@code bill_Email}, {@code bill_CountryCode}, {@code bill_State}, {@code bill_City},
     * {@code bill_ZipCode}. Empty when the record carries none of them.
     */
    @Value.Default
    public Address billingAddress() {
        return Address.empty();
    }

    /** Cancellation remark (wire {@code cancelRemark}), free text. */
    public abstract Optional<String> cancelRemark();

    /** Cancellation reason code, raw; value list undocumented ({@code "1"}), Q56. */
    public abstract Optional<String> reasonForCancellation();

    /** Priority, raw; undocumented (Q56). */
    public abstract Optional<String> priority();

    /** The order lines (wire {@code orderItems}) in wire order; empty if none were sent. */
    public abstract List<OrderLine> lines();

    /** The customer's name: {@link #shippingAddress()}'s name (wire {@code customerName}). */
    public Optional<String> customerName() {
        return shippingAddress().name();
    }

    /** {@link #statusCode()} as an {@link OrderStatus}; {@link OrderStatus#UNKNOWN} if absent or unknown. */
    public OrderStatus status() {
        return statusCode().map(OrderStatus::fromCode).orElse(OrderStatus.UNKNOWN);
    }

    @Value.Check
    void check() {
        Checks.nonBlank("orderNo", orderNo());
    }

    /** Builds a {@link Order}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableOrder.Builder {
        Builder() {}
    }
}
