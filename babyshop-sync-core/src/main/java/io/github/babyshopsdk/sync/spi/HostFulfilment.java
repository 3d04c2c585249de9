package io.github.babyshopsdk.sync.spi;

import io.github.babyshopsdk.client.model.Document;
import io.github.babyshopsdk.sync.host.ChangeFeed;
import io.github.babyshopsdk.sync.host.HostEvent;
import java.util.Optional;

/**
 * The host's order events (packed, shipped, delivered, cancelled) and where shipment labels go.
 * Implementations must be thread-safe.
 */
public interface HostFulfilment {

    /**
     * The events after {@code afterToken} (from the start, for an empty token), oldest first. The same
     * token must give the same events until the engine passes the next one; the engine applies each
     * event id at most once.
     */
    ChangeFeed<HostEvent> events(Optional<String> afterToken);

    /**
     * The shipment of a packed order exists on Babyshop: its invoice number and the AWB label to print
     * ("Print AWB"). Called once per shipment; must not throw for a label already received.
     */
    void shipmentCreated(String orderNo, String invoiceNo, Document label);
}
