package io.github.babyshopsdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exported packages (as src/main/module/module-info.java lists them) name no type of a
 * {@code client.internal*} package in any signature a user can reach: supertypes, type parameter bounds,
 * public and protected fields, constructors and methods (inherited public methods included), generic
 * arguments and thrown types. And every public type there has a javadoc comment.
 */
class ExportedApiHidesInternalsTest {
    private static final String INTERNAL = "io.github.babyshopsdk.client.internal";
    private static final Pattern EXPORTS = Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static List<String> exported;
    private static List<Class<?>> apiTypes;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException, ClassNotFoundException {
        exported = new ArrayList<>();
        Matcher m = EXPORTS.matcher(Files.readString(Path.of("src/main/module/module-info.java")));
        while (m.find()) {
            exported.add(m.group(1));
        }
        Path classes = Path.of(BabyshopClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        apiTypes = new ArrayList<>();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
            }
            for (Path file : files) {
                String name = pkg + "." + file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(name, false, ExportedApiHidesInternalsTest.class.getClassLoader());
                if (reachable(type)) {
                    apiTypes.add(type);
                }
            }
        }
    }

    /** Whether code outside the package can name {@code type}: public or protected all the way out. */
    private static boolean reachable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()
                    || (c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        return !member.isSynthetic() && (member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
    }

    @Test
    void theScanSeesTheExportedPackagesAndTheirTypes() {
        assertThat(exported).contains("io.github.babyshopsdk.client", "io.github.babyshopsdk.client.orders")
                .noneMatch(pkg -> pkg.startsWith(INTERNAL));
        assertThat(apiTypes).contains(BabyshopClient.class, Pages.class,
                io.github.babyshopsdk.client.orders.OrderService.class,
                io.github.babyshopsdk.client.error.BabyshopException.class);
    }

    @Test
    void noExportedSignatureNamesAnInternalType() {
        Set<String> leaks = new TreeSet<>();
        for (Class<?> type : apiTypes) {
            String where = type.getName();
            check(leaks, where + " extends", type.getGenericSuperclass());
            for (Type iface : type.getGenericInterfaces()) {
                check(leaks, where + " implements", iface);
            }
            for (TypeVariable<?> variable : type.getTypeParameters()) {
                check(leaks, where + "<" + variable.getName() + ">", variable);
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field)) {
                    check(leaks, where + "." + field.getName(), field.getGenericType());
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor)) {
                    checkExecutable(leaks, where + ".<init>", constructor);
                }
            }
            Set<Method> methods = new HashSet<>(List.of(type.getMethods()));
            methods.addAll(List.of(type.getDeclaredMethods()));
            for (Method method : methods) {
                if (visible(method) && !method.isBridge()) {
                    check(leaks, where + "." + method.getName() + " returns", method.getGenericReturnType());
                    checkExecutable(leaks, where + "." + method.getName(), method);
                }
            }
        }
        assertThat(leaks).as("exported signatures naming %s* types", INTERNAL).isEmpty();
    }

    private static void checkExecutable(Set<String> leaks, String where, Executable executable) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(leaks, where + " takes", parameter);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(leaks, where + " throws", thrown);
        }
        for (TypeVariable<?> variable : executable.getTypeParameters()) {
            check(leaks, where + " <" + variable.getName() + ">", variable);
        }
    }

    private static void check(Set<String> leaks, String where, Type type) {
        walk(type, new HashSet<>(), found -> leaks.add(where + " " + found));
    }

    private static void walk(Type type, Set<Type> seen, java.util.function.Consumer<String> leak) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            if (base.getName().startsWith(INTERNAL + ".") || base.getPackageName().equals(INTERNAL)) {
                leak.accept(base.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            walk(p.getRawType(), seen, leak);
            walk(p.getOwnerType(), seen, leak);
            for (Type argument : p.getActualTypeArguments()) {
                walk(argument, seen, leak);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                walk(bound, seen, leak);
            }
            for (Type bound : w.getLowerBounds()) {
                walk(bound, seen, leak);
            }
        } else if (type instanceof GenericArrayType a) {
            walk(a.getGenericComponentType(), seen, leak);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                walk(bound, seen, leak);
            }
        }
    }

    @Test
    void everyExportedTypeHasAJavadocComment() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (Class<?> type : apiTypes) {
            Class<?> top = type;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            Path source = Path.of("src/main/java", top.getName().replace('.', '/') + ".java");
            if (!Files.exists(source)) {
                continue; // generated by Immutables; such types are package-private and not scanned anyway
            }
            if (!documented(Files.readAllLines(source), type.getSimpleName())) {
                undocumented.add(type.getName());
            }
        }
        assertThat(undocumented).as("public types without a javadoc comment").isEmpty();
    }

    /** Whether the declaration of {@code simpleName} is preceded (past annotations) by a javadoc block. */
    private static boolean documented(List<String> lines, String simpleName) {
        Pattern declaration = Pattern.compile(
                "^\\s*(?:[\\w-]+\\s+)*(?:class|interface|enum|record|@interface)\\s+" + simpleName + "\\b");
        for (int i = 0; i < lines.size(); i++) {
            if (!declaration.matcher(lines.get(i)).find()) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && (lines.get(j).isBlank() || lines.get(j).trim().startsWith("@"))) {
                j--;
            }
            if (j < 0 || !lines.get(j).trim().endsWith("*/")) {
                return false;
            }
            while (j >= 0 && !lines.get(j).contains("/*")) {
                j--;
            }
            return j >= 0 && lines.get(j).contains("/**");
        }
        return false;
    }
}
