package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.template.TemplateRenderer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.provisioner.ops.check.ProbeScripts.q;

/**
 * The smoke test of both reference documents, on the first master in namespace {@value #NAMESPACE}
 * (deleted afterwards, and before, should an earlier run have left it): a Deployment of nginx with
 * {@value #REPLICAS} replicas from the private registry ({@code smoke-deployment}), its NodePort
 * Service reached through every node ({@code smoke-nodeport}, one result per node), and its
 * ClusterIP Service resolved by name from one of its pods ({@code smoke-dns}).
 */
final class SmokeProbe implements Probe {
    static final String NAME = "smoke";
    static final String DEPLOYMENT = "smoke-deployment";
    static final String NODEPORT = "smoke-nodeport";
    static final String DNS = "smoke-dns";
    static final String NAMESPACE = "provisioner-smoke";
    static final String APP = "smoke-nginx";
    static final int REPLICAS = 2;
    private final String image;
    private final TemplateRenderer templates;

    SmokeProbe(String image, TemplateRenderer templates) {
        this.image = image;
        this.templates = templates;
    }

    /** {@code <registry endpoint>/nginx:1.27} (the image the examples push), when the inventory has a registry. */
    static Optional<String> defaultImage(Inventory inventory) {
        return inventory.view().registryEndpoint().map(r -> r + "/nginx:1.27");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return List.of(inventory.view().firstMaster());
    }

    @Override
    public List<Host> about(Inventory inventory, Host host) {
        Map<String, Host> hosts = new LinkedHashMap<>();
        hosts.put(host.name(), host);
        inventory.view().nodes().forEach(n -> hosts.putIfAbsent(n.name(), n));
        return List.copyOf(hosts.values());
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "smoke test in namespace " + NAMESPACE + " with " + image + " from " + host.name();
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(4);
    }

    String manifest() {
        return templates.render("check/smoke.yaml.ftl", Map.of("app", APP, "image", image, "replicas", REPLICAS));
    }

    @Override
    public String script(Inventory inventory, Host host) {
        StringBuilder b = new StringBuilder(Kubectl.prelude(host))
                .append("ns=").append(q(NAMESPACE)).append("; app=").append(q(APP)).append('\n')
                .append("k delete namespace \"$ns\" --ignore-not-found --wait=true --timeout=90s >/dev/null 2>&1\n")
                .append("trap 'k delete namespace \"$ns\" --ignore-not-found --wait=false >/dev/null 2>&1' EXIT\n")
                .append("k create namespace \"$ns\" >/dev/null || fail \"could not create namespace $ns\"\n")
                .append("printf '%s\\n' ").append(q(manifest())).append(" | k -n \"$ns\" apply -f - >/dev/null || fail 'kubectl apply of the smoke manifests failed'\n")
                .append("if ! k -n \"$ns\" rollout status deployment/\"$app\" --timeout=150s >/dev/null 2>&1; then\n")
                .append("  echo \"deployment=$(k -n \"$ns\" get deployment \"$app\" -o jsonpath='{.status.readyReplicas}/{.spec.replicas}')\"\n")
                .append("  k -n \"$ns\" get events --sort-by=.lastTimestamp 2>&1 | tail -n 3; exit 1\nfi\n")
                .append("echo \"deployment=$(k -n \"$ns\" get deployment \"$app\" -o jsonpath='{.status.readyReplicas}/{.spec.replicas}')\"\n")
                .append("np=$(k -n \"$ns\" get service \"$app-np\" -o jsonpath='{.spec.ports[0].nodePort}')\necho \"nodeport=$np\"\n");
        for (Host node : inventory.view().nodes()) {
            String base = q(Addresses.urlHost(node));
            b.append("code=000; n=0; while [ $n -lt 10 ]; do code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 \"http://\"")
                    .append(base).append("\":$np/\"); [ \"$code\" = 200 ] && break; n=$((n+1)); sleep 2; done\n")
                    .append("echo \"via ").append(node.name()).append("=$code\"\n");
        }
        return b.append("echo \"clusterip=$(k -n \"$ns\" get service \"$app\" -o jsonpath='{.spec.clusterIP}')\"\n")
                .append("pod=$(k -n \"$ns\" get pods -l app=\"$app\" -o jsonpath='{.items[0].metadata.name}')\necho \"pod=$pod\"\n")
                .append("echo \"resolved=$(k -n \"$ns\" exec \"$pod\" -- getent hosts \"$app\" 2>&1 | head -n 1)\"\n")
                .append("echo \"byname=$(k -n \"$ns\" exec \"$pod\" -- sh -c 'if command -v curl >/dev/null; then curl -s -o /dev/null -w %{http_code} --max-time 5 http://")
                .append(APP).append("/; else echo no-curl; fi' 2>&1 | tail -n 1)\"\n").toString();
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        List<ProbeResult> out = new ArrayList<>();
        String ready = output.value("deployment").orElse("");
        boolean deployed = output.ok() && ready.equals(REPLICAS + "/" + REPLICAS);
        out.add(deployed
                ? ProbeResult.ok(DEPLOYMENT, host.name(), "Deployment " + APP + " (" + REPLICAS + " x " + image + ") ready " + ready + " in " + NAMESPACE)
                : ProbeResult.failed(DEPLOYMENT, host.name(), "Deployment " + APP + " (" + REPLICAS + " x " + image + ") not ready"
                        + (ready.isEmpty() ? "" : " (" + ready + ")") + ": " + output.tail(3)));
        String np = output.value("nodeport").orElse("?");
        for (Host node : inventory.view().nodes()) {
            String url = "http://" + Addresses.urlHost(node) + ":" + np + "/";
            Optional<String> code = output.value("via " + node.name());
            out.add(!deployed ? ProbeResult.skipped(NODEPORT, node.name(), "the smoke Deployment is not ready (see " + DEPLOYMENT + ")")
                    : code.filter("200"::equals).isPresent() ? ProbeResult.ok(NODEPORT, node.name(), "GET " + url + " from " + host.name() + ": 200")
                    : ProbeResult.failed(NODEPORT, node.name(), "GET " + url + " from " + host.name() + ": " + code.orElse("not tried")));
        }
        out.add(deployed ? dns(host, output) : ProbeResult.skipped(DNS, host.name(), "the smoke Deployment is not ready (see " + DEPLOYMENT + ")"));
        return out;
    }

    private static ProbeResult dns(Host host, ProbeOutput output) {
        String clusterIp = output.value("clusterip").orElse("");
        String resolved = output.value("resolved").orElse("");
        String byName = output.value("byname").orElse("");
        String pod = output.value("pod").orElse("?");
        String ip = resolved.split("\\s+")[0];
        String what = "getent hosts " + APP + " in pod " + pod;
        if (clusterIp.isEmpty() || !ip.equals(clusterIp)) {
            return ProbeResult.failed(DNS, host.name(), what + ": '" + resolved + "', expected the ClusterIP " + clusterIp);
        }
        if (!byName.equals("200") && !byName.equals("no-curl")) {
            return ProbeResult.failed(DNS, host.name(), what + ": " + ip + " (the ClusterIP), but GET http://" + APP + "/ answered " + byName);
        }
        return ProbeResult.ok(DNS, host.name(), what + ": " + ip + " (the ClusterIP)"
                + (byName.equals("200") ? "; GET http://" + APP + "/ by name: 200" : "; no curl in the image, HTTP by name not tried"));
    }
}
