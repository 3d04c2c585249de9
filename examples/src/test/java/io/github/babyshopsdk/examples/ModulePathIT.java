package io.github.babyshopsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.babyshopsdk.examples.modulepath.QuartzJobProbe;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jars in child JVMs, as a JPMS consumer and as a class-path consumer: the bridge demo (simulator, H2
 * state, every flow; the README's main command) and the client tour run once with the examples jar and its run-time
 * dependencies on the module path ({@code java --module-path ... -m io.github.babyshopsdk.examples/...}) and once on
 * the class path. The module-path run checks the SDK's descriptors at run time: Flyway reading sync-jdbc's opened
 * migration package, Retrofit's proxy over the client's unexported API interface, Jackson, Immutables, picocli
 * injecting the bridge's options through the package opened to it, the JDBC driver bound as a service; and Quartz
 * instantiating the Quartz sample's job through the package exported to it ({@link QuartzJobProbe}).
 *
 * <p>Bound to the integration-test phase (the jars exist after package): the POM passes the examples jar and the
 * run-time dependency list (maven-dependency-plugin's build-classpath); without them (the unit-test phase) it is
 * skipped.
 */
@EnabledIfSystemProperty(named = ModulePathIT.JAR, matches = ".+")
class ModulePathIT {
    static final String JAR = "babyshop.examples.jar";
    static final String RUNTIME_PATH = "babyshop.examples.runtimePath";

    private static final String MODULE = "io.github.babyshopsdk.examples";
    private static final String BRIDGE = "io.github.babyshopsdk.examples.bridge.BabyshopBridge";
    private static final String TOUR = "io.github.babyshopsdk.examples.ClientTour";
    private static final List<String> SDK_MODULES = List.of("io.github.babyshopsdk.client",
            "io.github.babyshopsdk.testkit", "io.github.babyshopsdk.sync", "io.github.babyshopsdk.sync.jdbc",
            "io.github.babyshopsdk.micrometer", MODULE);
    private static final Pattern ORDERS_ROW =
            Pattern.compile("orders +\\d+ +\\d+ +(\\d+) +\\d+ +\\d+ +0 +completed");

    @TempDir
    Path dir;

    @Test
    void theExamplesJarIsANamedModuleThatOpensOnlyWhatPicocliNeeds() {
        ModuleReference reference = ModuleFinder.of(Path.of(System.getProperty(JAR))).find(MODULE).orElseThrow();
        ModuleDescriptor descriptor = reference.descriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).singleElement().satisfies(opens -> {
            assertThat(opens.source()).isEqualTo("io.github.babyshopsdk.examples.bridge");
            assertThat(opens.targets()).containsExactly("info.picocli");
        });
        assertThat(descriptor.exports()).allSatisfy(exports -> assertThat(exports.isQualified()).isTrue());
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsAll(SDK_MODULES.subList(0, SDK_MODULES.size() - 1));
    }

    @Test
    void theBridgeDemoRunsOnTheModulePath() throws Exception {
        Run run = run(true, BRIDGE);

        assertDemo(run, "module path");
        assertThat(run.loadedModules()).as("named modules loaded from the jars").containsAll(SDK_MODULES);
        assertThat(run.loadedModules()).contains("flyway.core", "com.h2database", "retrofit2", "info.picocli");
    }

    @Test
    void theBridgeDemoRunsOnTheClassPath() throws Exception {
        Run run = run(false, BRIDGE);

        assertDemo(run, "class path");
        assertThat(run.loadedModules()).as("no module from a jar: everything is in the unnamed module")
                .noneMatch(name -> name.startsWith("io.github.babyshopsdk"));
    }

    @Test
    void quartzInstantiatesTheFlowJobOnTheModulePath() throws Exception {
        Path probe = Path.of(QuartzJobProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Run run = run(List.of("-cp", probe.toString(), "--module-path", jars(), "--add-modules", MODULE,
                QuartzJobProbe.class.getName()));

        assertThat(run.exit()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout()).containsExactly("FlowJob ran: no SyncEngine in the scheduler context under "
                + "babyshop.syncEngine: start nodes with QuartzSync.startNode");
        assertThat(run.loadedModules()).contains(MODULE, "org.quartz");
        System.out.printf(Locale.ROOT, "Quartz job on the module path: exit %d, %s%n", run.exit(), run.stdout());
    }

    @Test
    void theClientTourRunsOnTheModulePath() throws Exception {
        Run run = run(true, TOUR);

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).anySatisfy(l -> assertThat(l).startsWith("fetchDocuments "));
        JsonNode summary = new ObjectMapper().readTree(run.stdout().get(run.stdout().size() - 1));
        assertThat(summary.path("ordersFetched").asInt()).isGreaterThan(100);
        assertThat(summary.path("inventoryAccepted").asInt()).isEqualTo(20);
        assertThat(run.loadedModules()).containsAll(SDK_MODULES);
        System.out.printf(Locale.ROOT, "client tour on the module path: exit %d, %d orders fetched%n", run.exit(),
                summary.path("ordersFetched").asInt());
    }

    /** Exit 0, the orders row of the report, the JSON summary agreeing with it, and the H2 state database. */
    private void assertDemo(Run run, String path) throws IOException {
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout().get(0)).startsWith("Babyshop bridge demo: simulator http://127.0.0.1:");
        Matcher row = run.stdout().stream().map(ORDERS_ROW::matcher).filter(Matcher::matches).findFirst()
                .orElseThrow(() -> new AssertionError("no orders row in the report:\n" + String.join("\n",
                        run.stdout())));
        int imported = Integer.parseInt(row.group(1));
        JsonNode summary = new ObjectMapper().readTree(run.stdout().get(run.stdout().size() - 1));
        assertThat(summary.path("ordersImported").asInt()).isEqualTo(imported).isGreaterThan(150);
        assertThat(summary.path("errors").asInt()).isZero();
        assertThat(summary.path("shipmentsPushed").asInt()).isEqualTo(20);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the demo's H2 state database")
                    .anyMatch(name -> name.endsWith(".mv.db"));
        }
        System.out.printf(Locale.ROOT, "bridge demo on the %s: exit %d, %d orders imported, %d API calls%n", path,
                run.exit(), imported, summary.path("apiCalls").asInt());
    }

    /**
     * Runs {@code mainClass} in a child JVM with the examples jar and its run-time dependencies on the module path or
     * on the class path.
     */
    private Run run(boolean modulePath, String mainClass) throws IOException, InterruptedException {
        return run(modulePath ? List.of("--module-path", jars(), "-m", MODULE + "/" + mainClass)
                : List.of("-cp", jars(), mainClass));
    }

    /** The examples jar and its run-time dependencies, as a path. */
    private static String jars() throws IOException {
        return System.getProperty(JAR) + File.pathSeparator
                + Files.readString(Path.of(System.getProperty(RUNTIME_PATH)), StandardCharsets.UTF_8).trim();
    }

    /**
     * Runs a child JVM with {@code arguments}; its temporary files go to {@link #dir}, the modules it loads are
     * logged.
     */
    private Run run(List<String> arguments) throws IOException, InterruptedException {
        Path modules = dir.resolve("modules.log");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + dir, "-Xlog:module+load=info:file=" + modules));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit;
        try {
            process.getOutputStream().close(); // no input
            exit = process.waitFor();
        } finally {
            process.destroyForcibly();
        }
        List<String> loaded = Files.readAllLines(modules).stream()
                .map(Pattern.compile("\\[module,load\\] (\\S+) location: file:")::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).toList();
        return new Run(exit, Files.readAllLines(out), Files.readString(err), loaded);
    }

    /** A child JVM's exit code, standard output lines, standard error and the modules it loaded from files. */
    private record Run(int exit, List<String> stdout, String stderr, List<String> loadedModules) {
    }
}
