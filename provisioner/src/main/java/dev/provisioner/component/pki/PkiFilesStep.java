package dev.provisioner.component.pki;

import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Places the host's share of the cluster PKI ({@link dev.provisioner.pki.PkiBundle#filesFor}) except the
 * registry's files (see {@link RegistryCertificatesStep}). Files owned by a service user (etcd's under
 * /etc/etcd/pki) need that user, which on a fresh host exists only once the etcd package is installed,
 * a phase later: so when such a file is to be written, the step first creates the user itself, as the
 * packages would ({@link ServiceUser}); a package installed later keeps it.
 */
final class PkiFilesStep implements Step {
    private final PkiSupply pki;

    PkiFilesStep(PkiSupply pki) {
        this.pki = pki;
    }

    @Override
    public String name() {
        return "pki-files";
    }

    @Override
    public List<DesiredFile> files(StepContext ctx) {
        return PkiFiles.desired(pki.bundle().filesFor(ctx.host().name()), PkiFiles.REGISTRY.negate());
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        List<DesiredFile> files = files(ctx);
        if (files.isEmpty()) {
            return StepOutcome.converged("this host needs no cluster certificates");
        }
        List<PutFile> puts = new ArrayList<>();
        files.forEach(f -> Converge.file(f, facts).ifPresent(puts::add));
        List<Action> actions = new ArrayList<>();
        Set<String> users = puts.stream().map(p -> p.file().owner()).filter(o -> !o.equals("root")).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String user : users) {
            ServiceUser u = user.equals(ServiceUser.ETCD.name()) ? ServiceUser.ETCD : new ServiceUser(user, "/nonexistent");
            actions.add(new RunCommand(u.describe(), u.ensureScript(), true));
        }
        actions.addAll(puts);
        return StepOutcome.of(actions, PkiFiles.count(files) + " in place with their modes and owners");
    }
}
