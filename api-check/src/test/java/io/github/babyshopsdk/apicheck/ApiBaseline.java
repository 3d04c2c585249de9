package io.github.babyshopsdk.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The recorded API listing of a module (its {@code api/<artifactId>.api} file) against the listing of its
 * current classes.
 *
 * <p>Stateless and thread-safe (as far as the file system is).
 */
final class ApiBaseline {
    /** How many difference lines a failure shows. */
    static final int SHOWN_LINES = 50;

    private ApiBaseline() {
    }

    /**
     * The difference between {@code file} (missing counts as empty) and {@code computed}.
     *
     * @param file the recorded listing
     * @param computed the current listing
     * @return the difference
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    static ApiDiff compare(Path file, List<String> computed) {
        return ApiDiff.between(read(file), computed);
    }

    /**
     * Writes {@code computed} to {@code file} (UTF-8, one line each, a final line break), creating its directory.
     *
     * @param file the listing file
     * @param computed the lines
     * @throws UncheckedIOException when it cannot be written
     */
    static void record(Path file, List<String> computed) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, computed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The failure text for a module whose listing differs: the bounded diff and the re-record commands.
     *
     * @param module the module
     * @param file its listing file
     * @param diff the difference
     * @return the message
     */
    static String failure(LibraryModule module, Path file, ApiDiff diff) {
        return "The public API of " + module.artifactId() + " differs from " + file + " ("
                + diff.added().size() + " unrecorded (+), " + diff.removed().size() + " removed (-)):\n"
                + diff.describe(SHOWN_LINES)
                + "If the change is intended, re-record the listings and commit them with the change:\n  "
                + ProjectLayout.UPDATE_COMMAND + "\n(with -am the upstream modules' tests run too; to run only this"
                + " test add -Dtest=PublicApiListingTest -Dsurefire.failIfNoSpecifiedTests=false)\n";
    }

    private static List<String> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
