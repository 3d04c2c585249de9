package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public and protected type and member of the packages the module descriptor exports has a javadoc
 * comment: javadoc's own check ({@code -Xdoclint:missing}) over {@code src/main/java}, of which only its
 * "no comment" findings count (a missing {@code @param} or {@code @return} tag does not).
 */
class JavadocPresenceTest {
    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void everyExportedTypeAndMemberHasAComment(@TempDir Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of("-quiet", "-Xmaxwarns", "100000", "-Xdoclint:missing",
                "-d", out.toString(), "-classpath", classPath(),
                "-sourcepath", "src/main/java" + File.pathSeparator + "target/generated-sources/annotations"));
        Matcher m = EXPORTS.matcher(Files.readString(Path.of("src/main/module/module-info.java")));
        while (m.find()) {
            args.add(m.group(1));
        }
        List<String> uncommented = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DocumentationTool.DocumentationTask task = javadoc.getTask(new StringWriter(), null, d -> {
            String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
            String message = d.getMessage(Locale.ROOT);
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(where + message);
            } else if (message.contains("no comment")) {
                uncommented.add(where + message);
            }
        }, null, args, null);

        boolean ok = task.call();

        assertThat(errors).as("javadoc errors").isEmpty();
        assertThat(ok).isTrue();
        assertThat(uncommented).as("public or protected elements without a javadoc comment").isEmpty();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
