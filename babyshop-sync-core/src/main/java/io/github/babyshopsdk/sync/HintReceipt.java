package io.github.babyshopsdk.sync;

import org.immutables.value.Value;

/**
 * What {@link SyncEngine#hint} did with the order numbers it was given. When it is returned, the accepted hints are
 * durable in the state store (a crash loses none).
 */
@Value.Immutable
@Value.Style(jdkOnly = true)
public interface HintReceipt {

    /** Numbers not pending before: recorded as new hints, due at once. */
    int added();

    /** Numbers already pending (or dropped before): the existing hint was renewed, due at once. */
    int renewed();

    /** Numbers that are not valid order numbers ({@link RemoteKey}), or repeated in the same call: ignored. */
    int invalid();

    /** Numbers refused because the pending hints reached {@link EngineOptions#maxPendingHints()}: polling will find them. */
    int refused();

    /** The numbers recorded: {@link #added()} plus {@link #renewed()}. */
    @Value.Derived
    default int accepted() {
        return added() + renewed();
    }

    /** A builder. */
    static ImmutableHintReceipt.Builder builder() {
        return ImmutableHintReceipt.builder();
    }
}
