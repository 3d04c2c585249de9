package io.github.babyshopsdk.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module's dependency rules, checked on its main classes. Each rule fails when its subject matches no
 * class ({@code allowEmptyShould(false)}), so a moved or renamed package cannot make it pass vacuously.
 */
@AnalyzeClasses(packages = "io.github.babyshopsdk.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The engine speaks no HTTP and no JDBC, and uses only the client's public API; only the channel adapter may. */
    @ArchTest
    static final ArchRule engineHasNoHttpJdbcOrClientInternals = noClasses()
            .that().resideInAPackage("io.github.babyshopsdk.sync..")
            .and().resideOutsideOfPackage("io.github.babyshopsdk.sync.channel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "okhttp3..", "retrofit2..", "java.sql..", "javax.sql..",
                    "io.github.babyshopsdk.client.internal..")
            .because("the engine packages import no OkHttp, Retrofit or java.sql (DESIGN.md); "
                    + "only sync.channel adapts the HTTP client")
            .allowEmptyShould(false);

    /** The public SPI and value packages stand on their own: no engine internals leak through them. */
    @ArchTest
    static final ArchRule publicPackagesDoNotDependOnInternals = noClasses()
            .that().resideInAnyPackage(
                    "io.github.babyshopsdk.sync.spi..", "io.github.babyshopsdk.sync.state..",
                    "io.github.babyshopsdk.sync.config..", "io.github.babyshopsdk.sync.host..")
            .should().dependOnClassesThat().resideInAPackage("io.github.babyshopsdk.sync.internal..")
            .because("hosts implement and use these packages; internals may change at any time")
            .allowEmptyShould(false);

    /**
     * The SPIs name no implementation: a factory lives with its implementation (e.g.
     * {@code ClientChannelGateway.of(client)}), so {@code spi} never imports the adapters, the in-memory or JDBC
     * stores or the engine's internals (issue 14: {@code ChannelGateway.of} was the one import cycle).
     */
    @ArchTest
    static final ArchRule spiNamesNoImplementation = noClasses()
            .that().resideInAPackage("io.github.babyshopsdk.sync.spi..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.github.babyshopsdk.sync.channel..", "io.github.babyshopsdk.sync.memory..",
                    "io.github.babyshopsdk.sync.internal..", "io.github.babyshopsdk.sync.jdbc..")
            .because("an SPI is implemented by hosts and adapters; it must not depend on any one of them")
            .allowEmptyShould(false);

    /**
     * The storage SPI keeps no quota: the one quota budget is the client's {@code QuotaBudget}, shared in memory
     * or through a storage module's own implementation (issue 11).
     */
    @ArchTest
    static final ArchRule storageSpiImportsNoClientQuotaType = noClasses()
            .that().resideInAPackage("io.github.babyshopsdk.sync.state..")
            .should().dependOnClassesThat().resideInAPackage("io.github.babyshopsdk.client.quota..")
            .because("the quota budget is one client type, not a layer of the state store")
            .allowEmptyShould(false);

    /** The simulator is for tests only; main code never reaches it. */
    @ArchTest
    static final ArchRule mainCodeDoesNotDependOnTheTestkit = noClasses()
            .that().resideInAPackage("io.github.babyshopsdk.sync..")
            .should().dependOnClassesThat().resideInAPackage("io.github.babyshopsdk.testkit..")
            .because("babyshop-testkit is a test dependency of the engine")
            .allowEmptyShould(false);
}
