package io.github.babyshopsdk.sync.internal;

import io.github.babyshopsdk.sync.Flow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The flow implementations by flow. Immutable. */
public final class FlowRegistry {
    private final Map<Flow, FlowRun> runs = new EnumMap<>(Flow.class);

    private FlowRegistry(List<FlowRun> runs) {
        runs.forEach(run -> this.runs.put(run.flow(), run));
    }

    /** Every flow of the integration. */
    public static FlowRegistry standard() {
        return new FlowRegistry(List.of(new OrderImportFlow(), new CatalogFlow(), new InventoryFlow(), new ShipmentFlow(),
                new CancellationFlow(), new ReconciliationFlow()));
    }

    /** The implementation of {@code flow}, if there is one. */
    public Optional<FlowRun> find(Flow flow) {
        return Optional.ofNullable(runs.get(flow));
    }
}
