package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import io.github.babyshopsdk.sync.FlowOutcome;
import io.github.babyshopsdk.sync.FlowReport;
import io.github.babyshopsdk.sync.spi.SyncListener;
import io.github.babyshopsdk.sync.state.SyncStateStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the listener where the orders cursor stands ({@link SyncListener#ordersCursor}) after an orders run that
 * ran. Reads the cursor in a transaction of its own; a store that cannot be read, or a cursor that cannot be
 * parsed, means no call (logged at debug): metrics never fail a run. Stateless and thread-safe.
 */
public final class OrdersCursorReport {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersCursorReport.class);

    private OrdersCursorReport() {
    }

    /** Tells {@code listener} the orders cursor when {@code report} is of an orders run that ran. Never throws. */
    public static void tell(SyncStateStore store, SyncListener listener, FlowReport report) {
        if (report.flow() != Flow.ORDERS || report.outcome() == FlowOutcome.DISABLED
                || report.outcome() == FlowOutcome.LEASE_HELD_ELSEWHERE) {
            return;
        }
        Optional<Instant> cursor;
        try {
            cursor = store.inTransaction(tx -> tx.cursors().get(OrderImportFlow.CURSOR)).map(Instant::parse);
        } catch (RuntimeException e) { // a store failure or an unreadable cursor
            LOG.debug("the orders cursor could not be read for the listener: {}", LogSafe.of(e.getMessage()));
            return;
        }
        cursor.ifPresent(listener::ordersCursor);
    }
}
