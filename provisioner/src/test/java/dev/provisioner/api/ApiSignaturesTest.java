package dev.provisioner.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facade is a closed surface: every public or protected signature of the api package (types,
 * methods, constructors, fields, record components, thrown types, nested types) names only JDK types
 * and the api package's own types. What is made of engine types (a customised plan, connections opened
 * another way) is package-private; tests reach it through {@link EngineHooks}.
 */
class ApiSignaturesTest {
    /** Signatures kept for older callers that name other types: none (the list may only stay empty). */
    private static final Set<String> LEGACY = Set.of();

    @Test
    void publicSignaturesNameOnlyJdkAndApiTypes() throws Exception {
        Set<String> found = new TreeSet<>();
        for (Class<?> c : apiClasses()) {
            if (!isVisible(c.getModifiers())) {
                continue;
            }
            check(c.getSimpleName(), c.getGenericSuperclass(), found, c);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getSimpleName(), t, found, c);
            }
            for (Field f : c.getDeclaredFields()) {
                if (isVisible(f.getModifiers())) {
                    check(f.getName(), f.getGenericType(), found, c);
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            members.addAll(List.of(c.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!isVisible(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                String name = m instanceof Constructor<?> ? "<init>" : m.getName();
                if (m instanceof Method method) {
                    check(name, method.getGenericReturnType(), found, c);
                }
                for (Type t : m.getGenericParameterTypes()) {
                    check(name, t, found, c);
                }
                for (Type t : m.getGenericExceptionTypes()) {
                    check(name, t, found, c);
                }
            }
        }
        assertThat(found).as("non-JDK, non-api types in api signatures").isSubsetOf(LEGACY).isEmpty();
    }

    @Test
    void theCheckSeesTypesInsideGenerics() {
        Set<String> found = new TreeSet<>();
        check("m", new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {dev.provisioner.inventory.Host.class};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        }, found, Provisioner.class);
        assertThat(found).containsExactly("Provisioner#m -> dev.provisioner.inventory.Host");
    }

    private static void check(String member, Type type, Set<String> found, Class<?> owner) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive()) {
                return;
            }
            String pkg = c.getPackageName();
            if (!pkg.startsWith("java.") && !pkg.startsWith("javax.") && !pkg.equals("dev.provisioner.api")) {
                found.add(owner.getName().substring("dev.provisioner.api.".length()) + "#" + member + " -> " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(member, p.getRawType(), found, owner);
            for (Type a : p.getActualTypeArguments()) {
                check(member, a, found, owner);
            }
        } else if (type instanceof GenericArrayType g) {
            check(member, g.getGenericComponentType(), found, owner);
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(member, b, found, owner);
            }
            for (Type b : w.getLowerBounds()) {
                check(member, b, found, owner);
            }
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(member, b, found, owner);
            }
        }
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Every class of the api package, nested ones too, from its sources' names. */
    private static List<Class<?>> apiClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/main/java/dev/provisioner/api"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                String name = f.getFileName().toString().replace(".java", "");
                addWithNested(Class.forName("dev.provisioner.api." + name), out);
            }
        }
        return out;
    }

    private static void addWithNested(Class<?> c, List<Class<?>> out) {
        out.add(c);
        for (Class<?> n : c.getDeclaredClasses()) {
            addWithNested(n, out);
        }
    }
}
