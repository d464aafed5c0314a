package dev.provisioner.ops.etcd;

import dev.provisioner.transport.Command;

/**
 * Where etcd snapshots sit on a member while an operation moves them: {@value #DIR}, a directory only
 * root can enter (0700 root:root, recreated with that mode before every use), never a world-writable
 * one such as /tmp or /var/tmp, where another local user could pre-create the name or read the file.
 * The parent {@code /var/lib/provisioner} is root's (the engine's run lock lives there). Pure.
 */
final class RootStaging {
    static final String DIR = "/var/lib/provisioner/etcd-staging";

    private RootStaging() {
    }

    /** Shell lines that make {@value #DIR} (0700 root) or fail when the name is a symlink or not a directory. */
    static String ensure() {
        String d = Command.quote(DIR);
        return "mkdir -p /var/lib/provisioner\n"
                + "if [ -L " + d + " ] || { [ -e " + d + " ] && [ ! -d " + d + " ]; }; then echo "
                + Command.quote(DIR + " is not a plain directory; refusing to stage an etcd snapshot there") + " >&2; exit 1; fi\n"
                + "install -d -m 0700 -o root -g root " + d + "\n";
    }

    /** A file in {@value #DIR}. */
    static String file(String name) {
        return DIR + "/" + name;
    }
}
