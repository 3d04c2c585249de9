package io.github.babyshopsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Applies a {@code MALFORMED_RECORD} fault to one element of an answered list. */
final class Corruption {

    /** A date that matches the pattern's shape but cannot exist. */
    static final String IMPOSSIBLE_DATE = "31/02/2026 25:61:61";

    private Corruption() {
    }

    /**
     * Replaces one field of one element.
     *
     * @param list the answered list
     * @param listName its JSON name, for the detail
     * @param field the field to break
     * @param badValue the bad value
     * @param faults picks the element
     * @return the fault detail, or null when the list is empty
     */
    static String corrupt(ArrayNode list, String listName, String field, String badValue, FaultEngine faults) {
        if (list.isEmpty()) {
            return null;
        }
        int i = faults.pick(list.size());
        ((ObjectNode) list.get(i)).put(field, badValue);
        return listName + "[" + i + "]." + field;
    }
}
