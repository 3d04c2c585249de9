package io.github.babyshopsdk.apicheck;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public API of one library module as a deterministic, sorted, line-based listing: every accessible type
 * of an exported package (a header line) followed by its public and protected members (indented lines).
 *
 * <p>A type is accessible when it is public and top-level in an exported package, or public/protected and
 * nested in an accessible type. Members: constructors, methods (generic signature and throws), fields (with the
 * value of a static final primitive or string), enum constants and annotation members (with defaults). Public
 * methods a type inherits from a non-public superclass (such as the generated {@code ImmutableX.Builder} under
 * a public {@code X.Builder}) are listed as members of the type. Synthetic and bridge members are skipped.
 *
 * <p>Stateless and thread-safe. Reading a constant's value initialises its class.
 */
final class ApiListing {
    private ApiListing() {
    }

    /**
     * The listing of {@code module}, its classes loaded (without initialisation) from {@code loader}.
     *
     * @param module the module (its exported packages and class files)
     * @param loader a class loader that loads the module's classes from {@code module.location()}
     * @return the lines, each without a line break, types sorted by binary name and members sorted within
     * @throws IllegalStateException when a class of an exported package cannot be loaded
     */
    static List<String> of(LibraryModule module, ClassLoader loader) {
        Set<String> exported = module.exportedPackages();
        List<String> lines = new ArrayList<>();
        lines.add("# public API of " + module.artifactId() + " (module " + module.moduleName() + ")");
        lines.add("# exports " + String.join(", ", exported));
        for (String name : module.classNames(exported)) {
            Class<?> type = load(name, loader);
            if (!isAccessible(type)) {
                continue;
            }
            lines.add(header(type, module));
            lines.addAll(members(type, module));
        }
        return lines;
    }

