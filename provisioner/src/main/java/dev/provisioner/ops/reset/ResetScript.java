package dev.provisioner.ops.reset;

import dev.provisioner.engine.HostManifest;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.transport.Command;

/**
 * The shell script that takes away from one host what our applies created there, driven by the
 * host's own {@link HostManifest} (so it removes exactly what was not there before), in this order:
 * <ol>
 *   <li>stop and disable the units we enabled and the units whose unit files we wrote;</li>
 *   <li>remove our iptables rules (chains and rules naming KUBE-, FLANNEL or CNI-) and the CNI/flannel
 *       interfaces ({@code cni0}, {@code flannel.1});</li>
 *   <li>purge the packages our applies installed (dependencies included) that are still installed;</li>
 *   <li>remove the files we created, then the directories we created, then the run-time state our programs
 *       created that did not exist before ({@link HostManifest#RUNTIME_PATHS});</li>
 *   <li>delete the users and groups that did not exist before; remove our /etc/hosts block;
 *       {@code systemctl daemon-reload}; remove {@code /var/lib/provisioner}.</li>
 * </ol>
 * Every line tolerates what is already gone, so a reset that was interrupted can be run again. A host
 * without a manifest (never applied) is left alone. The script prints one {@code reset: ...} line per
 * thing it removed.
 */
final class ResetScript {
    /** Marks the managed block of /etc/hosts (written by the prepare-hosts phase). */
    static final String HOSTS_BEGIN = "# BEGIN provisioner managed block";
    static final String HOSTS_END = "# END provisioner managed block";
    static final String NOTHING = "reset: no manifest, nothing of ours on this host";

    private ResetScript() {
    }

    public static String build() {
        String m = Command.quote(HostManifest.DIR);
        return String.join("\n",
                "m=" + m,
                "if [ ! -e \"$m/baseline\" ]; then echo " + Command.quote(NOTHING) + "; exit 0; fi",
                "lines() { [ -f \"$1\" ] && grep -v '^$' \"$1\" || true; }",
                "# 1. units",
                "{ lines \"$m/units\"; lines \"$m/files\" | grep -E '^/etc/systemd/system/[^/]+\\.(service|socket|timer)$' | sed 's|.*/||'; } | sort -u |",
                "while read -r u; do",
                "  if systemctl cat \"$u\" >/dev/null 2>&1; then systemctl disable --now \"$u\" >/dev/null 2>&1 || true; echo \"reset: stopped $u\"; fi",
                "done",
                "# 2. packet filter rules and interfaces of the pod network",
                "for t in iptables ip6tables; do",
                "  command -v \"$t-save\" >/dev/null 2>&1 || continue",
                "  if \"$t-save\" 2>/dev/null | grep -qE 'KUBE-|FLANNEL|CNI-'; then",
                "    \"$t-save\" | grep -vE 'KUBE-|FLANNEL|CNI-' | \"$t-restore\" && echo \"reset: removed $t rules of kube-proxy, flannel and CNI\"",
                "  fi",
                "done",
                "for i in cni0 flannel.1; do ip link show \"$i\" >/dev/null 2>&1 && ip link delete \"$i\" && echo \"reset: removed interface $i\"; done",
                "# 3. packages",
                "pk=''",
                "for p in $(lines \"$m/packages\"); do",
                "  if command -v dpkg-query >/dev/null 2>&1; then",
                "    dpkg-query -W -f='${db:Status-Status}' \"$p\" 2>/dev/null | grep -qx installed && pk=\"$pk $p\"",
                "  else rpm -q \"$p\" >/dev/null 2>&1 && pk=\"$pk $p\"; fi",
                "done",
                "purge_failed=''",
                "if [ -n \"$pk\" ]; then",
                "  if command -v apt-get >/dev/null 2>&1; then DEBIAN_FRONTEND=noninteractive apt-get -q "
                        + InstallPackages.APT_LOCK_WAIT + " purge -y $pk >/dev/null",
                "  elif command -v dnf >/dev/null 2>&1; then dnf -q remove -y $pk; else yum -q remove -y $pk; fi",
                "  if [ $? -eq 0 ]; then echo \"reset: purged$pk\"; else purge_failed=yes; echo \"could not purge$pk\" >&2; fi",
                "fi",
                "# 4. files, directories, run-time state",
                "lines \"$m/files\" | sort -r | while read -r f; do",
                "  if [ -e \"$f\" ] || [ -L \"$f\" ]; then rm -f -- \"$f\" && echo \"reset: removed $f\"; fi",
                "done",
                "lines \"$m/dirs\" | sort -r | while read -r d; do",
                "  if [ -d \"$d\" ]; then rm -rf -- \"$d\" && echo \"reset: removed $d/\"; fi",
                "done",
                "lines \"$m/absent-before\" | while read -r d; do",
                "  if [ -e \"$d\" ]; then rm -rf -- \"$d\" && echo \"reset: removed $d (created at run time)\"; fi",
                "done",
                "# 5. users, groups, /etc/hosts, systemd, our own directory",
                "cut -d: -f1 /etc/passwd | while read -r u; do",
                "  grep -qxF -- \"$u\" \"$m/users-before\" || { userdel \"$u\" 2>/dev/null && echo \"reset: deleted user $u\"; } || true",
                "done",
                "cut -d: -f1 /etc/group | while read -r g; do",
                "  grep -qxF -- \"$g\" \"$m/groups-before\" || { groupdel \"$g\" 2>/dev/null && echo \"reset: deleted group $g\"; } || true",
                "done",
                "if grep -qF " + Command.quote(HOSTS_BEGIN) + " /etc/hosts; then",
                "  t=$(mktemp)",
                "  sed '/^" + HOSTS_BEGIN + "/,/^" + HOSTS_END + "/d' /etc/hosts > \"$t\" && cat \"$t\" > /etc/hosts && rm -f \"$t\"",
                "  echo 'reset: removed the managed block of /etc/hosts'",
                "fi",
                "systemctl daemon-reload",
                "systemctl reset-failed >/dev/null 2>&1 || true",
                // The manifest stays while a package is left, so that running reset again finishes the job.
                "if [ -n \"$purge_failed\" ]; then echo \"kept $m: run reset again to purge what is left\" >&2; exit 1; fi",
                "rm -rf /var/lib/provisioner",
                "echo 'reset: done'",
                "");
    }
}
