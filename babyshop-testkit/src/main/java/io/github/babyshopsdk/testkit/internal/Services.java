package io.github.babyshopsdk.testkit.internal;

/**
 * What handlers share.
 *
 * @param state the data
 * @param dates the date format
 * @param faults the fault engine (for deterministic fault targets)
 * @param orderJson order writers
 * @param catalogJson catalogue writers
 */
public record Services(State state, Dates dates, FaultEngine faults, OrderJson orderJson, CatalogJson catalogJson) {

    /**
     * Builds the writers from the date format.
     *
     * @param state the data
     * @param dates the date format
     * @param faults the fault engine
     * @return the services
     */
    public static Services of(State state, Dates dates, FaultEngine faults) {
        return new Services(state, dates, faults, new OrderJson(dates), new CatalogJson(dates));
    }
}