    /**
     * Whether {@code type} can be named from outside its package: public top-level, or public/protected nested
     * in an accessible type (local, anonymous and synthetic classes never are).
     *
     * @param type the class
     * @return true when it is part of its package's API
     */
    static boolean isAccessible(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        int mods = type.getModifiers();
        Class<?> outer = type.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(mods);
        }
        return (Modifier.isPublic(mods) || Modifier.isProtected(mods)) && isAccessible(outer);
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }

    /**
     * Whether {@code type} is named in the listing: accessible and, when it belongs to {@code module}, in an
     * exported package. A superclass that is not (such as a generated {@code ImmutableX$Builder}) is hidden: its
     * public methods are listed as members of its API subclass.
     */
    private static boolean isApi(Class<?> type, LibraryModule module) {
        return isAccessible(type) && (!module.packages().contains(type.getPackageName())
                || module.exportedPackages().contains(type.getPackageName()));
    }

    private static String header(Class<?> type, LibraryModule module) {
        StringBuilder line = new StringBuilder();
        int mods = type.getModifiers();
        line.append(Modifier.isPublic(mods) ? "public " : "protected ");
        if (Modifier.isStatic(mods) && type.getDeclaringClass() != null && !type.isInterface() && !type.isEnum()
                && !type.isRecord() && !type.getDeclaringClass().isInterface()) {
            line.append("static ");
        }
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
        } else if (type.isInterface()) {
            kind = "interface";
        } else if (type.isEnum()) {
            kind = "enum";
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
            if (Modifier.isAbstract(mods)) {
                line.append("abstract ");
            }
            if (Modifier.isFinal(mods)) {
                line.append("final ");
            }
        }
        if (type.isSealed()) {
            line.append("sealed ");
        }
        line.append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        while (superclass != null && !isApi(raw(superclass), module)) {
            superclass = raw(superclass).getGenericSuperclass();
        }
        if (kind.equals("class") && superclass != null && superclass != Object.class) {
            line.append(" extends ").append(name(superclass));
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces())
                .filter(i -> !(type.isAnnotation() && i == java.lang.annotation.Annotation.class))
                .map(ApiListing::name)
                .collect(Collectors.toList());
        if (!interfaces.isEmpty()) {
            line.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed()) {
            line.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static List<String> members(Class<?> type, LibraryModule module) {
        List<String> lines = new ArrayList<>();
        if (!type.isInterface()) {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c) && !(type.isEnum())) {
                    lines.add("  constructor " + modifiers(c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED))
                            + typeParameters(c.getTypeParameters()) + simpleName(type) + parameters(c) + exceptions(c));
                }
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (!visible(f)) {
                continue;
            }
            if (f.isEnumConstant()) {
                lines.add("  enum-constant " + f.getName());
                continue;
            }
            int mods = f.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL);
            lines.add("  field " + modifiers(mods) + name(f.getGenericType()) + " " + f.getName() + constant(f));
        }
        for (Method m : methods(type, module).values()) {
            if (type.isAnnotation()) {
                Object def = m.getDefaultValue();
                lines.add("  annotation-member " + name(m.getGenericReturnType()) + " " + m.getName() + "()"
                        + (def == null ? "" : " default " + literal(def)));
                continue;
            }
            int mods = m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                    | Modifier.ABSTRACT);
            String prefix = modifiers(mods) + (m.isDefault() ? "default " : "");
            lines.add("  method " + prefix + typeParameters(m.getTypeParameters()) + withSpace(m.getTypeParameters())
                    + name(m.getGenericReturnType()) + " " + m.getName() + parameters(m) + exceptions(m));
        }
        lines.sort(null);
        return lines;
    }

    /**
     * The public/protected methods of {@code type}: declared ones, and those inherited from its non-public
     * superclasses (not overridden), keyed by name and erased parameters.
     */
    private static Map<String, Method> methods(Class<?> type, LibraryModule module) {
        Map<String, Method> byKey = new LinkedHashMap<>();
        Class<?> owner = type;
        while (owner != null) {
            for (Method m : owner.getDeclaredMethods()) {
                if (!visible(m) || m.isBridge()) {
                    continue;
                }
                String key = m.getName() + Arrays.toString(m.getParameterTypes());
                byKey.putIfAbsent(key, m);
            }
            Class<?> next = owner.getSuperclass();
            owner = next != null && !isApi(next, module) ? next : null;
        }
        return byKey;
    }

    private static boolean visible(Member member) {
        int mods = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(mods) || Modifier.isProtected(mods));
    }

    private static String modifiers(int mods) {
        String text = Modifier.toString(mods);
        return text.isEmpty() ? "" : text + " ";
    }

    private static String withSpace(TypeVariable<?>[] parameters) {
        return parameters.length == 0 ? "" : " ";
    }

    private static String simpleName(Class<?> type) {
        return type.getSimpleName();
    }

    private static String parameters(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        if (types.length != e.getParameterCount()) {
            // inner-class constructors and enum constructors may drop synthetic parameters from the generic form
            types = e.getParameterTypes();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String n = name(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
                n = n.substring(0, n.length() - 2) + "...";
            }
            names.add(n);
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String exceptions(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return " throws " + Arrays.stream(thrown).map(ApiListing::name).sorted().collect(Collectors.joining(", "));
    }

    private static String typeParameters(TypeVariable<?>[] parameters) {
        if (parameters.length == 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (TypeVariable<?> p : parameters) {
            List<String> bounds = Arrays.stream(p.getBounds()).filter(b -> b != Object.class)
                    .map(ApiListing::name).collect(Collectors.toList());
            names.add(bounds.isEmpty() ? p.getName() : p.getName() + " extends " + String.join(" & ", bounds));
        }
        return "<" + String.join(", ", names) + ">";
    }

    /** A type as written in a signature: binary names for classes, generics kept. */
    static String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? name(c.getComponentType()) + "[]" : c.getName();
        }
        if (type instanceof ParameterizedType p) {
            String raw = name(p.getRawType());
            String args = Arrays.stream(p.getActualTypeArguments()).map(ApiListing::name)
                    .collect(Collectors.joining(", "));
            return raw + "<" + args + ">";
        }
        if (type instanceof GenericArrayType a) {
            return name(a.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + Arrays.stream(w.getLowerBounds()).map(ApiListing::name)
                        .collect(Collectors.joining(" & "));
            }
            List<String> upper = Arrays.stream(w.getUpperBounds()).filter(b -> b != Object.class)
                    .map(ApiListing::name).collect(Collectors.toList());
            return upper.isEmpty() ? "?" : "? extends " + String.join(" & ", upper);
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        return type.getTypeName();
    }

    private static String constant(Field f) {
        int mods = f.getModifiers();
        Class<?> t = f.getType();
        if (!Modifier.isStatic(mods) || !Modifier.isFinal(mods) || !(t.isPrimitive() || t == String.class)) {
            return "";
        }
        try {
            f.setAccessible(true);
            return " = " + literal(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "";
        }
    }

    private static String literal(Object value) {
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Character c) {
            return String.format("'\\u%04x'", (int) c);
        }
        if (value instanceof Class<?> c) {
            return c.getName() + ".class";
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getName() + "." + e.name();
        }
        if (value != null && value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                items.add(literal(java.lang.reflect.Array.get(value, i)));
            }
            return "{" + String.join(", ", items) + "}";
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Float fl) {
            return fl + "f";
        }
        return String.valueOf(value);
    }
}
