package io.github.babyshopsdk.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public and protected member (not only type) of each module's exported packages has a javadoc comment:
 * javadoc's own check ({@code -Xdoclint:missing}) over the module's main and generated sources, of which only
 * the "no comment" findings count (a missing {@code @param} or {@code @return} tag does not).
 * {@link JavadocContractTest} names the types and SPI methods with their lines; this one covers the rest.
 */
class JavadocMembersTest {

    static Stream<LibraryModule> modules() {
        return LibraryModule.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void everyExportedMemberHasAComment(LibraryModule module, @TempDir Path out) {
        Path root = ProjectLayout.root();
        Path sources = module.mainSources(root);
        Path generated = sources.getParent().getParent().getParent().resolve("target/generated-sources/annotations");
        List<String> args = new ArrayList<>(List.of("-quiet", "-Xmaxwarns", "100000", "-Xdoclint:missing",
                "-d", out.toString(), "-classpath", classPath(),
                "-sourcepath", sources + (Files.isDirectory(generated) ? File.pathSeparator + generated : "")));
        args.addAll(module.exportedPackages());
        List<String> uncommented = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        boolean ok = javadoc.getTask(new StringWriter(), null, d -> {
            String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
            String message = d.getMessage(Locale.ROOT);
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(where + message);
            } else if (message.contains("no comment")) {
                uncommented.add(where + message);
            }
        }, null, args, null).call();

        assertThat(errors).as("javadoc errors").isEmpty();
        assertThat(ok).isTrue();
        assertThat(uncommented).as("public or protected elements without a javadoc comment").isEmpty();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
