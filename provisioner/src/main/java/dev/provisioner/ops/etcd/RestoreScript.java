package dev.provisioner.ops.etcd;

import dev.provisioner.component.etcd.EtcdAuth;
import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.component.etcd.EtcdJoin;
import dev.provisioner.component.etcd.EtcdMembers;
import dev.provisioner.inventory.Host;
import dev.provisioner.transport.Command;

/**
 * The shell lines that restore one member from a snapshot on its host, with etcd already stopped on
 * every member: the old data directory is moved aside (never deleted), {@code etcdutl snapshot restore}
 * (etcd 3.5+; {@code etcdctl snapshot restore} where there is no etcdutl, etcd 3.4) builds a fresh one
 * for this member of the listed cluster, owned by etcd and 0700, and the member's initial-cluster file
 * records the restored cluster. Pure.
 */
final class RestoreScript {
    private RestoreScript() {
    }

    /**
     * @param install  where the programs are
     * @param members  every member of the restored cluster
     * @param self     the member this script restores
     * @param snapshot the snapshot file on the host
     * @param aside    where the old data directory goes
     */
    static String forMember(EtcdInstall install, EtcdMembers members, Host self, String snapshot, String aside) {
        String etcdutl = install.binDir() + "/etcdutl";
        String flags = " snapshot restore \"$snap\" --name " + Command.quote(self.name())
                + " --initial-cluster " + Command.quote(members.initialCluster())
                + " --initial-cluster-token " + Command.quote(members.token())
                + " --initial-advertise-peer-urls " + Command.quote(EtcdMembers.peerUrl(self))
                + " --data-dir \"$data\"";
        return "set -e\n"
                + "snap=" + Command.quote(snapshot) + "\n"
                + "data=" + Command.quote(EtcdInstall.DATA_DIR) + "\n"
                + "aside=" + Command.quote(aside) + "\n"
                + EtcdJoin.writeEnvFunction(self.name(), EtcdMembers.peerUrl(self), members.token())
                + "if [ -e \"$aside\" ]; then echo \"$aside already exists; not overwriting it\" >&2; exit 1; fi\n"
                + "if [ -e \"$data\" ]; then mv -- \"$data\" \"$aside\"; fi\n"
                + "if [ -x " + Command.quote(etcdutl) + " ]; then\n"
                + "  " + Command.quote(etcdutl) + flags + " >&2\n"
                + "else\n"
                + "  ETCDCTL_API=3 " + Command.quote(install.etcdctl()) + flags + " >&2\n"
                + "fi\n"
                + "chown -R etcd:etcd \"$data\"\nchmod 0700 \"$data\"\n"
                + "write_env new " + Command.quote(members.initialCluster()) + "\n"
                + "rm -f -- \"$snap\"\n"
                // The snapshot may predate etcd auth: the next apply sets it up again (EtcdAuthStep).
                + "rm -f -- " + Command.quote(EtcdAuth.RECORD) + "\n";
    }
}
