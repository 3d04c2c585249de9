package io.github.babyshopsdk.testkit;

import java.time.Instant;

/**
 * One {@code shipDetails} entry accepted by orderShipping. Immutable.
 *
 * @param orderNo order number as sent
 * @param invoiceNo invoice number as sent ({@code invNo})
 * @param transporter transporter as sent, may be null
 * @param awbNo AWB as sent, may be null
 * @param receivedAt simulated time of receipt
 */
public record ReceivedShipment(String orderNo, String invoiceNo, String transporter, String awbNo,
                               Instant receivedAt) {
}
