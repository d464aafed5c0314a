package dev.provisioner.component.hosts;

import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/** The {@value #TITLE} phase: host prerequisites on every host: its host name (the inventory name) and /etc/hosts. */
public final class PrepareHostsPhase {
    public static final String TITLE = "prepare-hosts";

    private PrepareHostsPhase() {
    }

    public static Phase create() {
        return Phase.of(TITLE, HostSelector.all(), new HostNameStep(), new HostsFileStep());
    }
}
