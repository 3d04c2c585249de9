/**
 * An in-JVM SellerPanel V3 simulator for tests and demos: seeded fixtures, faults, quota, drift and order
 * notifications on loopback. It shares no code with the client it tests. Only
 * {@code io.github.babyshopsdk.testkit} is exported; the request handlers and the simulated state live in
 * the unexported {@code internal} package.
 */
module io.github.babyshopsdk.testkit {
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires jdk.httpserver;
    requires org.slf4j;
    requires static org.junit.jupiter.api;

    exports io.github.babyshopsdk.testkit;
}
