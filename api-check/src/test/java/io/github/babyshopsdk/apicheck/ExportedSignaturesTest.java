package io.github.babyshopsdk.apicheck;

import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No type of the SDK that a user cannot name is reachable from an exported signature: for every accessible type
 * of an exported package of the five library modules, each SDK type ({@code io.github.babyshopsdk..}) named by its
 * superclass, interfaces, type parameter bounds, and its public/protected fields, constructors and methods
 * (return, parameters, throws, type parameters, generic type arguments included) is itself accessible and in an
 * exported package of its module.
 *
 * <p>The one exception by design: the public nested {@code X.Builder} of a value type extends the generated,
 * non-public {@code ImmutableX.Builder}; that superclass is not a leak, but the public methods the builder
 * inherits from it are checked as the builder's own.
 */
class ExportedSignaturesTest {
    private static final String SDK = "io.github.babyshopsdk.";

    /**
     * Leaks accepted on purpose, each a line of the failure ({@code member -> type}); none today. The test also
     * fails when an entry here no longer leaks, so the list cannot go stale.
     */
    private static final Set<String> KNOWN_LEAKS = Set.of();

    private static List<LibraryModule> modules;
    private static JavaClasses classes;

    @BeforeAll
    static void importModules() {
        modules = LibraryModule.all();
        List<Location> locations = new ArrayList<>();
        for (LibraryModule module : modules) {
            if (Files.isDirectory(module.location())) {
                locations.add(Location.of(module.location()));
            } else {
                try (JarFile jar = new JarFile(module.location().toFile())) {
                    locations.add(Location.of(jar));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        classes = new ClassFileImporter().importLocations(locations);
    }

    @Test
    void exportedSignaturesNameOnlyExportedSdkTypes() {
        Set<String> leaks = leaks();
        Set<String> unexpected = new TreeSet<>(leaks);
        unexpected.removeAll(KNOWN_LEAKS);
        Set<String> fixed = new TreeSet<>(KNOWN_LEAKS);
        fixed.removeAll(leaks);
        if (!unexpected.isEmpty() || !fixed.isEmpty()) {
            fail("Exported signatures name SDK types a user cannot name (not public, or in a package the module"
                    + " does not export): " + unexpected.size() + "\n  " + String.join("\n  ", unexpected)
                    + (fixed.isEmpty() ? "" : "\nFixed, remove from KNOWN_LEAKS:\n  " + String.join("\n  ", fixed))
                    + "\n");
        }
    }

    @Test
    void theCheckSeesEveryExportedPackage() {
        Set<String> seen = new TreeSet<>();
        for (JavaClass c : classes) {
            if (isApi(c)) {
                seen.add(c.getPackageName());
            }
        }
        Set<String> exported = new TreeSet<>();
        modules.forEach(m -> exported.addAll(m.exportedPackages()));
        if (!seen.equals(exported)) {
            fail("exported packages " + exported + " but API types found in " + seen);
        }
    }

    /** Every {@code member -> type} where an API type's signature names an SDK type that is not API. */
    static Set<String> leaks() {
        Set<String> leaks = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!isApi(c)) {
                continue;
            }
            Optional<JavaType> superclass = c.getSuperclass();
            if (superclass.isPresent() && !isGeneratedBuilderBase(c)) {
                check(leaks, c.getName() + " extends", superclass.get());
            }
            for (JavaType i : c.getInterfaces()) {
                check(leaks, c.getName() + " implements", i);
            }
            for (JavaTypeVariable<?> v : c.getTypeParameters()) {
                check(leaks, c.getName() + " <" + v.getName() + ">", v.getUpperBounds());
            }
            for (JavaField f : c.getFields()) {
                if (isVisible(f)) {
                    check(leaks, c.getName() + "." + f.getName(), f.getType());
                }
            }
            Set<String> seen = new HashSet<>();
            for (JavaClass owner = c; owner != null; owner = nonApiSuperclass(owner)) {
                for (JavaCodeUnit unit : owner.getCodeUnits()) {
                    if (!isVisible(unit) || unit.getModifiers().contains(JavaModifier.BRIDGE)
                            || (owner != c && unit.isConstructor())
                            || !seen.add(unit.getName() + unit.getRawParameterTypes())) {
                        continue;
                    }
                    String where = c.getName() + "." + unit.getName() + "(" + String.join(", ",
                            unit.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList()) + ")";
                    check(leaks, where + " returns", unit.getReturnType());
                    check(leaks, where + " parameter", unit.getParameterTypes());
                    check(leaks, where + " throws", new ArrayList<>(unit.getThrowsClause().getTypes()));
                    for (JavaTypeVariable<?> v : unit.getTypeParameters()) {
                        check(leaks, where + " <" + v.getName() + ">", v.getUpperBounds());
                    }
                }
            }
        }
        return leaks;
    }

    /** The superclass whose public methods {@code c} offers as its own: a non-API SDK class, else null. */
    private static JavaClass nonApiSuperclass(JavaClass c) {
        Optional<JavaClass> next = c.getRawSuperclass();
        return next.isPresent() && next.get().getName().startsWith(SDK) && !isApi(next.get()) ? next.get() : null;
    }

    /**
     * The allowed exception: a public nested {@code X.Builder} extending the non-public {@code ImmutableX.Builder}
     * that Immutables generates next to {@code X}.
     */
    private static boolean isGeneratedBuilderBase(JavaClass c) {
        Optional<JavaClass> outer = c.getEnclosingClass();
        Optional<JavaClass> base = c.getRawSuperclass();
        return outer.isPresent() && base.isPresent() && c.getSimpleName().equals("Builder")
                && base.get().getName().equals(
                        c.getPackageName() + ".Immutable" + outer.get().getSimpleName() + "$Builder");
    }

    private static void check(Set<String> leaks, String where, Collection<? extends JavaType> types) {
        for (JavaType t : types) {
            check(leaks, where, t);
        }
    }

    private static void check(Set<String> leaks, String where, JavaType type) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            JavaClass named = raw.getBaseComponentType();
            if (named.getName().startsWith(SDK) && !isApi(named)) {
                leaks.add(where + " -> " + named.getName());
            }
        }
    }

    private static boolean isVisible(JavaMember member) {
        Set<JavaModifier> mods = member.getModifiers();
        return !mods.contains(JavaModifier.SYNTHETIC)
                && (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED));
    }

    /** Accessible (as {@link ApiListing#isAccessible}) and in a package its module exports. */
    private static boolean isApi(JavaClass c) {
        String pkg = c.getPackageName();
        boolean exported = modules.stream().anyMatch(m -> m.exportedPackages().contains(pkg));
        if (!exported) {
            return false;
        }
        try {
            return ApiListing.isAccessible(Class.forName(c.getName(), false,
                    ExportedSignaturesTest.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
