package io.github.babyshopsdk.apicheck;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the checks find the project: the root directory (system property {@code babyshop.root}, set by this
 * module's surefire configuration, else the parent of the working directory) and the re-record switch.
 *
 * <p>Stateless and thread-safe.
 */
final class ProjectLayout {
    /** The command that re-records the API listings instead of failing on a difference. */
    static final String UPDATE_COMMAND =
            "mvn -o -B -pl api-check -am verify -DskipTests=false -Dbabyshop.api.update=true";
    /** The same, running only the listing test of api-check (upstream modules are built, their tests too). */
    static final String UPDATE_COMMAND_LISTING_ONLY = UPDATE_COMMAND
            + " -Dtest=PublicApiListingTest -Dsurefire.failIfNoSpecifiedTests=false";

    private ProjectLayout() {
    }

    /**
     * The project's root directory (the one holding the root pom.xml).
     *
     * @return the absolute, normalised path
     * @throws IllegalStateException when no root pom.xml is there
     */
    static Path root() {
        String configured = System.getProperty("babyshop.root");
        Path root = (configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("api-check"))) {
            throw new IllegalStateException("not the project root (no pom.xml and api-check/ there): " + root);
        }
        return root;
    }

    /** @return true when {@code -Dbabyshop.api.update=true} asks to re-record the listings */
    static boolean updateRequested() {
        return Boolean.parseBoolean(System.getProperty("babyshop.api.update", "false"));
    }
}
