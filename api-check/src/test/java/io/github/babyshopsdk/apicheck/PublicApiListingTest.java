package io.github.babyshopsdk.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every library module's public API equals its recorded listing ({@code <module>/api/<artifactId>.api}), so every
 * API change shows as a diff of that file in review. With {@code -Dbabyshop.api.update=true} the listings are
 * written instead (see {@link ProjectLayout#UPDATE_COMMAND}).
 */
class PublicApiListingTest {

    @TestFactory
    Stream<DynamicTest> publicApiMatchesTheRecordedListing() {
        Path root = ProjectLayout.root();
        return LibraryModule.all().stream().map(module -> DynamicTest.dynamicTest(module.artifactId(), () -> {
            List<String> computed = ApiListing.of(module, PublicApiListingTest.class.getClassLoader());
            Path file = module.listingFile(root);
            if (ProjectLayout.updateRequested()) {
                ApiBaseline.record(file, computed);
                return;
            }
            ApiDiff diff = ApiBaseline.compare(file, computed);
            if (!diff.isEmpty()) {
                fail(ApiBaseline.failure(module, file, diff));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> listingIsDeterministicAndNamesOnlyExportedPackages() {
        return LibraryModule.all().stream().map(module -> DynamicTest.dynamicTest(module.artifactId(), () -> {
            List<String> first = ApiListing.of(module, PublicApiListingTest.class.getClassLoader());
            List<String> second = ApiListing.of(module, PublicApiListingTest.class.getClassLoader());
            assertThat(second).isEqualTo(first);
            assertThat(module.exportedPackages()).isNotEmpty().noneMatch(p -> p.contains(".internal"));
            assertThat(first).filteredOn(l -> !l.startsWith(" ") && !l.startsWith("#"))
                    .isNotEmpty()
                    .allMatch(l -> module.exportedPackages().stream().anyMatch(p -> headerIsIn(l, p)));
        }));
    }

    private static boolean headerIsIn(String header, String pkg) {
        for (String token : header.split(" ")) {
            int generic = token.indexOf('<');
            String name = generic < 0 ? token : token.substring(0, generic);
            if (name.startsWith(pkg + ".") && name.lastIndexOf('.') == pkg.length()) {
                return true;
            }
        }
        return false;
    }
}
