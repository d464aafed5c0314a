package dev.provisioner.component.flannel;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.component.kube.ServicesStep;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Renders flanneld's unit and the CNI network configuration. */
final class FlannelFiles {
    static final String UNIT = "flanneld.service";
    static final String SUBNET_FILE = "/run/flannel/subnet.env";
    static final String CNI_CONFLIST = "/etc/cni/net.d/10-flannel.conflist";

    private final StepContext ctx;

    FlannelFiles(StepContext ctx) {
        this.ctx = ctx;
    }

    /**
     * flanneld's flags: etcd mode (the 2018 recipe's), reading {@code <prefix>/config} from every etcd
     * member over TLS with the flannel client certificate, using the host's internal address.
     */
    static List<String> flags(Inventory inventory, Host host) {
        String endpoints = inventory.view().etcdMembers().stream()
                .map(h -> "https://" + hostPort(h.internalAddress(), 2379)).collect(Collectors.joining(","));
        List<String> flags = new ArrayList<>();
        flags.add("--etcd-endpoints=" + endpoints);
        flags.add("--etcd-prefix=" + inventory.cluster().network().etcdPrefix());
        flags.add("--etcd-cafile=" + HostPaths.ETCD_CA_CERT);
        flags.add("--etcd-certfile=" + HostPaths.FLANNEL_ETCD_CLIENT_CERT);
        flags.add("--etcd-keyfile=" + HostPaths.FLANNEL_ETCD_CLIENT_KEY);
        flags.add("--iface=" + host.overrides().flannelIface().orElse(host.internalAddress()));
        flags.add("--public-ip=" + host.internalAddress());
        flags.add("--ip-masq=true");
        return flags;
    }

    ServicesStep.Service service() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("version", ctx.inventory().cluster().versions().flannel());
        model.put("mode", "etcd");
        model.put("binDir", KubePaths.BIN_DIR);
        model.put("flags", flags(ctx.inventory(), ctx.host()));
        model.put("subnetFile", SUBNET_FILE);
        String text = ctx.templates().render("flannel/flanneld.service.ftl", model);
        DesiredFile unit = DesiredFile.text(KubePaths.unit("flanneld"), text).withMode(0644).asUnitFile();
        return new ServicesStep.Service(UNIT, unit, Set.of(KubePaths.binary("flanneld"), HostPaths.ETCD_CA_CERT,
                HostPaths.FLANNEL_ETCD_CLIENT_CERT, HostPaths.FLANNEL_ETCD_CLIENT_KEY));
    }

    /** The CNI conflist (0600 root: CIS 1.1.9/1.1.10 on masters; the same everywhere). */
    DesiredFile conflist() {
        return DesiredFile.text(CNI_CONFLIST, ctx.templates().render("flannel/10-flannel.conflist.ftl", Map.of())).withMode(0600);
    }

    static String hostPort(String address, int port) {
        return HostPorts.of(address, port);
    }
}
