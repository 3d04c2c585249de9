package io.github.babyshopsdk.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A simulated customer return, as orderReturn reports it. Immutable.
 *
 * @param internalReturnNo Vinculum-side return id (always set)
 * @param returnNo return number, may be null
 * @param orderNo the returned order
 * @param returnStatus return status code (table 4.3: 5 Pending, 10 Confirmed, ... 40)
 * @param returnType e.g. {@code "Delivered Return"}
 * @param returnDate when the return was raised
 * @param confirmDate when it was confirmed, may be null
 * @param closeDate when it was closed, null while open
 * @param lastUpdate {@code returnLastUpdateDate}
 * @param retTrackingNo reverse-pickup tracking number, may be null
 * @param transporterName reverse-pickup transporter, may be null
 * @param comments comments, may be null
 * @param lines returned lines
 */
public record SimReturn(String internalReturnNo, String returnNo, String orderNo, int returnStatus,
                        String returnType, Instant returnDate, Instant confirmDate, Instant closeDate,
                        Instant lastUpdate, String retTrackingNo, String transporterName, String comments,
                        List<Line> lines) {

    /**
     * A returned order line.
     *
     * @param lineNo order line number
     * @param qty returned quantity
     */
    public record Line(int lineNo, int qty) {
    }

    /** Checks the mandatory parts and copies the lines. */
    public SimReturn {
        Objects.requireNonNull(internalReturnNo, "internalReturnNo");
        Objects.requireNonNull(orderNo, "orderNo");
        Objects.requireNonNull(returnDate, "returnDate");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        lines = List.copyOf(lines);
    }

    /**
     * Copy with another status and last update.
     *
     * @param status new return status
     * @param when new last update
     * @return the copy
     */
    public SimReturn withStatus(int status, Instant when) {
        return new SimReturn(internalReturnNo, returnNo, orderNo, status, returnType, returnDate, confirmDate,
                closeDate, when, retTrackingNo, transporterName, comments, lines);
    }
}
