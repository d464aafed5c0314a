package dev.provisioner.component.pki;

import dev.provisioner.component.registry.RegistryLayout;
import dev.provisioner.pki.HostFile;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry's serving certificate, key and the cluster CA under /etc/registry/pki, placed in the
 * registry phase: Debian's docker-registry runs as user {@code docker-registry}, which its package
 * creates, so the key goes on the host in the same batch as (and after) that package, as
 * {@code 0640 root:docker-registry}: readable by the service, writable by nobody but root. Where the
 * registry runs as root (the RHEL {@code distribution} package) the key stays {@code 0600 root:root}.
 * The registry service step restarts the registry when the certificate or key changed.
 */
final class RegistryCertificatesStep implements Step {
    private final PkiSupply pki;

    RegistryCertificatesStep(PkiSupply pki) {
        this.pki = pki;
    }

    @Override
    public String name() {
        return "registry-certificates";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        String user = RegistryLayout.of(ctx.osFamily()).user();
        List<DesiredFile> out = new ArrayList<>();
        for (HostFile f : pki.bundle().filesFor(ctx.host().name())) {
            if (PkiFiles.REGISTRY.test(f)) {
                DesiredFile d = PkiFiles.desired(f);
                out.add(f.isPrivateKey() && !user.equals("root") ? d.withMode(0640).withOwner("root", user) : d);
            }
        }
        return out;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        List<DesiredFile> files = files(ctx);
        if (files.isEmpty()) {
            throw new IllegalStateException("registry TLS from the cluster PKI is on, but the PKI issued no registry"
                    + " certificate for " + ctx.host().name());
        }
        List<Action> actions = new ArrayList<>();
        files.forEach(f -> Converge.file(f, ctx.facts().orElseThrow()).ifPresent(actions::add));
        return StepOutcome.of(actions, "registry certificate, key and cluster CA are in place");
    }
}
