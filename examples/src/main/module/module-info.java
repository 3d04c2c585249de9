/**
 * The runnable samples as a JPMS consumer of the SDK: the Babyshop bridge ({@code bridge}, main class
 * {@code BabyshopBridge}), the Quartz cluster wiring ({@code quartz}), the plain host wiring and the client
 * tour. Run on the module path with
 * {@code java --module-path <jars> -m io.github.babyshopsdk.examples/io.github.babyshopsdk.examples.bridge.BabyshopBridge}.
 *
 * <p>Nothing is exported to all: a sample is a program, not a library. The bridge package is opened to picocli
 * only (it injects the command's annotated private fields), and the Quartz package is exported to Quartz only
 * (it instantiates {@code FlowJob} reflectively). The JDBC drivers (H2, PostgreSQL) are not required: they are
 * run-time dependencies that {@code java.sql}'s {@code DriverManager} loads as {@code java.sql.Driver} services,
 * so the module system binds them from the module path.
 */
module io.github.babyshopsdk.examples {
    requires io.github.babyshopsdk.client;
    requires io.github.babyshopsdk.testkit;
    requires io.github.babyshopsdk.sync;
    requires io.github.babyshopsdk.sync.jdbc;
    requires io.github.babyshopsdk.micrometer;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.zaxxer.hikari;
    requires info.picocli;
    requires micrometer.core;
    requires org.quartz;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires java.logging;
    requires jdk.httpserver;

    opens io.github.babyshopsdk.examples.bridge to info.picocli;

    exports io.github.babyshopsdk.examples.quartz to org.quartz;
}
