package dev.provisioner.component.etcd;

import dev.provisioner.component.ComponentContext;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/**
 * The {@value #TITLE} phase on the etcd members (the masters unless hosts have the role etcd): programs
 * from packages or release binaries, config and unit, service running and healthy over TLS. Runs after
 * the pki phase, which placed the member certificates. The first member then switches etcd auth on
 * ({@link EtcdAuthStep}): each client may do only what its certificate's CN is granted. With
 * {@code cluster.etcd.backup} the first member then gets the snapshot timer ({@link EtcdBackupStep}).
 *
 * <p>Members run one at a time, in inventory order: a member without data joins the running members
 * ({@link EtcdJoin}: {@code member add}, then start) only after the previous one is healthy, so adding
 * masters grows the cluster one member at a time and a fresh cluster grows from its first member; a
 * restart (new config, certificates, programs) never takes down two members at once.
 */
public final class EtcdPhase {
    public static final String TITLE = "etcd";

    private EtcdPhase() {
    }

    public static Phase create(ComponentContext context) {
        return create(EtcdRelease.of(context));
    }

    /** With an explicit release source (tests, embedders with their own resolver). */
    public static Phase create(EtcdRelease release) {
        return Phase.of(TITLE, HostSelector.roles(Role.ETCD), new EtcdInstallStep(release), new EtcdConfigStep(),
                new EtcdJoinStep(), new EtcdServiceStep(), new EtcdAuthStep(), new EtcdBackupStep()).withParallelism(1);
    }
}
