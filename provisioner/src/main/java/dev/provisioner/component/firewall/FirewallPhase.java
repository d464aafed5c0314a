package dev.provisioner.component.firewall;

import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/** The {@value #TITLE} phase on every host: the cluster's ports opened in an active ufw or firewalld. */
public final class FirewallPhase {
    public static final String TITLE = "host-firewall";

    private FirewallPhase() {
    }

    public static Phase create() {
        return Phase.of(TITLE, HostSelector.all(), new FirewallStep());
    }
}
