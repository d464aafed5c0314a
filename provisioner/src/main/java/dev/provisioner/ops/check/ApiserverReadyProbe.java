package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.HostPaths;

import java.time.Duration;
import java.util.List;

import static dev.provisioner.ops.check.ProbeScripts.q;

/**
 * {@code GET /readyz} on every master's apiserver with the admin client certificate (anonymous
 * auth is off), trusting the cluster CA.
 */
final class ApiserverReadyProbe implements Probe {
    static final String NAME = "apiserver";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Host> runsOn(Inventory inventory) {
        return inventory.view().masters();
    }

    static String url(Host host) {
        return Addresses.https(host, ProbeTargets.APISERVER_PORT) + "/readyz";
    }

    @Override
    public String describe(Inventory inventory, Host host) {
        return "GET " + url(host) + " as " + HostPaths.ADMIN_CERT;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public String script(Inventory inventory, Host host) {
        return "unit_exists " + ProbeTargets.APISERVER_UNIT + " || notinstalled " + q("no " + ProbeTargets.APISERVER_UNIT + " on " + host.name()) + "\n"
                + "require_active " + ProbeTargets.APISERVER_UNIT + "\n"
                + ProbeScripts.requireFiles(HostPaths.CA_CERT, HostPaths.ADMIN_CERT, HostPaths.ADMIN_KEY)
                + "have curl || fail " + q("curl not found on " + host.name()) + "\n"
                + HttpsGet.script(HostPaths.CA_CERT, HostPaths.ADMIN_CERT, HostPaths.ADMIN_KEY, url(host));
    }

    @Override
    public List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output) {
        return List.of(HttpsGet.result(NAME, host.name(), url(host), describe(inventory, host), output));
    }
}
