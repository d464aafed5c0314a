package dev.provisioner.cis;


import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the built-in catalogue, {@code dev/provisioner/cis/checks.yaml}, into definitions. */
final class CheckCatalogue {
    private static final String RESOURCE = "checks.yaml";

    private CheckCatalogue() {}

    /** Every check of the benchmark, in benchmark order. */
    static List<CheckDefinition> builtIn() {
        try (InputStream in = CheckCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CisCatalogueException("CIS check catalogue " + RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CisCatalogueException("cannot read the CIS check catalogue: " + e.getMessage(), e);
        }
    }

    static List<CheckDefinition> parse(String text) {
        Map<?, ?> root = (Map<?, ?>) YamlDocs.load(text);
        List<CheckDefinition> out = new ArrayList<>();
        for (Object o : (List<?>) root.get("checks")) {
            Map<?, ?> c = (Map<?, ?>) o;
            try {
                out.add(definition(c));
            } catch (RuntimeException e) {
                throw new CisCatalogueException("CIS catalogue entry " + c.get("id") + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static CheckDefinition definition(Map<?, ?> c) {
        String componentName = str(c, "component");
        KubeComponent component = "cluster".equals(componentName) ? null : KubeComponent.of(componentName);
        return new CheckDefinition(str(c, "id"), str(c, "title"), str(c, "group"), component,
                Boolean.TRUE.equals(c.get("scored")), Boolean.TRUE.equals(c.get("manual")), str(c, "offline"),
                rule(c));
    }

    private static Rule rule(Map<?, ?> c) {
        String special = str(c, "special");
        String skip = str(c, "skip");
        if ("cni-network-policy".equals(special)) {
            return new Rule.NetworkPolicySupport(str(c, "reason"));
        }
        if ("manual".equals(skip)) {
            return new Rule.Manual(str(c, "reason"), str(c, "show"));
        }
        if ("cluster".equals(skip)) {
            return new Rule.LiveCluster(str(c, "reason"));
        }
        if ("encryption-providers".equals(special)) {
            return new Rule.EncryptionProviders();
        }
        if (c.get("file") instanceof Map<?, ?> f) {
            String mode = str(f, "mode");
            return new Rule.FileRule(FileTarget.of(str(f, "target")), mode == null ? null : Integer.parseInt(mode, 8),
                    str(f, "owner"), Boolean.TRUE.equals(f.get("optional")));
        }
        Map<?, ?> tests = (Map<?, ?>) c.get("tests");
        if (tests == null) {
            throw new IllegalArgumentException("no rule");
        }
        List<TestItem> items = new ArrayList<>();
        for (Object o : (List<?>) tests.get("items")) {
            Map<?, ?> i = (Map<?, ?>) o;
            items.add(new TestItem(str(i, "flag"), str(i, "path"), str(i, "env"), !Boolean.FALSE.equals(i.get("set")),
                    str(i, "op"), str(i, "value")));
        }
        Rule.TestRule rule = new Rule.TestRule("or".equals(str(tests, "op")), items, Boolean.TRUE.equals(c.get("config")));
        return "etcd-unique-ca".equals(special) ? new Rule.UniqueEtcdCa(rule) : rule;
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
