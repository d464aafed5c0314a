package dev.provisioner.component.etcd;

import dev.provisioner.facts.OsFamily;
import dev.provisioner.inventory.Component;
import dev.provisioner.inventory.InstallSource;
import dev.provisioner.inventory.Inventory;

import java.util.List;

/**
 * Where etcd's programs come from and where they live: the distribution's packages (Debian
 * {@code etcd-server} + {@code etcd-client}, RHEL family {@code etcd}; programs in /usr/bin) or the
 * upstream release archive (from a download or the artifacts directory; programs in /usr/local/bin).
 * Either way etcd runs from our own unit {@value #UNIT_PATH} with every setting in {@value #CONF_PATH}.
 *
 * @param source packages, binaries or artifacts
 * @param family the host's OS family (chooses the package names)
 */
public record EtcdInstall(InstallSource source, OsFamily family) {
    public static final String UNIT = "etcd.service";
    /** Our unit; in /etc it takes precedence over a package's unit in /lib or /usr/lib. */
    public static final String UNIT_PATH = "/etc/systemd/system/" + UNIT;
    public static final String CONF_PATH = "/etc/etcd/etcd.conf";
    /**
     * The member's initial-cluster settings, written on the host by the join command when the member
     * first starts (0600 root); the unit reads it after {@link #CONF_PATH}. etcd ignores it once it has data.
     */
    public static final String INITIAL_ENV_PATH = "/etc/etcd/initial-cluster.env";
    public static final String DATA_DIR = "/var/lib/etcd";
    public static final String RELEASE_BIN_DIR = "/usr/local/bin";
    /** Debian's etcd-server starts a member with its own defaults on install; this is its data. */
    public static final String DEBIAN_DEFAULT_DATA_DIR = "/var/lib/etcd/default";
    public static final int CLIENT_PORT = 2379;
    public static final int PEER_PORT = 2380;
    public static final int METRICS_PORT = 2381;

    public static EtcdInstall of(Inventory inventory, OsFamily family) {
        return new EtcdInstall(inventory.cluster().install().source(Component.ETCD), family);
    }

    public boolean fromPackages() {
        return source == InstallSource.PACKAGES;
    }

    /** The OS packages (packages source only). */
    public List<String> packages() {
        return family == OsFamily.RHEL ? List.of("etcd") : List.of("etcd-server", "etcd-client");
    }

    public String binDir() {
        return fromPackages() ? "/usr/bin" : RELEASE_BIN_DIR;
    }

    public String etcd() {
        return binDir() + "/etcd";
    }

    public String etcdctl() {
        return binDir() + "/etcdctl";
    }

    /** "Debian packages etcd-server, etcd-client" or "release binaries in /usr/local/bin". */
    public String describe() {
        return fromPackages() ? "packages " + String.join(", ", packages())
                : (source == InstallSource.ARTIFACTS ? "release binaries from the artifacts directory" : "release binaries")
                + " in " + RELEASE_BIN_DIR;
    }
}
