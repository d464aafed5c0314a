package dev.provisioner.component.pki;

import dev.provisioner.transport.Command;

import java.util.Objects;

/**
 * A system user (with its own group) that a service runs as and that owns some of its files, e.g.
 * {@code etcd}. Files owned by it can only be placed once it exists, so the step that places them
 * creates it first, the same way the distributions' packages do (and a later package install then
 * finds it and keeps it).
 *
 * @param name the user and group name
 * @param home its home directory (not created here)
 */
public record ServiceUser(String name, String home) {
    /** etcd's user, as Debian's etcd-server and the RHEL etcd package create it. */
    public static final ServiceUser ETCD = new ServiceUser("etcd", "/var/lib/etcd");

    public ServiceUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
    }

    /** Shell lines that create the group and user when missing (idempotent). */
    public String ensureScript() {
        String n = Command.quote(name);
        return "getent group " + n + " >/dev/null || groupadd --system " + n + "\n"
                + "getent passwd " + n + " >/dev/null || useradd --system --gid " + n + " --home-dir " + Command.quote(home)
                + " --no-create-home --shell \"$(command -v nologin || echo /bin/false)\" " + n + "\n";
    }

    /** What the action says in plans and reports. */
    public String describe() {
        return "create system user " + name + " if missing (owns its PKI files)";
    }
}
