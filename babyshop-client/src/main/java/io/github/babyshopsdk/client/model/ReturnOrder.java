package io.github.babyshopsdk.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One customer return as orderReturn returns it (an item of {@code returns}, definition
 * {@code returnlistforreturn2}, 44 wire fields).
 *
 * <p>{@link #internalReturnNo()} (the de-duplication key, Q47) and {@link #orderNo()} are mandatory.
 * Only {@link #returnStatusCode()} is interpreted (as a {@link ReturnStatus}); the record's order and
 * line status codes stay raw because their code space is unclear (Q48).
 */
@Value.Immutable
@ModelStyle
public abstract class ReturnOrder {

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Vinculum-side return id (wire {@code internalReturnNo}); never blank. De-duplicate on it (Q47). */
    public abstract String internalReturnNo();

    /** Return number (wire {@code returnNo}); often absent (Q47). */
    public abstract Optional<String> returnNo();

    /** Order number; never blank, kept raw (Q42). */
    public abstract String orderNo();

    /** Master order number. */
    public abstract Optional<String> masterOrderNo();

    /** Raw return status code (wire {@code returnStatus}); see {@link #returnStatus()}. */
    public abstract Optional<String> returnStatusCode();

    /** When the return was raised. */
    public abstract Optional<Instant> returnDate();

    /** When the original order was placed. */
    public abstract Optional<Instant> orderDate();

    /** When the return was confirmed. */
    public abstract Optional<Instant> returnConfirmDate();

    /** When the return was closed; absent while open. */
    public abstract Optional<Instant> returnCloseDate();

    /** Last update of the return (wire {@code returnLastUpdateDate}): the return-sync cursor. */
    public abstract Optional<Instant> lastUpdated();

    /**
     * Raw order status code inside the return (wire {@code orderStatus}). Deliberately not mapped to
     * {@link OrderStatus}: it may use either code space (Q48).
     */
    public abstract Optional<String> orderStatusCode();

    /** Seller code. */
    public abstract Optional<String> sellerId();

    /** Kind of return, free text (e.g. {@code "Delivered Return"}); undocumented values. */
    public abstract Optional<String> returnType();

    /** Payment method code, raw (Q56). */
    public abstract Optional<String> paymentMethod();

    /** Total of the original order. */
    public abstract Optional<BigDecimal> orderAmount();

    /** Amount returned. */
    public abstract Optional<BigDecimal> returnAmount();

    /** Currency of the amounts (wire {@code orderCurrency}). */
    public abstract Optional<String> currency();

    /** Reverse-pickup tracking number (wire {@code retTrackingNo}). */
    public abstract Optional<String> returnTrackingNo();

    /** Transporter of the reverse pickup (wire {@code transporterName}). */
    public abstract Optional<String> transporterName();

    /** Tracking URL (wire {@code trackingURL}), raw; may be {@code ""}. */
    public abstract Optional<String> trackingUrl();

    /** Cancellation/return reason, raw; may be {@code ""} (Q48, Q56). */
    public abstract Optional<String> reasonForCancellation();

    /** Free-text comments. */
    public abstract Optional<String> comments();

    /** Store credit refunded (wire {@code refundstoreCredit}, lower-case s, Q27). */
    public abstract Optional<BigDecimal> refundStoreCredit();

    /**
     * Ship-to address: wire {@code customerName}, {@code address1..3}, {@code phone}, {@code email},
     * {@code countryCode}, {@code state}, {@code city}, {@code pinCode}.
     */
    @Value.Default
    public Address shippingAddress() {
        return Address.empty();
    }

    /**
     * Bill-to address: wire {@code billToName}, {@code bill_Address1..3}, {@code bill_Phone},
     * {@code bill_Email}, {@code bill_CountryCode}, {@code bill_State}, {@code bill_City},
     * {@code bill_PinCode} (not {@code bill_ZipCode} as in orders, Q26).
     */
    @Value.Default
    public Address billingAddress() {
        return Address.empty();
    }

    /** The returned lines (wire {@code orderItems}) in wire order; empty if none were sent. */
    public abstract List<ReturnLine> lines();

    /** The customer's name: {@link #shippingAddress()}'s name (wire {@code customerName}). */
    public Optional<String> customerName() {
        return shippingAddress().name();
    }

    /**
     * {@link #returnStatusCode()} as a {@link ReturnStatus}; {@link ReturnStatus#UNKNOWN} if absent or
     * unknown.
     */
    public ReturnStatus returnStatus() {
        return returnStatusCode().map(ReturnStatus::fromCode).orElse(ReturnStatus.UNKNOWN);
    }

    @Value.Check
    void check() {
        Checks.nonBlank("internalReturnNo", internalReturnNo());
        Checks.nonBlank("orderNo", orderNo());
    }

    /** Builds a {@link ReturnOrder}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableReturnOrder.Builder {
        Builder() {}
    }
}
