package io.github.babyshopsdk.sync.notify;

import java.util.List;
import org.immutables.value.Value;

/**
 * What a notification body carried that the engine can use: order numbers, nothing else (no status, no other field).
 * Built by {@link NotificationParser}; an immutable value, thread-safe.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface ParsedNotification {

    /**
     * The distinct order numbers found ({@code orderNo}, {@code masterOrderNo}, in nested order arrays too), in the
     * order first found; each a valid {@link io.github.babyshopsdk.sync.RemoteKey}. Empty for a readable body that
     * names no order (a test ping, an event without an order).
     */
    List<String> orderNumbers();

    /**
     * Values in order-number fields that were not valid order numbers (too long, blank, control characters, a
     * fraction, a boolean...): dropped, only counted. {@code null} and {@code ""} mean "no value" and are not counted.
     */
    int invalidValues();

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ParsedNotification}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableParsedNotification.Builder {
        Builder() {}
    }
}
