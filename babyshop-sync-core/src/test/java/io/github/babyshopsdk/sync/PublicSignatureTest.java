package io.github.babyshopsdk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.babyshopsdk.sync.internal.InternalFixtures;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public signatures of the packages the module descriptor exports name no type of an {@code internal}
 * package and no type a user cannot name: interfaces, type-parameter bounds, and the parameter, return, field
 * and {@code throws} types of public and protected members (inherited public ones included), generic arguments
 * included; a superclass must not be internal (it may be package-private, as the Immutables builders'). Reads
 * the exported packages from {@code src/main/module/module-info.java}, so a newly exported package is checked
 * too. (A copy of this test sits in each library module: sync-jdbc and micrometer have no test dependency that
 * could share it.)
 */
class PublicSignatureTest {
    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void exportedSignaturesNameNoInternalOrInaccessibleType() throws Exception {
        Set<String> exported = exportedPackages();
        assertThat(exported).isNotEmpty();
        List<Class<?>> types = publicTypes(exported);
        assertThat(types).hasSizeGreaterThan(exported.size());
        assertThat(leaks(types)).as("public signatures of the exported packages %s", exported).isEmpty();
    }

    /** The check itself finds an internal type however deep it hides, and a type users cannot name. */
    @Test
    void findsAnInternalTypeInAGenericArgumentAThrowsClauseAndABound() {
        assertThat(leaks(List.of(Fixtures.InGenericArgument.class, Fixtures.InThrows.class, Fixtures.InBound.class,
                Fixtures.Extending.class, Fixtures.Inaccessible.class, Fixtures.Clean.class)))
                .containsExactlyInAnyOrder(
                Fixtures.Extending.class.getName() + " extends " + InternalFixtures.Base.class.getName(),
                Fixtures.InBound.class.getName() + " -> " + InternalFixtures.Base.class.getName(),
                Fixtures.InGenericArgument.class.getName() + " -> " + InternalFixtures.Base.class.getName(),
                Fixtures.InThrows.class.getName() + " -> " + InternalFixtures.Failure.class.getName(),
                Fixtures.Inaccessible.class.getName() + " -> " + Fixtures.Hidden.class.getName());
    }

    /** Each public/protected reference of {@code types} to an internal or inaccessible type, as "type -> used". */
    private static Set<String> leaks(List<Class<?>> types) {
        Set<String> leaks = new TreeSet<>();
        for (Class<?> type : types) {
            if (type.getGenericSuperclass() != null) {
                // a public class may extend a package-private one (the Immutables builders do); its public
                // members are checked as the type's own below
                rawTypes(type.getGenericSuperclass(), new HashSet<>()).stream().filter(PublicSignatureTest::internal)
                        .forEach(named -> leaks.add(type.getName() + " extends " + named.getName()));
            }
            for (Type used : signature(type)) {
                for (Class<?> named : rawTypes(used, new HashSet<>())) {
                    if (internal(named) || !effectivelyPublic(named)) {
                        leaks.add(type.getName() + " -> " + named.getName());
                    }
                }
            }
        }
        return leaks;
    }

    private static Set<String> exportedPackages() throws IOException {
        String descriptor = Files.readString(Path.of("src/main/module/module-info.java"));
        Set<String> packages = new TreeSet<>();
        Matcher m = EXPORTS.matcher(descriptor);
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    private static List<Class<?>> publicTypes(Set<String> packages) throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path classes = Path.of(SyncEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            }
            for (Path file : files) {
                String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
                if (simple.equals("module-info") || simple.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(pkg + "." + simple, false, PublicSignatureTest.class.getClassLoader());
                if (effectivelyPublic(type) && !type.isSynthetic()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static boolean internal(Class<?> type) {
        return type.getPackageName().matches(".*\\.internal(\\..*)?");
    }

    private static boolean effectivelyPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isArray()) {
                return effectivelyPublic(t.getComponentType());
            }
            if (!t.isPrimitive() && !Modifier.isPublic(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every type a user sees in {@code type}'s declaration (but its superclass) and in its public and protected
     * members, inherited public members included (a public method of a package-private superclass is callable
     * through {@code type}).
     */
    private static List<Type> signature(Class<?> type) {
        List<Type> used = new ArrayList<>(List.of(type.getGenericInterfaces()));
        used.addAll(List.of(type.getTypeParameters()));
        Set<Field> fields = new HashSet<>(List.of(type.getFields()));
        fields.addAll(List.of(type.getDeclaredFields()));
        for (Field f : fields) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                used.add(f.getGenericType());
            }
        }
        Set<Executable> members = new HashSet<>(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getMethods()));
        members.addAll(List.of(type.getDeclaredMethods()));
        for (Executable e : members) {
            if (!visible(e.getModifiers()) || e.isSynthetic() || e instanceof Method m && m.isBridge()) {
                continue;
            }
            if (e instanceof Method m) {
                used.add(m.getGenericReturnType());
            }
            used.addAll(List.of(e.getGenericParameterTypes()));
            used.addAll(List.of(e.getGenericExceptionTypes()));
            used.addAll(List.of(e.getTypeParameters()));
        }
        return used;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static Set<Class<?>> rawTypes(Type type, Set<Type> seen) {
        Set<Class<?>> raw = new HashSet<>();
        if (!seen.add(type)) {
            return raw;
        }
        if (type instanceof Class<?> c) {
            raw.add(c.isArray() ? c.getComponentType() : c);
        } else if (type instanceof ParameterizedType p) {
            raw.addAll(rawTypes(p.getRawType(), seen));
            if (p.getOwnerType() != null) {
                raw.addAll(rawTypes(p.getOwnerType(), seen));
            }
            for (Type arg : p.getActualTypeArguments()) {
                raw.addAll(rawTypes(arg, seen));
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                raw.addAll(rawTypes(bound, seen));
            }
            for (Type bound : w.getLowerBounds()) {
                raw.addAll(rawTypes(bound, seen));
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                raw.addAll(rawTypes(bound, seen));
            }
        } else if (type instanceof GenericArrayType a) {
            raw.addAll(rawTypes(a.getGenericComponentType(), seen));
        }
        return raw;
    }

    /** Types with one leak each (and one without), for the self-check; never part of a scan of main classes. */
    @SuppressWarnings("unused")
    public static final class Fixtures {
        private Fixtures() {
        }

        public interface InGenericArgument {
            java.util.Map<String, List<? extends InternalFixtures.Base>> contexts();
        }

        public interface InThrows {
            void run() throws InternalFixtures.Failure;
        }

        public interface InBound {
            <T extends InternalFixtures.Base> void accept(T context);
        }

        public abstract static class Extending extends InternalFixtures.Base {
        }

        public interface Inaccessible {
            Hidden hidden();
        }

        interface Hidden {
        }

        public abstract static class Clean {
            protected abstract List<Optional<String>> names();

            abstract Hidden packagePrivateMayUseAnything();
        }
    }
}
