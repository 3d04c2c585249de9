package io.github.babyshopsdk.testkit;

import java.time.Instant;
import java.util.List;

/**
 * An invoice: created by generateInvoice (one per successful call) or by the fixture for orders
 * that were already invoiced. Immutable.
 *
 * @param invoiceNo invoice number
 * @param orderNo order number
 * @param lineNos invoiced line numbers
 * @param transporterName transporter as sent ({@code transporterName})
 * @param trackingNo AWB as sent ({@code trackingNo})
 * @param imeiNos IMEI numbers as sent, may be null
 * @param length package length as sent, may be null or blank
 * @param breadth package breadth as sent ({@code bredth}), may be null or blank
 * @param height package height as sent, may be null or blank
 * @param weight package weight as sent, may be null or blank
 * @param createdAt simulated creation time
 * @param viaApi true when created by a generateInvoice call, false for fixture invoices
 */
public record IssuedInvoice(String invoiceNo, String orderNo, List<Integer> lineNos, String transporterName,
                            String trackingNo, String imeiNos, String length, String breadth, String height,
                            String weight, Instant createdAt, boolean viaApi) {

    /** Copies the line list. */
    public IssuedInvoice {
        lineNos = List.copyOf(lineNos);
    }
}
