package io.github.babyshopsdk.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing check catches a change: a scratch copy of babyshop-sync-core's classes, with {@code RemoteKey}
 * recompiled from its real source plus one public method (or minus one), is reported with exactly that line.
 */
class ApiListingCatchesChangeTest {
    private static final String CLASS = "io.github.babyshopsdk.sync.RemoteKey";
    private static final String SOURCE = "io/github/babyshopsdk/sync/RemoteKey.java";

    @TempDir
    Path temp;

    private LibraryModule original;
    private Path baseline;

    @BeforeEach
    void recordTheUnchangedModule() {
        original = LibraryModule.of("babyshop-sync-core", CLASS);
        baseline = temp.resolve("baseline.api");
        ApiBaseline.record(baseline, ApiListing.of(original, getClass().getClassLoader()));
    }

    @Test
    void anUnchangedCopyPasses() throws Exception {
        Path copy = copyOfClasses("unchanged");

        assertThat(diffOf(copy).isEmpty()).isTrue();
    }

    @Test
    void anAddedPublicMethodIsReportedAsUnrecorded() throws Exception {
        String source = realSource();
        int end = source.lastIndexOf('}');
        Path copy = copyOfClasses("added");
        compileOver(copy, source.substring(0, end)
                + "    /** Added by the test. @return nothing */\n"
                + "    public static java.util.List<String> addedByTheTest(int limit) { return java.util.List.of(); }\n"
                + "}\n");

        ApiDiff diff = diffOf(copy);

        assertThat(diff.added()).containsExactly(CLASS
                + " :: method public static java.util.List<java.lang.String> addedByTheTest(int)");
        assertThat(diff.removed()).isEmpty();
        String failure = ApiBaseline.failure(original, baseline, diff);
        assertThat(failure)
                .contains("+ " + CLASS + " :: method public static java.util.List<java.lang.String> addedByTheTest(int)")
                .contains(ProjectLayout.UPDATE_COMMAND);
    }

    @Test
    void aRemovedPublicMethodIsReported() throws Exception {
        String source = realSource();
        String declaration = "public static boolean isValid(String key)";
        assertThat(source).contains(declaration);
        Path copy = copyOfClasses("removed");
        // package-private: gone from the public API, the class still compiles (storageForm calls it)
        compileOver(copy, source.replace(declaration, "static boolean isValid(String key)"));

        ApiDiff diff = diffOf(copy);

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).containsExactly(CLASS + " :: method public static boolean isValid(java.lang.String)");
        assertThat(ApiBaseline.failure(original, baseline, diff))
                .contains("- " + CLASS + " :: method public static boolean isValid(java.lang.String)");
    }

    private ApiDiff diffOf(Path copy) throws IOException {
        LibraryModule changed = LibraryModule.at("babyshop-sync-core", copy);
        try (ModuleFirstLoader loader = new ModuleFirstLoader(copy, changed.packages(), getClass().getClassLoader())) {
            return ApiBaseline.compare(baseline, ApiListing.of(changed, loader));
        }
    }

    private String realSource() throws IOException {
        return Files.readString(original.mainSources(ProjectLayout.root()).resolve(SOURCE), StandardCharsets.UTF_8);
    }

    /** The module's classes (a directory or a jar) copied into a new directory. */
    private Path copyOfClasses(String name) throws IOException {
        Path target = temp.resolve(name);
        Path location = original.location();
        if (Files.isDirectory(location)) {
            copyTree(location, target);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                copyTree(jar.getPath("/"), target);
            }
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Compiles {@code source} (the scratch RemoteKey.java) against the test class path into {@code classes}. */
    private void compileOver(Path classes, String source) throws IOException {
        Path sourceFile = temp.resolve("src").resolve(SOURCE);
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        String classPath = classes + File.pathSeparator + System.getProperty("java.class.path");
        // compiled apart, then copied over: javac treats an output directory holding module-info.class as a module
        Path compiled = Files.createDirectories(temp.resolve("compiled-" + classes.getFileName()));
        boolean ok = javac.getTask(out, null, null,
                List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d", compiled.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                        .getJavaFileObjects(sourceFile.toFile())).call();
        assertThat(ok).as(out::toString).isTrue();
        copyTree(compiled, classes);
    }

    /** Loads the classes of the module's packages from the copy first; everything else from the parent. */
    private static final class ModuleFirstLoader extends URLClassLoader {
        private final Set<String> packages;

        ModuleFirstLoader(Path classes, Set<String> packages, ClassLoader parent) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, parent);
            this.packages = packages;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !packages.contains(name.substring(0, dot))) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
