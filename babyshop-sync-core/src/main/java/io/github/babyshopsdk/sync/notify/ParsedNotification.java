package io.github.babyshopsdk.sync.notify;

import java.util.List;
import org.immutables.value.Value;

/** What a notification body carried that the engine can use: order numbers, nothing else. */
@Value.Immutable
@Value.Style(jdkOnly = true)
public interface ParsedNotification {

    /**
     * The distinct order numbers found ({@code orderNo}, {@code masterOrderNo}, in nested order arrays too), in the
     * order first found; each a valid {@link io.github.babyshopsdk.sync.RemoteKey}. Empty for a readable body that
     * names no order (a test ping, an event without an order).
     */
    List<String> orderNumbers();

    /** Values in order-number fields that were not valid order numbers (too long, control characters...): ignored. */
    int invalidValues();

    /** A builder. */
    static ImmutableParsedNotification.Builder builder() {
        return ImmutableParsedNotification.builder();
    }
}
