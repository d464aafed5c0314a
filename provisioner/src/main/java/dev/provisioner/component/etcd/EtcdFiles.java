package dev.provisioner.component.etcd;

import dev.provisioner.component.pki.ServiceUser;
import dev.provisioner.inventory.Host;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * etcd's environment file and systemd unit for one member, both {@code 0600 root:root} (CIS 1.1.7/1.1.8:
 * systemd reads them as root before it drops to user etcd). Pure.
 */
final class EtcdFiles {
    private final StepContext ctx;
    private final EtcdInstall install;

    EtcdFiles(StepContext ctx) {
        this.ctx = ctx;
        this.install = EtcdInstall.of(ctx.inventory(), ctx.osFamily());
    }

    EtcdInstall install() {
        return install;
    }

    List<DesiredFile> all() {
        return List.of(conf(), unit());
    }

    DesiredFile conf() {
        Host h = ctx.host();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", ctx.inventory().cluster().name());
        m.put("name", h.name());
        m.put("dataDir", EtcdInstall.DATA_DIR);
        m.put("peerUrl", EtcdMembers.peerUrl(h));
        m.put("clientUrl", EtcdMembers.clientUrl(h));
        m.put("localClientUrl", EtcdMembers.url("127.0.0.1", EtcdInstall.CLIENT_PORT));
        m.put("initialEnvPath", EtcdInstall.INITIAL_ENV_PATH);
        m.put("metricsUrl", "http://127.0.0.1:" + EtcdInstall.METRICS_PORT);
        m.put("pki", Map.of("ca", HostPaths.ETCD_MEMBER_CA_CERT,
                "serverCert", HostPaths.ETCD_SERVER_CERT, "serverKey", HostPaths.ETCD_SERVER_KEY,
                "peerCert", HostPaths.ETCD_PEER_CERT, "peerKey", HostPaths.ETCD_PEER_KEY));
        return DesiredFile.text(EtcdInstall.CONF_PATH, ctx.templates().render("etcd/etcd.conf.ftl", m)).withMode(0600);
    }

    DesiredFile unit() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", ctx.inventory().cluster().name());
        m.put("name", ctx.host().name());
        m.put("installedFrom", install.describe());
        m.put("confPath", EtcdInstall.CONF_PATH);
        m.put("initialEnvPath", EtcdInstall.INITIAL_ENV_PATH);
        m.put("dataDir", EtcdInstall.DATA_DIR);
        m.put("user", ServiceUser.ETCD.name());
        m.put("binary", install.etcd());
        return DesiredFile.text(EtcdInstall.UNIT_PATH, ctx.templates().render("etcd/etcd.service.ftl", m))
                .withMode(0600).asUnitFile();
    }
}
