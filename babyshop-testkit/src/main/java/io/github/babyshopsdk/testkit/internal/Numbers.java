package io.github.babyshopsdk.testkit.internal;

import java.util.Locale;

/** Formats of the simulator's generated identifiers. Stateless. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The identifier for a sequence number.
     *
     * @param seq sequence
     * @return the identifier
     */
    public static String orderNo(long seq) {
        return String.format(Locale.ROOT, "5%08d", seq);
    }

    /**
     * The identifier for a sequence number.
     *
     * @param countryCode {@code ARE} or {@code SAU}
     * @param seq sequence
     * @return the identifier
     */
    public static String masterOrderNo(String countryCode, long seq) {
        String cc = "SAU".equals(countryCode) ? "SA" : "AE";
        return String.format(Locale.ROOT, "BS%s%08d", cc, seq);
    }

    /**
     * The identifier for a sequence number.
     *
     * @param seq sequence
     * @return the identifier
     */
    public static String invoiceNo(long seq) {
        return String.format(Locale.ROOT, "BSINV%07d", seq);
    }

    /**
     * The identifier for a sequence number.
     *
     * @param seq sequence
     * @return the identifier
     */
    public static String internalReturnNo(long seq) {
        return String.format(Locale.ROOT, "RTN%06d", seq);
    }

    /**
     * The identifier for a sequence number.
     *
     * @param seq sequence
     * @return the identifier
     */
    public static String returnNo(long seq) {
        return String.format(Locale.ROOT, "BSR%06d", seq);
    }
}
