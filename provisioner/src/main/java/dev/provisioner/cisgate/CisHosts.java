package dev.provisioner.cisgate;

import dev.provisioner.cis.RenderedFile;
import dev.provisioner.cis.RenderedHost;
import dev.provisioner.component.etcd.EtcdInstall;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The CIS checker's view of a rendered plan: every host that runs a Kubernetes or etcd component. */
public final class CisHosts {
    static final String ETCD_UNIT = "/etc/systemd/system/etcd.service";
    static final String APISERVER_UNIT = "/etc/systemd/system/kube-apiserver.service";
    static final String KUBELET_UNIT = "/etc/systemd/system/kubelet.service";

    private CisHosts() {
    }

    private static boolean has(List<DesiredFile> files, String path) {
        return files.stream().anyMatch(f -> f.path().equals(path));
    }

    /** One {@link RenderedHost} per host that runs the API server, a kubelet or etcd in the plan, in inventory order. */
    public static List<RenderedHost> of(Inventory inventory, Map<String, List<DesiredFile>> rendered) {
        List<RenderedHost> out = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            List<DesiredFile> mine = rendered.getOrDefault(h.name(), List.of());
            // A role counts where its component is rendered: a plan of some phases (--only, an embedder's plan)
            // is checked for what it writes, and a host is checked for every component it does run.
            Set<String> roles = new LinkedHashSet<>();
            if (h.hasRole(Role.MASTER) && has(mine, APISERVER_UNIT)) {
                roles.add("master");
            }
            if (h.runsKubelet() && has(mine, KUBELET_UNIT)) {
                roles.add("node");
            }
            if (inventory.view().etcdMembers().contains(h) && has(mine, ETCD_UNIT)) {
                roles.add("etcd");
            }
            if (roles.isEmpty()) {
                continue;
            }
            List<RenderedFile> files = new ArrayList<>();
            for (DesiredFile f : mine) {
                files.add(new RenderedFile(f.path(), f.content(), f.mode(), f.owner(), f.group(), false));
            }
            if (roles.contains("etcd")) {
                // The data directory as etcd.service's ExecStartPre makes it before every start (0700 etcd:etcd);
                // steps render files only, so it is declared here from the same constant.
                files.add(RenderedFile.directory(EtcdInstall.DATA_DIR, 0700, "etcd", "etcd"));
            }
            out.add(new RenderedHost(h.name(), roles, files));
        }
        return out;
    }
}
