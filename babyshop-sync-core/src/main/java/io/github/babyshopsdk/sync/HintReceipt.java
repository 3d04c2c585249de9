package io.github.babyshopsdk.sync;

import org.immutables.value.Value;

/**
 * What {@link SyncEngine#hint} did with the order numbers it was given. When it is returned, the accepted hints are
 * durable in the state store (a crash loses none).
 *
 * <p>Immutable and thread-safe. {@link #builder()} builds one: its setters throw {@link NullPointerException} on
 * null, and {@code build()} throws {@link IllegalStateException} when a required attribute is unset.
 */
@Value.Immutable
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface HintReceipt {

    /** Numbers without a hint before: recorded as new hints, due after {@link EngineOptions#hintDelay()}. */
    int added();

    /**
     * Numbers with a hint already: a pending one renewed (its due time kept, or brought forward to
     * {@link EngineOptions#hintDelay()} from now when it waited in a not-found back-off), or a dropped one revived
     * (pending again from the start), within {@link EngineOptions#maxPendingHints()}.
     */
    int renewed();

    /** Numbers that are not valid order numbers ({@link RemoteKey}), or repeated in the same call: ignored. */
    int invalid();

    /**
     * Numbers refused because the pending hints reached {@link EngineOptions#maxPendingHints()} (new ones, and dropped
     * ones that would be revived), or every number while Order Sync is off: polling will find them.
     */
    int refused();

    /** The numbers recorded: {@link #added()} plus {@link #renewed()}. */
    @Value.Derived
    default int accepted() {
        return added() + renewed();
    }

    /** A builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HintReceipt}; from {@link #builder()}. Not thread-safe; {@code build()} checks the value. */
    final class Builder extends ImmutableHintReceipt.Builder {
        Builder() {}
    }
}
