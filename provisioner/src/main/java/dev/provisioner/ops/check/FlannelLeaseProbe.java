package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.HostPaths;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.provisioner.ops.check.ProbeScripts.q;

/**
 * Every flannel host holds a subnet lease in etcd: reads {@code <prefix>/subnets/} once, on the first
 * etcd member, and matches each lease's {@code PublicIP} to a host's internal address. A host whose
 * flanneld is not installed is reported as not installed rather than as a missing lease.
 */
final class FlannelLeaseProbe implements Probe {
    static final String NAME = "flannel-lease";
    private static final Pattern PUBLIC_IP = Pattern.compile("\"PublicIP\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().flannelHosts().isEmpty() ? List.of() : List.of(inventory.view().etcdMembers().get(0));
    }

    @Override
    public List<Host> about(Inventory inventory, Host host) {
        return inventory.view().flannelHosts();
    }

    static String subnetsPrefix(Inventory inventory) {
        String prefix = inventory.cluster().network().etcdPrefix();
        return (prefix.endsWith("/") ? prefix : prefix + "/") + "subnets/";
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "etcdctl get --prefix " + subnetsPrefix(inventory) + " on " + host.name();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        String endpoints = inventory.view().etcdMembers().stream()
                .map(m -> Addresses.https(m, ProbeTargets.ETCD_CLIENT_PORT)).collect(Collectors.joining(","));
        return "have etcdctl || notinstalled " + q("etcdctl not found on " + host.name()) + "\n"
                + ProbeScripts.requireFiles(HostPaths.ETCD_MEMBER_CA_CERT, HostPaths.ETCD_HEALTHCHECK_CLIENT_CERT,
                        HostPaths.ETCD_HEALTHCHECK_CLIENT_KEY)
                + EtcdHealthProbe.etcdctl(endpoints) + " get --prefix " + q(subnetsPrefix(inventory)) + "\n";
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        List<ProbeResult> out = new ArrayList<>();
        if (!output.ok()) {
            for (Host h : about(inventory, host)) {
                out.add(ProbeResult.failed(NAME, h.name(), "could not read leases: " + output.tail(2) + " (" + describe(inventory, host) + ")"));
            }
            return out;
        }
        Map<String, String> subnetByIp = leases(subnetsPrefix(inventory), output.lines());
        for (Host h : about(inventory, host)) {
            String subnet = subnetByIp.get(h.internalAddress());
            out.add(subnet != null
                    ? ProbeResult.ok(NAME, h.name(), "lease " + subnet + " for " + h.internalAddress() + " under " + subnetsPrefix(inventory))
                    : ProbeResult.failed(NAME, h.name(), "no lease for " + h.internalAddress() + " under " + subnetsPrefix(inventory)
                            + " (" + subnetByIp.size() + " lease(s): " + subnetByIp + ")"));
        }
        return out;
    }

    /** PublicIP to subnet ({@code 172.30.12.0/24}) from etcdctl's key/value lines. */
    static Map<String, String> leases(String prefix, List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                Matcher m = PUBLIC_IP.matcher(lines.get(i + 1));
                if (m.find()) {
                    out.put(m.group(1), lines.get(i).substring(prefix.length()).replace('-', '/'));
                    i++;
                }
            }
        }
        return out;
    }

    @Override
    public List<ProbeResult> reconcile(List<ProbeResult> mine, List<ProbeResult> all) {
        List<ProbeResult> out = new ArrayList<>();
        for (ProbeResult r : mine) {
            boolean noFlanneld = all.stream().anyMatch(o -> o.probe().equals(FlanneldProbe.NAME) && o.host().equals(r.host())
                    && o.status() == ProbeStatus.NOT_INSTALLED);
            out.add(noFlanneld && r.status() != ProbeStatus.OK
                    ? r.with(ProbeStatus.NOT_INSTALLED, "not installed: flanneld is not installed on " + r.host() + ", so it holds no lease")
                    : r);
        }
        return out;
    }
}
