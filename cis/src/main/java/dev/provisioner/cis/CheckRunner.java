package dev.provisioner.cis;

import java.util.List;

/** Decides one catalogue check on one host (or, for cluster-wide checks, once for the cluster). */
final class CheckRunner {
    private CheckRunner() {}

    static CheckResult onHost(CheckDefinition def, HostContext ctx, List<HostContext> cluster) {
        String host = ctx.host().name();
        KubeComponent component = def.component();
        if (!ctx.runs(component)) {
            List<String> roles = ctx.rolesRequiring(component);
            String unit = ctx.layout().unit(component);
            if (!roles.isEmpty() && def.decidable()) {
                return new CheckResult(host, def.id(), def.title(), def.failing(), unit + " not rendered",
                        component.id() + " runs here (role " + String.join(", ", roles) + ")", "");
            }
            return new CheckResult(host, def.id(), def.title(), Status.NOT_APPLICABLE, "", "",
                    component.id() + " does not run on this host (" + unit + " not rendered)");
        }
        Rule rule = def.rule();
        if (rule instanceof Rule.FileRule r) {
            return FileCheck.run(def, r, ctx);
        }
        if (rule instanceof Rule.TestRule r) {
            return FlagCheck.run(def, r, ctx);
        }
        if (rule instanceof Rule.EncryptionProviders) {
            return EncryptionProviders.run(def, ctx);
        }
        if (rule instanceof Rule.UniqueEtcdCa r) {
            return UniqueEtcdCa.run(def, r, ctx, cluster);
        }
        if (rule instanceof Rule.Manual r) {
            return manual(def, r, ctx);
        }
        return onCluster(def, cluster);
    }

    static CheckResult onCluster(CheckDefinition def, List<HostContext> cluster) {
        Rule rule = def.rule();
        if (rule instanceof Rule.NetworkPolicySupport r) {
            return NetworkPolicySupport.run(def, r, cluster);
        }
        if (rule instanceof Rule.LiveCluster r) {
            return new CheckResult(CheckResult.CLUSTER, def.id(), def.title(), Status.NOT_DECIDABLE, "", "", r.reason());
        }
        if (rule instanceof Rule.Manual r) {
            return new CheckResult(CheckResult.CLUSTER, def.id(), def.title(), Status.MANUAL, "", "", r.reason());
        }
        throw new IllegalStateException("check " + def.id() + " needs a host");
    }

    private static CheckResult manual(CheckDefinition def, Rule.Manual rule, HostContext ctx) {
        String found = "";
        if (rule.showFlag() != null) {
            ServiceView service = ctx.service(def.component());
            found = service.flag(rule.showFlag()).map(v -> rule.showFlag() + "=" + v)
                    .orElse(rule.showFlag() + " not set");
        }
        return new CheckResult(ctx.host().name(), def.id(), def.title(), Status.MANUAL, found, "", rule.reason());
    }
}
