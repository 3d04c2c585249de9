package io.github.babyshopsdk.apicheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One library module as the checks see it: its artifact id, the location of its compiled classes (a directory
 * in the reactor or a jar) and the packages its {@code module-info.class} exports to everyone.
 *
 * <p>Immutable and thread-safe once built. The exports are read from the compiled module descriptor, never
 * written down here.
 */
final class LibraryModule {
    private final String artifactId;
    private final Path location;
    private final ModuleDescriptor descriptor;

    private LibraryModule(String artifactId, Path location, ModuleDescriptor descriptor) {
        this.artifactId = artifactId;
        this.location = location;
        this.descriptor = descriptor;
    }

    /**
     * The five library modules, each located through the code source of one of its classes.
     *
     * @return the modules, in reactor order
     * @throws IllegalStateException when a module's classes or its {@code module-info.class} cannot be found
     */
    static List<LibraryModule> all() {
        return List.of(
                of("babyshop-client", "io.github.babyshopsdk.client.BabyshopClient"),
                of("babyshop-testkit", "io.github.babyshopsdk.testkit.SellerPanelSimulator"),
                of("babyshop-sync-core", "io.github.babyshopsdk.sync.RemoteKey"),
                of("babyshop-sync-jdbc", "io.github.babyshopsdk.sync.jdbc.JdbcSyncStateStore"),
                of("babyshop-micrometer", "io.github.babyshopsdk.micrometer.BabyshopMeters"));
    }

    /**
     * The module whose classes hold {@code knownClass}.
     *
     * @param artifactId the module's Maven artifact id (names its listing file)
     * @param knownClass the binary name of a class of that module
     * @return the module
     * @throws IllegalStateException when the class, its location or the module descriptor is missing
     */
    static LibraryModule of(String artifactId, String knownClass) {
        Class<?> type;
        try {
            type = Class.forName(knownClass, false, LibraryModule.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(artifactId + ": " + knownClass + " is not on the test class path", e);
        }
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(artifactId + ": cannot locate the classes of " + knownClass, e);
        }
        return at(artifactId, location);
    }

    /**
     * The module whose compiled classes are at {@code location}.
     *
     * @param artifactId the module's Maven artifact id
     * @param location a directory of class files or a jar, holding {@code module-info.class} at its root
     * @return the module
     * @throws IllegalStateException when there is no {@code module-info.class}
     */
    static LibraryModule at(String artifactId, Path location) {
        return new LibraryModule(artifactId, location, readDescriptor(artifactId, location));
    }

    /** @return the Maven artifact id, e.g. {@code babyshop-client} */
    String artifactId() {
        return artifactId;
    }

    /** @return the directory or jar of the compiled classes */
    Path location() {
        return location;
    }

    /** @return the JPMS module name from the descriptor */
    String moduleName() {
        return descriptor.name();
    }

    /** @return the packages exported to every module (unqualified exports), sorted */
    SortedSet<String> exportedPackages() {
        SortedSet<String> packages = new TreeSet<>();
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            if (!export.isQualified()) {
                packages.add(export.source());
            }
        }
        return Collections.unmodifiableSortedSet(packages);
    }

    /** @return every package holding classes of this module (from the descriptor), sorted */
    SortedSet<String> packages() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(descriptor.packages()));
    }

    /**
     * The binary names of all classes of this module in the given packages, sorted.
     *
     * @param inPackages the packages to list
     * @return binary names such as {@code a.b.C$D}
     * @throws UncheckedIOException when the location cannot be read
     */
    List<String> classNames(Set<String> inPackages) {
        List<String> names = new ArrayList<>();
        withRoot(location, root -> {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> root.relativize(f).toString().replace(root.getFileSystem().getSeparator(), "/"))
                        .filter(f -> !f.equals("module-info.class") && !f.startsWith("META-INF/"))
                        .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                        .filter(n -> n.lastIndexOf('.') > 0 && inPackages.contains(n.substring(0, n.lastIndexOf('.'))))
                        .forEach(names::add);
            }
            return null;
        });
        Collections.sort(names);
        return names;
    }

    /** The file of the recorded listing: {@code <root>/<artifactId>/api/<artifactId>.api}. */
    Path listingFile(Path projectRoot) {
        return projectRoot.resolve(artifactId).resolve("api").resolve(artifactId + ".api");
    }

    /** The main sources of this module: {@code <root>/<artifactId>/src/main/java}. */
    Path mainSources(Path projectRoot) {
        return projectRoot.resolve(artifactId).resolve("src").resolve("main").resolve("java");
    }

    @Override
    public String toString() {
        return artifactId + " (" + descriptor.name() + ")";
    }

    private static ModuleDescriptor readDescriptor(String artifactId, Path location) {
        return withRoot(location, root -> {
            Path file = root.resolve("module-info.class");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(artifactId + ": no module-info.class in " + location
                        + " (every library module has src/main/module/module-info.java, compiled into its jar at"
                        + " prepare-package: run these checks with 'verify', not 'test', so the jars are used)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return ModuleDescriptor.read(in);
            }
        });
    }

    private interface RootReader<T> {
        T read(Path root) throws IOException;
    }

    private static <T> T withRoot(Path location, RootReader<T> reader) {
        try {
            if (Files.isDirectory(location)) {
                return reader.read(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return reader.read(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }
}
