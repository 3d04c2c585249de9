package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Writes values the way SellerPanel does: numbers as strings, explicit nulls. */
final class Wire {

    private Wire() {
    }

    /** Amount with two decimals as a string, or JSON null. */
    static void money(ObjectNode n, String field, BigDecimal v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
    }

    /** Decimal as given (scale kept) as a string, or JSON null. */
    static void decimal(ObjectNode n, String field, BigDecimal v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v.toPlainString());
        }
    }

    /** Integer as a string. */
    static void count(ObjectNode n, String field, int v) {
        n.put(field, Integer.toString(v));
    }

    /** Quantity as a string, or JSON null when zero (as Vinculum's examples show unused quantities). */
    static void countOrNull(ObjectNode n, String field, int v) {
        if (v == 0) {
            n.putNull(field);
        } else {
            n.put(field, Integer.toString(v));
        }
    }
}
