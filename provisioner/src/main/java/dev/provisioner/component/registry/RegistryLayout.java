package dev.provisioner.component.registry;

import dev.provisioner.facts.OsFamily;

/**
 * Where the distribution's registry package puts things.
 *
 * @param packageName OS package (Debian {@code docker-registry}, RHEL family {@code distribution})
 * @param unit        its systemd unit
 * @param binary      the registry binary
 * @param configPath  the config.yml we write
 * @param storageDir  blob storage
 * @param user        the user the service runs as (owns the htpasswd file's group)
 */
public record RegistryLayout(String packageName, String unit, String binary, String configPath, String storageDir,
                             String user) {
    public static final RegistryLayout DEBIAN = new RegistryLayout("docker-registry", "docker-registry.service",
            "/usr/bin/docker-registry", "/etc/docker/registry/config.yml", "/var/lib/docker-registry", "docker-registry");
    public static final RegistryLayout RHEL = new RegistryLayout("distribution", "docker-distribution.service",
            "/usr/bin/registry", "/etc/docker-distribution/registry/config.yml", "/var/lib/registry", "root");

    public static RegistryLayout of(OsFamily family) {
        return family == OsFamily.RHEL ? RHEL : DEBIAN;
    }

    /** Our systemd drop-in for the package's unit. */
    public String dropInPath() {
        return "/etc/systemd/system/" + unit + ".d/10-provisioner.conf";
    }

    /** Our unit for the push endpoint (a second registry process on the same storage). */
    public static final String PUSH_UNIT = "docker-registry-push.service";

    public String pushUnitPath() {
        return "/etc/systemd/system/" + PUSH_UNIT;
    }

    /** The push endpoint's config, beside config.yml. */
    public String pushConfigPath() {
        return configPath.substring(0, configPath.lastIndexOf('/')) + "/push.yml";
    }

    /** The htpasswd file, beside config.yml. */
    public String htpasswdPath() {
        return configPath.substring(0, configPath.lastIndexOf('/')) + "/htpasswd";
    }
}
