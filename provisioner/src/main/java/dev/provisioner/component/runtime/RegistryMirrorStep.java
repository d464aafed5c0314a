package dev.provisioner.component.runtime;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.inventory.RegistrySettings;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * containerd pulls {@code registry.k8s.io} and {@code docker.io} images from the private registry:
 * {@code /etc/containerd/certs.d/<upstream>/hosts.toml} with the registry as a mirror host
 * ({@code https://<registry>/v2/<upstream>}, {@code override_path}), where apply pushes the cluster's images
 * under {@code <upstream>/<path>}. The upstream is the fallback server only when
 * {@code cluster.install.imageFallback} allows it. So the pause image of the sandbox and CoreDNS's image keep
 * their upstream names and nodes pull them without internet.
 */
final class RegistryMirrorStep implements Step {
    /** Mirrored upstream registry to the URL containerd would use for it. */
    static final Map<String, String> UPSTREAMS = Map.of("registry.k8s.io", "https://registry.k8s.io",
            "docker.io", "https://registry-1.docker.io");

    private final RuntimeOptions options;

    RegistryMirrorStep(RuntimeOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "registry-mirror";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return Converge.query(files(ctx));
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        RegistrySettings r = ctx.inventory().cluster().registry();
        List<String> endpoints = RegistryTrustStep.endpoints(ctx.inventory());
        if (endpoints.isEmpty()) {
            return List.of();
        }
        String registryUrl = (r.tls() ? "https://" : "http://") + endpoints.get(0);
        List<DesiredFile> out = new ArrayList<>();
        for (String upstream : List.of("registry.k8s.io", "docker.io")) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cluster", ctx.inventory().cluster().name());
            model.put("upstream", upstream);
            model.put("endpoint", endpoints.get(0));
            model.put("upstreamUrl", UPSTREAMS.get(upstream));
            model.put("registryUrl", registryUrl);
            model.put("mirrorUrl", registryUrl + "/v2/" + upstream);
            model.put("fallback", ctx.inventory().cluster().install().imageFallback());
            model.put("tls", r.tls());
            model.put("skipVerify", r.tls() && r.insecure());
            model.put("ca", options.caPath());
            out.add(DesiredFile.text(ContainerdLayout.hostsToml(upstream),
                    ctx.templates().render("runtime/mirror-hosts.toml.ftl", model)));
        }
        return out;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<DesiredFile> files = files(ctx);
        if (files.isEmpty()) {
            return StepOutcome.converged("no private registry in the inventory: images come from their upstream registries");
        }
        List<Action> actions = new ArrayList<>();
        for (DesiredFile f : files) {
            Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add);
        }
        return StepOutcome.of(actions, "registry.k8s.io and docker.io are pulled through "
                + RegistryTrustStep.endpoints(ctx.inventory()).get(0)
                + (ctx.inventory().cluster().install().imageFallback() ? ", falling back upstream" : ", no upstream fallback"));
    }
}
