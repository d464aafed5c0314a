package dev.provisioner.component.etcd;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Command;

/**
 * The shell lines that converge etcd's users, roles and auth switch to {@link EtcdAuth#spec}, as etcd's
 * {@code root} user, then prove auth is on and record what was set. Idempotent: users and roles are
 * added only when missing, grants and {@code auth enable} are no-ops when already in place, and
 * grants that an earlier record lists but the inventory no longer wants (a changed
 * {@code cluster.network.etcdPrefix}) are revoked first. Every user exists before auth is switched on,
 * so the apiserver and flanneld keep working through the change. Pure.
 */
final class EtcdAuthScript {
    /** The key the proof writes to (and must be refused): outside every role's permissions. */
    static final String PROBE_KEY = "/provisioner/auth-probe";

    private EtcdAuthScript() {
    }

    /**
     * @param inventory   gives the flannel prefix
     * @param root        etcdctl as {@code root}
     * @param unprivileged etcdctl as a user without write permission outside its prefix (the health-check client)
     * @param record      where the spec is recorded on success
     */
    static String script(Inventory inventory, Etcdctl root, Etcdctl unprivileged, String record) {
        StringBuilder s = new StringBuilder("set -e\n");
        s.append("record=").append(Command.quote(record)).append('\n')
         .append("want=").append(Command.quote(EtcdAuth.spec(inventory).strip())).append('\n')
         .append("e() { ").append(root.prefix()).append(" \"$@\"; }\n")
         .append(REVOKE_STALE);
        for (String role : EtcdAuth.roles()) {
            s.append("e role get ").append(role).append(" >/dev/null 2>&1 || e role add ").append(role).append(" >/dev/null\n");
        }
        for (EtcdAuth.Grant g : EtcdAuth.grants(inventory)) {
            s.append("e role grant-permission ").append(g.role()).append(' ').append(g.permission()).append(' ')
             .append(Command.quote(g.key())).append(g.prefix() ? " --prefix=true" : "").append(" >/dev/null\n");
        }
        for (EtcdAuth.User u : EtcdAuth.users()) {
            String name = Command.quote(u.name());
            s.append("e user get ").append(name).append(" >/dev/null 2>&1 || e user add ").append(name).append(" --no-password >/dev/null\n")
             .append("e user grant-role ").append(name).append(' ').append(u.role()).append(" >/dev/null\n");
        }
        s.append("e auth enable >/dev/null\n")
         .append("if out=$(").append(unprivileged.prefix()).append(" put ").append(PROBE_KEY).append(" x 2>&1); then\n")
         .append("  echo 'etcd accepted a write by the health-check client outside its permissions: auth is not on' >&2; exit 1\nfi\n")
         .append("case \"$out\" in *'permission denied'*) ;; *) echo \"unexpected answer to the auth probe: $out\" >&2; exit 1 ;; esac\n")
         .append("mkdir -p \"$(dirname \"$record\")\"\n")
         .append("( umask 077; printf '%s\\n' \"$want\" > \"$record.new\" )\n")
         .append("mv -f \"$record.new\" \"$record\"\n")
         .append("echo 'etcd auth is on: root, kube-apiserver-etcd-client, flannel and kube-etcd-healthcheck-client have their roles'\n");
        return s.toString();
    }

    private static final String REVOKE_STALE = """
            if [ -f "$record" ]; then
              while read -r kind role perm key what; do
                [ "$kind" = grant ] || continue
                printf '%s\\n' "$want" | grep -Fxq -- "grant $role $perm $key $what" && continue
                if [ "$what" = prefix ]; then e role revoke-permission "$role" "$key" --prefix=true >/dev/null 2>&1 || true
                else e role revoke-permission "$role" "$key" >/dev/null 2>&1 || true; fi
                echo "revoked $perm on $key ($what) from etcd role $role: the inventory no longer grants it"
              done < "$record"
            fi
            """;
}
