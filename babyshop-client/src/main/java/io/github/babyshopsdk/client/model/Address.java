package io.github.babyshopsdk.client.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address of an order or return, shipping or billing side.
 *
 * <p>All parts are optional and kept raw: no trimming, {@code ""} stays {@code ""}, and line breaks
 * inside a line are preserved (the reference's {@code address1} example contains {@code \n}, Q19).
 * The wire layer builds it from the record's flat fields; the accessors below name the shipping-side
 * wire field first and the billing-side one second.
 */
@Value.Immutable
@ModelStyle
public abstract class Address {

    private static final Address EMPTY = Address.builder().build();

    /** An address with every part absent. */
    public static Address empty() {
        return EMPTY;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Addressee name: wire {@code customerName} (shipping) or {@code billToName} (billing). */
    public abstract Optional<String> name();

    /** First address line: wire {@code address1} / {@code bill_Address1}; may contain line breaks. */
    public abstract Optional<String> line1();

    /** Second address line: wire {@code address2} / {@code bill_Address2}. */
    public abstract Optional<String> line2();

    /** Third address line: wire {@code address3} / {@code bill_Address3}. */
    public abstract Optional<String> line3();

    /** Phone number as text: wire {@code phone} / {@code bill_Phone}. */
    public abstract Optional<String> phone();

    /** E-mail address: wire {@code email} / {@code bill_Email}. */
    public abstract Optional<String> email();

    /**
     * Country code, three letters in the examples ({@code "IND"}): wire {@code countryCode} /
     * {@code bill_CountryCode}.
     */
    public abstract Optional<String> countryCode();

    /** State name (not a code): wire {@code state} / {@code bill_State}. */
    public abstract Optional<String> state();

    /** City: wire {@code city} / {@code bill_City}. */
    public abstract Optional<String> city();

    /**
     * Postal code as text: wire {@code pinCode} (shipping), {@code bill_ZipCode} (order billing) or
     * {@code bill_PinCode} (return billing), Q26.
     */
    public abstract Optional<String> postalCode();

    /** True when every part is absent (a present {@code ""} counts as present). */
    public boolean isEmpty() {
        return name().isEmpty() && line1().isEmpty() && line2().isEmpty() && line3().isEmpty()
                && phone().isEmpty() && email().isEmpty() && countryCode().isEmpty()
                && state().isEmpty() && city().isEmpty() && postalCode().isEmpty();
    }

    /** Builds a {@link Address}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    public static final class Builder extends ImmutableAddress.Builder {
        Builder() {}
    }
}
