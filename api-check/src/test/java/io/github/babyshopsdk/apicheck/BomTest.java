package io.github.babyshopsdk.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * babyshop-bom stays in step with the reactor: no parent (so babyshop-parent's dependencyManagement never reaches
 * a host), the project's groupId and version, Central metadata, and a dependencyManagement holding exactly the
 * library modules (the reactor's modules with main sources that are published) at {@code ${project.version}}.
 * Every module's parent version is the project version, too.
 */
class BomTest {
    private static final String BOM = "babyshop-bom";

    @Test
    void theBomListsExactlyTheLibraryModulesAtTheProjectVersion() {
        assertThat(problems(ProjectLayout.root())).isEmpty();
    }

    @Test
    void theLibraryModulesAreTheOnesWhoseApiIsChecked() {
        Set<String> checked = LibraryModule.all().stream().map(LibraryModule::artifactId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(libraryModules(ProjectLayout.root())).isEqualTo(checked);
    }

    @Test
    void aNewLibraryModuleWithoutABomEntryFails(@TempDir Path copy) throws IOException {
        Path root = ProjectLayout.root();
        Files.copy(root.resolve("pom.xml"), copy.resolve("pom.xml"));
        for (String module : modules(parse(root.resolve("pom.xml")))) {
            Path dir = copy.resolve(module);
            Files.createDirectories(dir);
            Files.copy(root.resolve(module).resolve("pom.xml"), dir.resolve("pom.xml"));
            if (Files.isDirectory(root.resolve(module).resolve("src/main/java"))) {
                Files.createDirectories(dir.resolve("src/main/java"));
            }
        }
        assertThat(problems(copy)).isEmpty();

        String rootPom = Files.readString(copy.resolve("pom.xml"), StandardCharsets.UTF_8);
        Files.writeString(copy.resolve("pom.xml"), rootPom.replace("<module>api-check</module>",
                "<module>babyshop-extra</module>\n    <module>api-check</module>"), StandardCharsets.UTF_8);
        Path extra = copy.resolve("babyshop-extra");
        Files.createDirectories(extra.resolve("src/main/java"));
        Files.writeString(extra.resolve("pom.xml"), Files.readString(copy.resolve("babyshop-micrometer/pom.xml"))
                .replace("<artifactId>babyshop-micrometer</artifactId>", "<artifactId>babyshop-extra</artifactId>"),
                StandardCharsets.UTF_8);

        assertThat(problems(copy)).anySatisfy(p -> assertThat(p).contains("babyshop-extra"));
    }

    @Test
    void aBomVersionOutOfStepFails(@TempDir Path copy) throws IOException {
        Path root = ProjectLayout.root();
        Files.copy(root.resolve("pom.xml"), copy.resolve("pom.xml"));
        Files.createDirectories(copy.resolve(BOM));
        String bom = Files.readString(root.resolve(BOM).resolve("pom.xml"), StandardCharsets.UTF_8);
        String version = text(parse(root.resolve("pom.xml")).getDocumentElement(), "version");
        Files.writeString(copy.resolve(BOM).resolve("pom.xml"),
                bom.replaceFirst("<version>" + version.replace(".", "\\.") + "</version>", "<version>9.9.9</version>"),
                StandardCharsets.UTF_8);

        assertThat(problems(copy)).anySatisfy(p -> assertThat(p).contains("9.9.9"));
    }

    /**
     * What is out of step between the BOM and the reactor at {@code root}; modules whose pom is missing are skipped
     * (apart from the BOM).
     *
     * @param root the project root
     * @return the problems, empty when in step
     */
    static List<String> problems(Path root) {
        List<String> problems = new ArrayList<>();
        Element project = parse(root.resolve("pom.xml")).getDocumentElement();
        String groupId = text(project, "groupId");
        String version = text(project, "version");
        Element bom = parse(root.resolve(BOM).resolve("pom.xml")).getDocumentElement();

        if (!modules(project.getOwnerDocument()).contains(BOM)) {
            problems.add("the root pom does not list the module " + BOM);
        }
        if (child(bom, "parent") != null) {
            problems.add(BOM + " has a parent: its dependencyManagement would reach the hosts importing the BOM");
        }
        if (!groupId.equals(text(bom, "groupId"))) {
            problems.add(BOM + " groupId " + text(bom, "groupId") + " is not the project's " + groupId);
        }
        if (!version.equals(text(bom, "version"))) {
            problems.add(BOM + " version " + text(bom, "version") + " is not the project's " + version);
        }
        if (!"pom".equals(text(bom, "packaging"))) {
            problems.add(BOM + " packaging is not pom");
        }
        for (String required : List.of("name", "description", "url", "licenses", "developers", "scm")) {
            if (child(bom, required) == null) {
                problems.add(BOM + " lacks <" + required + "> (Maven Central requires it)");
            }
        }
        Set<String> managed = new TreeSet<>();
        Element management = child(bom, "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        if (dependencies != null) {
            for (Element dependency : children(dependencies, "dependency")) {
                String artifactId = text(dependency, "artifactId");
                managed.add(artifactId);
                if (!groupId.equals(text(dependency, "groupId"))) {
                    problems.add(BOM + " manages " + text(dependency, "groupId") + ":" + artifactId
                            + ", not a module of this project");
                }
                if (!"${project.version}".equals(text(dependency, "version"))) {
                    problems.add(BOM + " manages " + artifactId + " at " + text(dependency, "version")
                            + " instead of ${project.version}");
                }
            }
        }
        Set<String> libraries = libraryModules(root);
        for (String library : libraries) {
            if (!managed.contains(library)) {
                problems.add(BOM + " lacks the library module " + library);
            }
        }
        for (String artifactId : managed) {
            if (!libraries.contains(artifactId)) {
                problems.add(BOM + " manages " + artifactId + ", which is not a published library module");
            }
        }
        for (String module : modules(project.getOwnerDocument())) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (module.equals(BOM) || !Files.isRegularFile(pom)) {
                continue;
            }
            Element parent = child(parse(pom).getDocumentElement(), "parent");
            if (parent != null && !version.equals(text(parent, "version"))) {
                problems.add(module + " names parent version " + text(parent, "version") + ", not " + version);
            }
        }
        return problems;
    }

    /**
     * The artifact ids of the published library modules: listed in the root pom, jar packaging, with main
     * sources, and not skipping deploy ({@code maven.deploy.skip}).
     *
     * @param root the project root
     * @return the artifact ids, sorted
     */
    static Set<String> libraryModules(Path root) {
        Set<String> libraries = new TreeSet<>();
        for (String module : modules(parse(root.resolve("pom.xml")))) {
            Path dir = root.resolve(module);
            if (!Files.isRegularFile(dir.resolve("pom.xml")) || !Files.isDirectory(dir.resolve("src/main/java"))) {
                continue;
            }
            Element pom = parse(dir.resolve("pom.xml")).getDocumentElement();
            String packaging = text(pom, "packaging");
            Element properties = child(pom, "properties");
            boolean skipsDeploy = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
            if ((packaging == null || packaging.equals("jar")) && !skipsDeploy) {
                libraries.add(text(pom, "artifactId"));
            }
        }
        return libraries;
    }

    private static List<String> modules(Document pom) {
        Element modules = child(pom.getDocumentElement(), "modules");
        List<String> names = new ArrayList<>();
        if (modules != null) {
            children(modules, "module").forEach(m -> names.add(m.getTextContent().trim()));
        }
        return names;
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + pom, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
