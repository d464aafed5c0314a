package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1.2.28: the EncryptionConfiguration named by {@code --encryption-provider-config} must use aescbc,
 * kms or secretbox. Read two ways, and both must pass: parsed with SnakeYAML, the first provider of
 * every {@code resources[]} entry must be one of them; and kube-bench's own reading (the words on the
 * line after the last {@code providers:} line) must hold too.
 */
final class EncryptionProviders {
    private static final Set<String> STRONG = Set.of("aescbc", "kms", "secretbox");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private EncryptionProviders() {}

    static CheckResult run(CheckDefinition def, HostContext ctx) {
        String expected = "first provider of every resource is one of aescbc, kms, secretbox";
        ServiceView api = ctx.service(KubeComponent.KUBE_APISERVER);
        String host = ctx.host().name();
        var flag = api.flag("--encryption-provider-config");
        if (flag.isEmpty()) {
            return fail(def, host, "--encryption-provider-config not set", expected, "");
        }
        var file = ctx.host().file(flag.get());
        if (file.isEmpty()) {
            return fail(def, host, flag.get() + " not rendered", expected, "");
        }
        ConfigDocument doc = ConfigDocument.parse(flag.get(), file.get().text());
        if (!doc.usable()) {
            return fail(def, host, doc.error(), expected, "");
        }
        List<String> firsts = firstProviders(doc);
        boolean parsedOk = !firsts.isEmpty() && STRONG.containsAll(firsts);
        List<String> kubeBench = kubeBenchReading(file.get().text());
        boolean kubeBenchOk = CompareOp.test("valid_elements", String.join(",", kubeBench), "aescbc,kms,secretbox");
        String found = "first providers " + firsts + " in " + flag.get();
        String note = parsedOk == kubeBenchOk ? "" : "kube-bench's line-based reading sees " + kubeBench
                + " and " + (kubeBenchOk ? "passes" : "fails");
        if (parsedOk && kubeBenchOk) {
            return new CheckResult(host, def.id(), def.title(), Status.PASS, found, expected, note);
        }
        return fail(def, host, found, expected, note);
    }

    private static List<String> firstProviders(ConfigDocument doc) {
        List<String> out = new ArrayList<>();
        if (doc.root() instanceof Map<?, ?> root && root.get("resources") instanceof List<?> resources) {
            for (Object r : resources) {
                if (r instanceof Map<?, ?> res && res.get("providers") instanceof List<?> providers
                        && !providers.isEmpty() && providers.get(0) instanceof Map<?, ?> first && !first.isEmpty()) {
                    out.add(String.valueOf(first.keySet().iterator().next()));
                } else {
                    out.add("(none)");
                }
            }
        }
        return out;
    }

    // grep -A1 'providers:' FILE | tail -n1 | grep -o "[A-Za-z]*"
    private static List<String> kubeBenchReading(String text) {
        List<String> lines = text.lines().toList();
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("providers:")) {
                last = i;
            }
        }
        List<String> words = new ArrayList<>();
        if (last >= 0) {
            Matcher m = WORD.matcher(last + 1 < lines.size() ? lines.get(last + 1) : lines.get(last));
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }

    private static CheckResult fail(CheckDefinition def, String host, String found, String expected, String note) {
        return new CheckResult(host, def.id(), def.title(), def.failing(), found, expected, note);
    }
}
