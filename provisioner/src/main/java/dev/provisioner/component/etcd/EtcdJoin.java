package dev.provisioner.component.etcd;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.Command;

import java.util.List;

/**
 * How a member without data finds its place, as the shell lines that run on it before its first start
 * (steps cannot see other hosts, so the host asks the running members itself). Pure.
 *
 * <ul>
 *   <li>Data already there ({@value EtcdInstall#DATA_DIR}/member): the member belongs to a cluster; only
 *       the marker {@value EtcdInstall#INITIAL_ENV_PATH} is written (hosts provisioned before this file
 *       existed).</li>
 *   <li>Another member of the inventory answers {@code member list}: the whole cluster must be healthy,
 *       then {@code member add NAME --peer-urls=URL} (skipped when this peer URL was already added and
 *       never started, so a failed start can be retried) and the env file lists every member with state
 *       {@code existing}. etcd refuses the add ("unhealthy cluster") until the member asked has been connected
 *       to all its peers for 5 s, as right after the previous member joined: that refusal changes nothing and
 *       is retried for about 40 s.</li>
 *   <li>Nobody answers and this is the inventory's first member: a new one-member cluster (state
 *       {@code new}); the others join it one at a time. Any other member refuses: it never forms a
 *       second cluster of its own.</li>
 *   <li>This peer URL is a started member, or another member was added but never started: refused with
 *       what to do (remove the stale member first).</li>
 *   <li>{@code member add} did not confirm (a slow cluster): the member list decides; when nobody answers
 *       because the cluster lost quorum by adding this member (1 -> 2), the initial cluster saved before the
 *       add ({@code initial-cluster.env.pending}) is used and the member starts, which restores quorum.</li>
 * </ul>
 */
public final class EtcdJoin {
    /** How long etcdctl waits for a member that may not exist yet. */
    static final String PROBE_DIAL_TIMEOUT = "5s";
    /** How often a refused {@code member add} is tried, {@link #ADD_PAUSE_SECONDS} apart (about 40 s). */
    static final int ADD_TRIES = 20;
    static final int ADD_PAUSE_SECONDS = 2;

    private EtcdJoin() {
    }

    /** The other members' client URLs, in inventory order. */
    static List<String> otherEndpoints(Inventory inventory, Host self) {
        return EtcdMembers.of(inventory).hosts().stream().filter(h -> !h.name().equals(self.name()))
                .map(EtcdMembers::clientUrl).toList();
    }

    /** True when {@code self} may bootstrap a new cluster when no other member answers. */
    static boolean mayBootstrap(Inventory inventory, Host self) {
        return EtcdMembers.of(inventory).first().name().equals(self.name());
    }

    /** The join script for {@code self}, with etcdctl at {@code etcdctl}. */
    static String script(Inventory inventory, Host self, String etcdctl) {
        return script(inventory, self, etcdctl, EtcdInstall.DATA_DIR, EtcdInstall.INITIAL_ENV_PATH);
    }

    /** The join script with its data directory and env file elsewhere (tests run it off-host). */
    static String script(Inventory inventory, Host self, String etcdctl, String dataDir, String envFile) {
        String name = self.name();
        String peer = EtcdMembers.peerUrl(self);
        StringBuilder s = new StringBuilder();
        s.append(writeEnvFunction(name, peer, EtcdMembers.of(inventory).token(), envFile))
         .append("data=").append(Command.quote(dataDir + "/member")).append('\n')
         .append("others=").append(Command.quote(String.join(" ", otherEndpoints(inventory, self)))).append('\n')
         .append("may_bootstrap=").append(mayBootstrap(inventory, self) ? "yes" : "no").append('\n')
         .append("add_tries=").append(ADD_TRIES).append("\nadd_pause=").append(ADD_PAUSE_SECONDS).append('\n')
         .append(Etcdctl.shellFunction("ectl", etcdctl, PROBE_DIAL_TIMEOUT))
         .append(BODY);
        return s.toString();
    }

    /**
     * Shell lines defining {@code write_env STATE INITIAL_CLUSTER}, which writes
     * {@value EtcdInstall#INITIAL_ENV_PATH} (0600 root, atomically) for member {@code name} with peer URL
     * {@code peer} and cluster token {@code token}.
     */
    public static String writeEnvFunction(String name, String peer, String token) {
        return writeEnvFunction(name, peer, token, EtcdInstall.INITIAL_ENV_PATH);
    }

    private static String writeEnvFunction(String name, String peer, String token, String envFile) {
        return "name=" + Command.quote(name) + "\npeer=" + Command.quote(peer) + "\ntoken=" + Command.quote(token)
                + "\nenv_file=" + Command.quote(envFile) + "\n" + WRITE_ENV;
    }

