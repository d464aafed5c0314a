package dev.provisioner.facts;

/**
 * A systemd unit as {@code systemctl is-active / is-enabled} reported it.
 *
 * @param name    unit name, e.g. {@code docker-registry.service} or {@code etcd}
 * @param active  {@code active}, {@code inactive}, {@code failed}, ... or {@code unknown}
 * @param enabled {@code enabled}, {@code disabled}, {@code static}, ... or {@code not-found}
 */
public record UnitState(String name, String active, String enabled) {
    public static UnitState unknown(String name) {
        return new UnitState(name, "unknown", "not-found");
    }

    public boolean isActive() {
        return "active".equals(active);
    }

    /** Enabled, or started by something else (static, alias, generated units). */
    /** Cleanly not running ({@code inactive} or {@code failed}): a start runs it afresh, not midway through a start. */
    public boolean isStopped() {
        return "inactive".equals(active) || "failed".equals(active);
    }

    public boolean isEnabled() {
        return "enabled".equals(enabled) || "static".equals(enabled) || "alias".equals(enabled)
                || "generated".equals(enabled) || "enabled-runtime".equals(enabled);
    }

    public boolean exists() {
        return !"not-found".equals(enabled);
    }
}
