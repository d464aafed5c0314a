package dev.provisioner.component.etcd;

import dev.provisioner.facts.HostFacts;
import dev.provisioner.facts.PackageManager;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Versions;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.StepContext;
import dev.provisioner.transport.Command;

import java.util.List;
import java.util.Optional;

/**
 * etcd from apt packages at the inventory's version. With {@code install.etcd: packages} the
 * distribution's etcd is used as it comes unless {@code versions.etcd} is set to something other than
 * the built-in default: then it is a pin, matched by upstream version ({@code 3.5.16} matches the
 * package {@code 3.5.16-4}), installed as {@code etcd-server=3.5.16*} from whatever the host's apt
 * sources offer, and a member whose packages are at another version is upgraded in place:
 * the whole cluster must answer healthy first, then the packages are upgraded and the member
 * restarted; the etcd phase runs one member at a time and each must be healthy before the next, so a
 * member that fails stops the rollout (the next member finds the cluster unhealthy and refuses). A
 * change that skips a minor version or goes down one is refused while planning ({@link EtcdUpgradePath}),
 * before the member is touched. Pure.
 */
final class EtcdPackageUpgrade {
    static final String SERVER_PACKAGE = "etcd-server";

    private EtcdPackageUpgrade() {
    }

    /** The pinned upstream version, on apt hosts when the inventory sets one. */
    static Optional<String> pinnedVersion(Inventory inventory, HostFacts facts) {
        String v = inventory.cluster().versions().etcd();
        return facts.packageManager() == PackageManager.APT && !Versions.ETCD.equals(v) ? Optional.of(v) : Optional.empty();
    }

    /** {@code etcd-server=3.5.16*}: apt's version glob for every Debian revision of that upstream version. */
    static String versioned(String pkg, String version) {
        return pkg + "=" + version + "*";
    }

    /**
     * The in-place upgrade when the installed packages are not at the pin; empty when they are.
     *
     * @throws IllegalStateException when upstream does not support the change
     */
    static Optional<RunCommand> plan(StepContext ctx, EtcdInstall install, HostFacts facts, Optional<String> pin) {
        if (pin.isEmpty()) {
            return Optional.empty();
        }
        String installed = EtcdUpgradePath.upstream(facts.packageVersion(SERVER_PACKAGE).orElseThrow());
        if (installed.equals(EtcdUpgradePath.upstream(pin.get()))) {
            return Optional.empty();
        }
        EtcdUpgradePath.refusal(installed, pin.get()).ifPresent(r -> {
            throw new IllegalStateException(ctx.host().name() + ": " + r + " (versions.etcd in the inventory)");
        });
        return Optional.of(new RunCommand("upgrade etcd " + installed + " -> " + pin.get() + " (packages "
                + String.join(", ", install.packages()) + "), once the whole cluster is healthy, and restart this member",
                script(ctx, install, pin.get()), true));
    }

    static String script(StepContext ctx, EtcdInstall install, String version) {
        Etcdctl etcdctl = new Etcdctl(install.etcdctl(), EtcdMembers.clientUrl(ctx.host()));
        InstallPackages apt = new InstallPackages(install.packages().stream().map(p -> versioned(p, version)).toList(), PackageManager.APT);
        return etcdctl.prefix() + " endpoint health --cluster >&2 || { echo " + Command.quote("the etcd cluster is not healthy: "
                + ctx.host().name() + " is not upgraded (fix the unhealthy member first)") + " >&2; exit 1; }\n"
                + apt.script() + "\n"
                + "systemctl restart " + EtcdInstall.UNIT + "\n";
    }
}
