package dev.provisioner.cis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 5.3.1 (manual in kube-bench): whether the CNI in use supports NetworkPolicy, decided from the
 * rendered CNI configuration of every host. Flannel alone does not enforce NetworkPolicy.
 */
final class NetworkPolicySupport {
    private static final Set<String> ENFORCING = Set.of("calico", "cilium", "cilium-cni", "antrea", "weave-net",
            "kube-router", "canal");

    private NetworkPolicySupport() {}

    static CheckResult run(CheckDefinition def, Rule.NetworkPolicySupport rule, List<HostContext> cluster) {
        Set<String> types = new TreeSet<>();
        for (HostContext ctx : cluster) {
            for (RenderedFile f : ctx.host().under(ctx.layout().cniConfDir())) {
                if (!f.directory() && (f.path().endsWith(".conflist") || f.path().endsWith(".conf"))) {
                    types.addAll(pluginTypes(f));
                }
            }
        }
        String found;
        if (types.isEmpty()) {
            found = "no CNI configuration rendered";
        } else if (types.stream().anyMatch(ENFORCING::contains)) {
            found = "CNI plugins " + types + " include a NetworkPolicy implementation";
        } else {
            found = "CNI plugins " + types + " do not enforce NetworkPolicy (flannel alone does not);"
                    + " add a policy engine such as Calico (Canal) or Cilium";
        }
        return new CheckResult(CheckResult.CLUSTER, def.id(), def.title(), Status.MANUAL, found, "", rule.reason());
    }

    private static Set<String> pluginTypes(RenderedFile f) {
        Set<String> types = new TreeSet<>();
        try {
            if (YamlDocs.load(f.text()) instanceof Map<?, ?> conf) {
                if (conf.get("type") != null) {
                    types.add(String.valueOf(conf.get("type")));
                }
                if (conf.get("plugins") instanceof List<?> plugins) {
                    for (Object p : plugins) {
                        if (p instanceof Map<?, ?> plugin && plugin.get("type") != null) {
                            types.add(String.valueOf(plugin.get("type")));
                        }
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            types.add("(unparseable " + f.path() + ")");
        }
        return types;
    }
}
