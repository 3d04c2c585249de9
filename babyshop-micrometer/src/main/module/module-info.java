/**
 * Micrometer meters for the client's requests and quota and the engine's runs ({@code BabyshopMeters}).
 * The meter binders are in the unexported {@code internal} package.
 */
module io.github.babyshopsdk.micrometer {
    requires transitive io.github.babyshopsdk.sync;
    requires transitive micrometer.core;
    requires org.slf4j;

    exports io.github.babyshopsdk.micrometer;
}
