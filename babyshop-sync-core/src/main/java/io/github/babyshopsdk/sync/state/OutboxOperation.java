package io.github.babyshopsdk.sync.state;

import io.github.babyshopsdk.sync.Flow;

/** The outbound operations, and the flow that sends each. */
public enum OutboxOperation {
    /** Packed: generateInvoice with transporter and AWB, then fetch the AWB label. */
    CREATE_SHIPMENT(Flow.SHIPMENTS),
    /** Shipped: orderShipping (Babyshop status Shipped). */
    SHIP(Flow.SHIPMENTS),
    /** Cancelled in the host: orderCancellation. */
    CANCEL(Flow.CANCELLATIONS);

    private final Flow flow;

    OutboxOperation(Flow flow) {
        this.flow = flow;
    }

    /** The flow that sends it. */
    public Flow flow() {
        return flow;
    }
}
