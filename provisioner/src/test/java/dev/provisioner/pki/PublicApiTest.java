package dev.provisioner.pki;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** No BouncyCastle type appears in a public signature of the pki package; the library holds no static mutable state. */
class PublicApiTest {

    @Test
    void publicSignaturesUseOnlyJdkAndProjectTypes() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : packageClasses()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    check(leaks, c + "." + m.getName(), m.getGenericReturnType());
                    for (Type t : m.getGenericParameterTypes()) {
                        check(leaks, c + "." + m.getName(), t);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(leaks, c + ".<init>", t);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    check(leaks, c + "." + f.getName(), f.getGenericType());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void staticFieldsAreFinalConstants() throws Exception {
        for (Class<?> c : packageClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && !f.isSynthetic() && !c.isEnum()) {
                    assertThat(Modifier.isFinal(f.getModifiers())).as(c.getSimpleName() + "." + f.getName()).isTrue();
                }
            }
        }
    }

    private static void check(List<String> leaks, String where, Type type) {
        String name = type.getTypeName();
        if (name.contains("org.bouncycastle")) {
            leaks.add(where + ": " + name);
        }
    }

    private static List<Class<?>> packageClasses() throws URISyntaxException, IOException, ClassNotFoundException {
        Path dir = Path.of(ClusterPki.class.getResource("ClusterPki.class").toURI()).getParent();
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = p.getFileName().toString().replace(".class", "");
                out.add(Class.forName(ClusterPki.class.getPackageName() + "." + simple));
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }
}
