package dev.provisioner.component;

import dev.provisioner.artifacts.ArtifactCatalog;
import dev.provisioner.artifacts.ArtifactResolver;
import dev.provisioner.artifacts.DownloadSettings;
import dev.provisioner.artifacts.ResolverSettings;
import dev.provisioner.component.kube.KubeArtifacts;
import dev.provisioner.component.kube.NodePhase;
import dev.provisioner.component.kube.ReleaseBinariesStep;
import dev.provisioner.component.kube.ReleaseBinary;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code kube-node} phase for the lab, since kubelet cannot be obtained here: the real release-binary
 * step ({@link ReleaseBinariesStep}) installs "kubelet" at the inventory's Kubernetes version from an
 * artifacts directory, where a Debian program stands in for it (coreutils' {@code sleep}: it runs until
 * stopped, like a daemon), and a unit {@value #UNIT} runs it, restarted when the binary changes.
 */
final class StandinKubelet {
    static final String UNIT = "kubelet-standin.service";
    static final String BINARY = "/usr/local/bin/kubelet";
    static final DesiredFile UNIT_FILE = DesiredFile.text("/etc/systemd/system/" + UNIT,
            "[Unit]\nDescription=stand-in for kubelet (lab)\n[Service]\nExecStart=" + BINARY + " infinity\n"
                    + "[Install]\nWantedBy=multi-user.target\n").asUnitFile();

    private StandinKubelet() {
    }

    static Phase phase(Inventory inventory, Path artifacts, Path state) {
        ArtifactResolver resolver = new ArtifactResolver(ArtifactCatalog.bundled(),
                ResolverSettings.forState(state, Optional.of(artifacts), DownloadSettings.offline()));
        ReleaseBinary kubelet = new ReleaseBinary("kubelet", inventory.cluster().versions().kubernetes(), "kubelet", BINARY);
        KubeArtifacts set = new KubeArtifacts(resolver, List.of(kubelet));
        return Phase.of(NodePhase.TITLE, HostSelector.roles(Role.NODE),
                new ReleaseBinariesStep("kubelet-binary", set, ctx -> List.of(kubelet)), service());
    }

    private static Step service() {
        return new Step() {
            @Override
            public String name() {
                return "kubelet-service";
            }

            @Override
            public List<DesiredFile> files(StepContext ctx) {
                return List.of(UNIT_FILE);
            }

            @Override
            public FactsQuery facts(StepContext ctx) {
                return Converge.query(files(ctx)).and(FactsQuery.units(UNIT));
            }

            @Override
            public StepOutcome plan(StepContext ctx) {
                HostFacts facts = ctx.facts().orElseThrow();
                List<Action> actions = new ArrayList<>();
                Converge.file(UNIT_FILE, facts).ifPresent(actions::add);
                actions.add(new RestartOnChange(UNIT, Set.of(BINARY, UNIT_FILE.path()), Set.of()));
                Converge.unit(UNIT, facts).ifPresent(actions::add);
                return StepOutcome.of(actions, UNIT + " runs " + BINARY);
            }
        };
    }
}
