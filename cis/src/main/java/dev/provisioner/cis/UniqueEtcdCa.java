package dev.provisioner.cis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 2.7: kube-bench only tests that etcd has a trusted CA ({@code --trusted-ca-file} or
 * {@code ETCD_TRUSTED_CA_FILE}); offline we also decide the point of the check: that CA must not be
 * the Kubernetes client CA. It fails when the path equals the API server's {@code --client-ca-file} on
 * the same host, or when its rendered content equals any API server's client CA in the cluster.
 */
final class UniqueEtcdCa {
    private UniqueEtcdCa() {}

    static CheckResult run(CheckDefinition def, Rule.UniqueEtcdCa rule, HostContext ctx, List<HostContext> cluster) {
        String host = ctx.host().name();
        String expected = TestEvaluation.expected(rule.presence()) + ", and a CA other than the Kubernetes client CA";
        FlagCheck.Decision presence = FlagCheck.decide(KubeComponent.ETCD, rule.presence(), ctx);
        if (!presence.pass()) {
            return new CheckResult(host, def.id(), def.title(), def.failing(), presence.found(), expected, presence.note());
        }
        ServiceView etcd = ctx.service(KubeComponent.ETCD);
        String caPath = etcd.flag("--trusted-ca-file")
                .orElseGet(() -> etcd.env().getOrDefault("ETCD_TRUSTED_CA_FILE", ""));
        Optional<RenderedFile> caFile = ctx.host().file(caPath);
        for (HostContext other : cluster) {
            if (!other.runs(KubeComponent.KUBE_APISERVER)) {
                continue;
            }
            Optional<String> clientCa = other.service(KubeComponent.KUBE_APISERVER).flag("--client-ca-file");
            if (clientCa.isEmpty()) {
                continue;
            }
            if (other == ctx && clientCa.get().equals(caPath)) {
                return new CheckResult(host, def.id(), def.title(), def.failing(), presence.found()
                        + "; the API server's --client-ca-file is the same file", expected, presence.note());
            }
            Optional<RenderedFile> otherCa = other.host().file(clientCa.get());
            if (caFile.isPresent() && otherCa.isPresent()
                    && Arrays.equals(caFile.get().content(), otherCa.get().content())) {
                return new CheckResult(host, def.id(), def.title(), def.failing(), presence.found() + "; same content as "
                        + clientCa.get() + " on " + other.host().name(), expected, presence.note());
            }
        }
        String note = caFile.isPresent() ? "" : caPath + " is not rendered; uniqueness decided by path only";
        return new CheckResult(host, def.id(), def.title(), Status.PASS, presence.found(), expected,
                join(presence.note(), note));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
