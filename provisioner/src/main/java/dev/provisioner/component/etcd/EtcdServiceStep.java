package dev.provisioner.component.etcd;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.Action;
import dev.provisioner.step.Converge;
import dev.provisioner.step.RestartOnChange;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.step.WaitHealthy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * etcd enabled and running; restarted when its config, unit, programs or member certificates changed in
 * this run (the certificates are placed by the pki phase, earlier in the same run); after any change,
 * {@code etcdctl endpoint health} over TLS against this member until it answers.
 *
 * <p>The unit is {@code Type=notify}, so {@code systemctl start} returns once the member has joined;
 * the phase runs its members one at a time ({@link EtcdPhase}), each healthy before the next.
 */
final class EtcdServiceStep implements Step {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

    @Override
    public String name() {
        return "etcd-service";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.units(EtcdInstall.UNIT);
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        EtcdInstall install = EtcdInstall.of(ctx.inventory(), ctx.osFamily());
        List<Action> actions = new ArrayList<>();
        Converge.unit(EtcdInstall.UNIT, ctx.facts().orElseThrow()).ifPresent(actions::add);
        actions.add(new RestartOnChange(EtcdInstall.UNIT, watched(install), Set.copyOf(install.packages())));
        actions.add(probe(ctx, install));
        return StepOutcome.of(actions, EtcdInstall.UNIT + " is active and enabled");
    }

    static Set<String> watched(EtcdInstall install) {
        Set<String> paths = new LinkedHashSet<>(List.of(EtcdInstall.CONF_PATH, EtcdInstall.UNIT_PATH,
                HostPaths.ETCD_MEMBER_CA_CERT, HostPaths.ETCD_SERVER_CERT, HostPaths.ETCD_SERVER_KEY,
                HostPaths.ETCD_PEER_CERT, HostPaths.ETCD_PEER_KEY));
        if (!install.fromPackages()) {
            paths.add(install.etcd());
        }
        return paths;
    }

    static WaitHealthy probe(StepContext ctx, EtcdInstall install) {
        String endpoint = EtcdMembers.clientUrl(ctx.host());
        Etcdctl etcdctl = new Etcdctl(install.etcdctl(), endpoint);
        return new WaitHealthy("etcdctl endpoint health " + endpoint + " answers healthy (TLS, etcd root-client certificate)",
                etcdctl.endpointHealth(), HEALTH_TIMEOUT);
    }
}
