package io.github.babyshopsdk.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public or protected type (top-level and nested) of an exported package has a non-empty javadoc comment,
 * and so has every method of the public interfaces in the SPI packages ({@code ..sync.spi}, {@code ..sync.state}).
 * The main sources are parsed with the JDK compiler tree API (nothing is compiled); the failure lists
 * {@code file:line element} of each missing comment.
 */
class JavadocContractTest {
    private static final Set<String> SPI_PACKAGES = Set.of("io.github.babyshopsdk.sync.spi",
            "io.github.babyshopsdk.sync.state");

    @Test
    void everyApiTypeAndSpiMethodHasAJavadocContract() throws IOException {
        Path root = ProjectLayout.root();
        List<Missing> missing = new ArrayList<>();
        int files = 0;
        for (LibraryModule module : LibraryModule.all()) {
            Path sources = module.mainSources(root);
            List<Path> inModule = new ArrayList<>();
            for (String pkg : module.exportedPackages()) {
                Path dir = sources.resolve(pkg.replace('.', '/'));
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(f -> f.getFileName().toString().endsWith(".java"))
                            .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                            .sorted()
                            .forEach(inModule::add);
                }
            }
            files += inModule.size();
            missing.addAll(scan(module.artifactId(), sources, inModule));
        }
        if (files == 0) {
            fail("no source files found under " + root);
        }
        if (!missing.isEmpty()) {
            fail("Missing javadoc (every public/protected type of an exported package, every SPI interface method): "
                    + missing.size() + "\n  "
                    + String.join("\n  ", missing.stream().map(Missing::location).toList()) + "\n");
        }
    }

    @Test
    void theScannerReportsEachMissingCommentWithItsLine(@TempDir Path sources) throws IOException {
        Path file = sources.resolve("io/github/babyshopsdk/sync/spi/Sample.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n",
                "package io.github.babyshopsdk.sync.spi;",
                "public interface Sample {",
                "    /** Documented. */",
                "    void documented();",
                "    void undocumented();",
                "    /** */",
                "    void emptyComment();",
                "    class Nested {",
                "        public static final class Deeper {}",
                "        static final class Hidden {}",
                "    }",
                "}",
                "final class PackagePrivate {",
                "    public static final class NotReachable {}",
                "}",
                ""), StandardCharsets.UTF_8);

        List<Missing> missing = scan("m", sources, List.of(file));

        assertThat(missing).extracting(Missing::key).containsExactly(
                "m/io/github/babyshopsdk/sync/spi/Sample.java#interface Sample",
                "m/io/github/babyshopsdk/sync/spi/Sample.java#method Sample.undocumented",
                "m/io/github/babyshopsdk/sync/spi/Sample.java#method Sample.emptyComment",
                "m/io/github/babyshopsdk/sync/spi/Sample.java#class Sample.Nested",
                "m/io/github/babyshopsdk/sync/spi/Sample.java#class Sample.Nested.Deeper");
        assertThat(missing.get(1).location()).endsWith("Sample.java:5 method Sample.undocumented");
    }

    /** A missing comment: where it is and a line-independent key for the allow-list. */
    record Missing(String location, String key) {
    }

    /**
     * The missing comments of {@code files}.
     *
     * @param artifactId the module, for the keys
     * @param sources the module's source root
     * @param files the files to parse
     * @return what is missing, in file order
     */
    static List<Missing> scan(String artifactId, Path sources, List<Path> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, null, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            List<Missing> missing = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                Path file = Path.of(unit.getSourceFile().toUri());
                String relative = sources.relativize(file).toString().replace('\\', '/');
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                new Scanner(docs, unit, artifactId + "/" + relative, file, SPI_PACKAGES.contains(pkg), missing)
                        .scan(unit, null);
            }
            return missing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks one compilation unit, tracking which enclosing types are accessible and which are SPI interfaces. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final CompilationUnitTree unit;
        private final String keyPrefix;
        private final Path file;
        private final boolean spiPackage;
        private final List<Missing> missing;
        private final Deque<ClassTree> accessible = new ArrayDeque<>();
        private int inaccessibleDepth;

        Scanner(DocTrees docs, CompilationUnitTree unit, String keyPrefix, Path file, boolean spiPackage,
                List<Missing> missing) {
            this.docs = docs;
            this.unit = unit;
            this.keyPrefix = keyPrefix;
            this.file = file;
            this.spiPackage = spiPackage;
            this.missing = missing;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            boolean isAccessible = inaccessibleDepth == 0 && !node.getSimpleName().isEmpty() && isAccessible(node);
            if (!isAccessible) {
                inaccessibleDepth++;
                try {
                    return super.visitClass(node, unused);
                } finally {
                    inaccessibleDepth--;
                }
            }
            require(node, kind(node) + " " + qualifiedName(node));
            accessible.push(node);
            try {
                return super.visitClass(node, unused);
            } finally {
                accessible.pop();
            }
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            ClassTree owner = inaccessibleDepth == 0 ? accessible.peek() : null;
            if (spiPackage && owner != null && owner.getKind() == Tree.Kind.INTERFACE
                    && !node.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
                require(node, "method " + qualifiedName(owner) + "." + node.getName());
            }
            return super.visitMethod(node, unused);
        }

        private boolean isAccessible(ClassTree node) {
            Set<Modifier> flags = node.getModifiers().getFlags();
            ClassTree outer = accessible.peek();
            if (outer == null) {
                return flags.contains(Modifier.PUBLIC);
            }
            boolean outerIsInterface = outer.getKind() == Tree.Kind.INTERFACE
                    || outer.getKind() == Tree.Kind.ANNOTATION_TYPE;
            return outerIsInterface || flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED);
        }

        private void require(Tree node, String element) {
            TreePath path = TreePath.getPath(unit, node);
            DocCommentTree comment = docs.getDocCommentTree(path);
            boolean empty = comment == null || (comment.getFullBody().isEmpty() && comment.getBlockTags().isEmpty());
            if (empty) {
                long position = docs.getSourcePositions().getStartPosition(unit, node);
                long line = unit.getLineMap().getLineNumber(position);
                missing.add(new Missing(file + ":" + line + " " + element, keyPrefix + "#" + element));
            }
        }

        private String qualifiedName(ClassTree node) {
            StringBuilder name = new StringBuilder(node.getSimpleName());
            for (ClassTree outer : accessible) {
                if (outer != node) {
                    name.insert(0, outer.getSimpleName() + ".");
                }
            }
            return name.toString();
        }

        private static String kind(ClassTree node) {
            return switch (node.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case ANNOTATION_TYPE -> "@interface";
                case RECORD -> "record";
                default -> "class";
            };
        }
    }
}