    private static final String WRITE_ENV = """
            write_env() {
              mkdir -p "$(dirname "$env_file")"
              tmp="$env_file.provisioner-new"
              ( umask 077
                printf '%s\\n' "# Written by provisioner when etcd member $name first started ($1); etcd reads it only then." \\
                  "ETCD_INITIAL_CLUSTER=\\"$2\\"" "ETCD_INITIAL_CLUSTER_STATE=$1" \\
                  "ETCD_INITIAL_ADVERTISE_PEER_URLS=$peer" "ETCD_INITIAL_CLUSTER_TOKEN=$token" > "$tmp" )
              chmod 0600 "$tmp"; chown root:root "$tmp"; mv -f "$tmp" "$env_file"
            }
            """;

    private static final String BODY = """
            pending="$env_file.pending"
            if [ -d "$data" ]; then
              echo "etcd member $name already has data in $data; recording that it joined before"
              write_env existing "$name=$peer"
              rm -f "$pending"
              exit 0
            fi
            add_member() {
              # etcd refuses a voting member ("unhealthy cluster", "not enough started members") until the
              # member asked has been connected to every peer for 5 s, as right after the previous member
              # joined; such a refusal leaves the cluster unchanged, so it is retried for a while.
              tries=0
              while :; do
                if out=$(ectl "$ep" member add "$name" --peer-urls="$peer" 2>&1); then printf '%s\n' "$out"; return 0; fi
                tries=$((tries + 1))
                case "$out" in
                  *"unhealthy cluster"*|*"not enough started members"*)
                    if [ "$tries" -lt "$add_tries" ]; then
                      echo "etcd refused member add $name for now (its members have not all been connected long enough); retrying" >&2
                      sleep "$add_pause"; continue
                    fi ;;
                esac
                printf '%s\n' "$out" >&2
                return 1
              done
            }
            list_from() {
              for e in $others; do
                if list=$(ectl "$e" member list 2>/dev/null); then ep=$e; return 0; fi
              done
              return 1
            }
            ep=""
            list_from || { [ "$may_bootstrap" = yes ] || { sleep 3; list_from; }; } || true
            if [ -z "$ep" ]; then
              if [ -s "$pending" ]; then
                echo "no other etcd member answers and $name was being added: the cluster waits for $name (no quorum without it), so it starts"
                write_env existing "$(cat "$pending")"
                rm -f "$pending"
                exit 0
              fi
              if [ "$may_bootstrap" = yes ]; then
                echo "no other etcd member answers (${others:-none in the inventory}): $name starts a new cluster"
                write_env new "$name=$peer"
                exit 0
              fi
              echo "no other etcd member answers (tried: $others); $name cannot join the cluster. Start a quorum of the existing members first." >&2
              exit 1
            fi
            mine=$(printf '%s\\n' "$list" | awk -F', ' -v p="$peer" '$4 == p {print $2 "/" $3}')
            stale=$(printf '%s\\n' "$list" | awk -F', ' -v p="$peer" '$4 != p && ($2 != "started" || $3 == "") {print $4}')
            if [ -n "$stale" ]; then
              echo "etcd member(s) $stale were added to the cluster but never started; start them or remove them before $name joins" >&2
              exit 1
            fi
            case "$mine" in
              "") ectl "$ep" endpoint health --cluster >&2 || { echo "the etcd cluster is not healthy (asked $ep); $name is not added" >&2; exit 1; }
                  cluster="$(printf '%s\\n' "$list" | awk -F', ' 'NF >= 4 {printf "%s=%s,", $3, $4}')$name=$peer"
                  ( umask 077; printf '%s\\n' "$cluster" > "$pending" )
                  if ! add_member; then
                    added=unknown
                    for i in 1 2 3 4 5 6 7 8 9 10; do
                      if list_from; then
                        if printf '%s\\n' "$list" | awk -F', ' -v p="$peer" '$4 == p {f=1} END {exit !f}'; then added=yes; else added=no; fi
                        break
                      fi
                      sleep 3
                    done
                    if [ "$added" = no ]; then
                      rm -f "$pending"
                      echo "member add $name failed and the cluster did not change; run again" >&2
                      exit 1
                    fi
                    echo "member add $name did not confirm, but the cluster lists it or waits for it ($added): it starts"
                  fi ;;
              unstarted/*) echo "$peer was already added to the cluster and not started yet: $name joins as that member"
                  cluster=$(printf '%s\\n' "$list" | awk -F', ' -v n="$name" -v p="$peer" 'NF >= 4 {printf "%s%s=%s", sep, ($4 == p ? n : $3), $4; sep=","}') ;;
              *) echo "$peer is already a started etcd member ($mine) but $name has no data: remove that member first (provisioner etcd member-remove $name)" >&2
                 exit 1 ;;
            esac
            echo "$name joins the etcd cluster as $cluster"
            write_env existing "$cluster"
            rm -f "$pending"
            """;
}
