package dev.provisioner.component.prereq;

import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;

/**
 * The {@value #TITLE} phase on masters and nodes: packages kubelet and kube-proxy call, swap off,
 * kernel modules and sysctls, each persisted for the next boot and made live now. What a container
 * forbids (loading modules, writing /proc/sys, swapoff) is reported as "cannot apply here: why" and
 * never fails the run; on a VM anything that does not take fails it.
 *
 * <pre>{@code
 * Plan plan = standard.replace(PrerequisitesPhase.TITLE,
 *         PrerequisitesPhase.create(PrereqSettings.standard().withSysctl("fs.inotify.max_user_instances", "1024")));
 * }</pre>
 */
public final class PrerequisitesPhase {
    public static final String TITLE = "prerequisites";

    private PrerequisitesPhase() {
    }

    public static Phase create() {
        return create(PrereqSettings.standard());
    }

    public static Phase create(PrereqSettings settings) {
        return Phase.of(TITLE, HostSelector.roles(Role.MASTER, Role.NODE),
                new PrereqPackagesStep(),
                new SwapFstabStep(), new SwapLiveStep(),
                new ModulesConfigStep(settings), new ModulesLiveStep(settings),
                new SysctlConfigStep(settings), new SysctlLiveStep(settings));
    }
}
