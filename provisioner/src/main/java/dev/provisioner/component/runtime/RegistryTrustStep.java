package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.RegistrySettings;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * containerd trusts the private registry: {@code /etc/containerd/certs.d/<host:port>/hosts.toml}
 * for the registry's internal address and for its name (image names such as
 * {@code registry:5000/web:1.0} resolve through /etc/hosts), pointing {@code ca} at the cluster CA.
 * {@code skip_verify} only when the inventory asks for an insecure registry; plain HTTP when the
 * registry has no TLS. containerd reads these files on every pull, so a change needs no restart.
 */
final class RegistryTrustStep implements Step {
    private final RuntimeOptions options;

    RegistryTrustStep(RuntimeOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "registry-trust";
    }

    /** {@code 10.4.4.8:5000} and {@code registry:5000}, in that order, without duplicates. */
    static List<String> endpoints(Inventory inventory) {
        Set<String> out = new LinkedHashSet<>();
        inventory.view().registryEndpoint().ifPresent(out::add);
        int port = inventory.cluster().registry().port();
        inventory.view().registryHost().map(Host::name).ifPresent(n -> out.add(n + ":" + port));
        return List.copyOf(out);
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx)).and(FactsQuery.file(options.caPath(), FileProbe.metadata()));
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        RegistrySettings r = ctx.inventory().cluster().registry();
        List<DesiredFile> out = new ArrayList<>();
        for (String endpoint : endpoints(ctx.inventory())) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cluster", ctx.inventory().cluster().name());
            model.put("endpoint", endpoint);
            model.put("url", (r.tls() ? "https://" : "http://") + endpoint);
            model.put("tls", r.tls());
            model.put("skipVerify", r.tls() && r.insecure());
            model.put("ca", options.caPath());
            out.add(DesiredFile.text(ContainerdLayout.hostsToml(endpoint), ctx.templates().render("runtime/hosts.toml.ftl", model)));
        }
        return out;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<String> endpoints = endpoints(ctx.inventory());
        if (endpoints.isEmpty()) {
            return StepOutcome.converged("no private registry in the inventory");
        }
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files(ctx)) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        RegistrySettings r = ctx.inventory().cluster().registry();
        String how = !r.tls() ? "plain HTTP (registry TLS is off)"
                : r.insecure() ? "HTTPS without verification (registry.insecure: true)"
                : "HTTPS verified with " + options.caPath()
                        + (ctx.facts().orElseThrow().file(options.caPath()).exists() ? "" : ", which is not on this host yet (the pki phase puts it there)");
        return StepOutcome.of(actions, "containerd reaches " + String.join(" and ", endpoints) + " over " + how
                + "; hosts.toml is read on every pull, no restart needed");
    }
}
