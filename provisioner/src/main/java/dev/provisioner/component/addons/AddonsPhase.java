package dev.provisioner.component.addons;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.step.DesiredFile;

import java.util.List;

/**
 * The {@value #TITLE} phase, after the API server is up, on the first master only: RBAC for the API
 * server's calls to kubelets, the {@code kubeadm:cluster-admins} binding (created with the break-glass
 * super-admin credential), node client certificate renewal, and CoreDNS (ClusterIP = the cluster DNS
 * address), applied with kubectl.
 */
public final class AddonsPhase {
    public static final String TITLE = "addons";

    private AddonsPhase() {
    }

    public static Phase create() {
        return Phase.of(TITLE, HostSelector.roles(Role.MASTER), new FirstMasterOnly(new AddonsStep()));
    }

    /** The masters run the phase, but only the first one does anything (one-off cluster actions). */
    private record FirstMasterOnly(Step inner) implements Step {
        private static boolean first(Inventory inv, Host h) {
            return inv.view().firstMaster().name().equals(h.name());
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<DesiredFile> files(StepContext ctx) {
            return first(ctx.inventory(), ctx.host()) ? inner.files(ctx) : List.of();
        }

        @Override
        public FactsQuery facts(StepContext ctx) {
            return first(ctx.inventory(), ctx.host()) ? inner.facts(ctx) : FactsQuery.EMPTY;
        }

        @Override
        public StepOutcome plan(StepContext ctx) {
            return first(ctx.inventory(), ctx.host()) ? inner.plan(ctx)
                    : StepOutcome.converged("add-ons are applied from the first master, " + ctx.inventory().view().firstMaster().name());
        }
    }
}
