package dev.provisioner.engine;

import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.InstallPackages;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.transport.Command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an apply created on a host, recorded on the host itself so that {@code reset} can take exactly
 * that away and leave the rest as it was. Each apply batch gets, before anything else, one action that
 * appends to the manifest the files it is about to create (paths that do not exist yet), the directories
 * their placement will create, and the units it enables that were not enabled; and after each package
 * installation one action that appends the packages that installation added (dependencies included),
 * by comparing the host's package list with the one taken before. Recording happens before the change
 * (files, units) or right after it, so a run that dies half-way leaves a manifest that still covers what
 * it did: the "before" package list stays until an installation was recorded.
 *
 * The first record on a host also takes a baseline: its users and groups, and which {@link #RUNTIME_PATHS}
 * were absent.
 *
 * <p>Manifest files, one entry per line: {@value #FILES}, {@value #DIRS}, {@value #UNITS}, {@value #PACKAGES}.
 */
public final class HostManifest {
    public static final String DIR = "/var/lib/provisioner/manifest";
    public static final String FILES = DIR + "/files";
    public static final String DIRS = DIR + "/dirs";
    public static final String UNITS = DIR + "/units";
    public static final String PACKAGES = DIR + "/packages";
    /** Users, groups, and which {@link #RUNTIME_PATHS} did not exist, before our first change on the host. */
    public static final String USERS_BEFORE = DIR + "/users-before";
    public static final String GROUPS_BEFORE = DIR + "/groups-before";
    public static final String ABSENT_BEFORE = DIR + "/absent-before";
    /**
     * State our components' programs create at run time (not files we place): removed by {@code reset} only
     * when it did not exist before our first change.
     */
    public static final List<String> RUNTIME_PATHS = List.of("/var/lib/cni", "/run/flannel", "/var/lib/kubelet",
            "/var/lib/containerd", "/run/containerd", "/var/lib/etcd", "/var/log/pods", "/var/log/containers", "/etc/cni",
            "/opt/cni", "/opt/containerd", "/var/lib/docker-registry", "/etc/kubernetes", "/var/run/kubernetes", "/etc/containerd");
    static final String PACKAGES_BEFORE = DIR + "/.packages-before";
    static final String RECORD_STEP_NOTE = "record in " + DIR + " what this batch creates";
    /** The step name of the recording actions: no step has it, so they appear in no step's report. */
    static final String STEP = "(manifest)";

    /** Installed package names, one a line, sorted (dpkg or rpm hosts). */
    static final String LIST_PACKAGES = "{ if command -v dpkg-query >/dev/null 2>&1; then "
            + "dpkg-query -W -f='${db:Status-Status} ${Package}\\n' | awk '$1==\"installed\" {print $2}'; "
            + "else rpm -qa --qf '%{NAME}\\n'; fi; } | LC_ALL=C sort -u";

    private HostManifest() {
    }

    /** {@code batch} with the recording actions added (apply mode only); the batch unchanged when it creates nothing. */
    static List<Planned> withRecording(List<Planned> batch) {
        Set<String> paths = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        boolean packages = false;
        for (Planned p : batch) {
            if (p.action() instanceof PutFile put) {
                paths.add(put.path());
            } else if (p.action() instanceof EnsureUnit unit && unit.enable()) {
                units.add(unit.unit());
            } else if (p.action() instanceof InstallPackages) {
                packages = true;
            }
        }
        if (batch.isEmpty()) {
            return batch;
        }
        List<Planned> out = new ArrayList<>();
        out.add(new Planned(STEP, RunCommand.of(RECORD_STEP_NOTE, before(paths, units, packages))));
        int installs = (int) batch.stream().filter(p -> p.action() instanceof InstallPackages).count();
        int seen = 0;
        for (Planned p : batch) {
            out.add(p);
            if (p.action() instanceof InstallPackages) {
                seen++;
                out.add(new Planned(STEP, RunCommand.of("record the packages installed in " + PACKAGES,
                        afterInstall(seen == installs))));
            }
        }
        return out;
    }

    /**
     * The step a failure at {@code index} is reported against: the action's own step, or for a recording
     * action the step it records for (the next action's for the first record, the installation's before it otherwise).
     */
    static String stepOf(List<Planned> batch, int index) {
        if (!batch.get(index).step().equals(STEP)) {
            return batch.get(index).step();
        }
        int i = index == 0 ? 1 : index - 1;
        return i < batch.size() ? batch.get(i).step() : batch.get(index).step();
    }

    /**
     * Records not-yet-existing paths (and the directories above them that do not exist), units not enabled yet, the package list.
     * Shell builtins only (a process costs a host about 4.5 ms of CPU): the record lists are read with {@code read}, a
     * path's parent is {@code ${p%/*}}, and {@code units} are the ones the batch enables, which it does only because the
     * facts said they were not enabled.
     */
    static String before(Set<String> paths, Set<String> units, boolean packages) {
        StringBuilder s = new StringBuilder();
        s.append("m=").append(Command.quote(DIR)).append("\n[ -d \"$m\" ] || mkdir -p \"$m\"\n")
         .append("for f in files dirs units packages; do [ -e \"$m/$f\" ] || : > \"$m/$f\"; done\n")
         .append("add() { while IFS= read -r l || [ -n \"$l\" ]; do [ \"$l\" != \"$2\" ] || return 0; done < \"$m/$1\";"
                 + " printf '%s\\n' \"$2\" >> \"$m/$1\"; }\n")
         .append("names() { while IFS=: read -r n r || [ -n \"$n\" ]; do printf '%s\\n' \"$n\"; done < \"$1\"; }\n")
         .append("if [ ! -e \"$m/baseline\" ]; then\n")
         .append("  names /etc/passwd > ").append(Command.quote(USERS_BEFORE)).append('\n')
         .append("  names /etc/group > ").append(Command.quote(GROUPS_BEFORE)).append('\n')
         .append("  for p in ").append(String.join(" ", RUNTIME_PATHS.stream().map(Command::quote).toList()))
         .append("; do [ -e \"$p\" ] || printf '%s\\n' \"$p\"; done > ").append(Command.quote(ABSENT_BEFORE)).append('\n')
         .append("  : > \"$m/baseline\"\nfi\n");
        if (!paths.isEmpty()) {
            s.append("for p in ").append(String.join(" ", paths.stream().map(Command::quote).toList())).append("; do\n")
             .append("  if [ ! -e \"$p\" ] && [ ! -L \"$p\" ]; then add files \"$p\"; fi\n")
             .append("  d=$p\n")
             .append("  while :; do case $d in */*) d=${d%/*} ;; *) break ;; esac;"
                     + " { [ -n \"$d\" ] && [ ! -e \"$d\" ]; } || break; add dirs \"$d\"; done\n")
             .append("done\n");
        }
        if (!units.isEmpty()) {
            s.append("for u in ").append(String.join(" ", units.stream().map(Command::quote).toList())).append("; do add units \"$u\"; done\n");
        }
        if (packages) {
            s.append("[ -e ").append(Command.quote(PACKAGES_BEFORE)).append(" ] || ").append(LIST_PACKAGES).append(" > ")
             .append(Command.quote(PACKAGES_BEFORE)).append('\n');
        }
        return s.toString();
    }

    /**
     * A shell condition, builtins only, that holds on the host when the first record of {@code batch} (see
     * {@link #withRecording}) would add nothing: the baseline and the record lists are there and every file the batch
     * places exists already (so do the directories above it). The apply script then does not start the record's
     * {@code sh}, a process on every run that rewrites files already there. Empty when the record always adds
     * something: the batch enables units (only those the facts found not enabled) or installs packages.
     */
    static Optional<String> nothingNew(List<Planned> batch) {
        List<String> tests = new ArrayList<>();
        for (String f : List.of("baseline", "files", "dirs", "units", "packages")) {
            tests.add("[ -e " + Command.quote(DIR + "/" + f) + " ]");
        }
        for (Planned p : batch) {
            if (p.action() instanceof PutFile put) {
                String path = Command.quote(put.path());
                tests.add("{ [ -e " + path + " ] || [ -L " + path + " ]; }");
            } else if ((p.action() instanceof EnsureUnit unit && unit.enable()) || p.action() instanceof InstallPackages) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join(" && ", tests));
    }

    /** Whether {@code p} is the record {@link #withRecording} puts first in a batch. */
    static boolean isFirstRecord(Planned p) {
        return p.step().equals(STEP) && p.action() instanceof RunCommand r && r.description().equals(RECORD_STEP_NOTE);
    }

    /** Appends the packages installed since the "before" list; the last installation of a batch removes that list. */
    static String afterInstall(boolean last) {
        String before = Command.quote(PACKAGES_BEFORE);
        String pkgs = Command.quote(PACKAGES);
        return "now=$(mktemp)\n" + LIST_PACKAGES + " > \"$now\"\n"
                + "LC_ALL=C comm -13 " + before + " \"$now\" >> " + pkgs + "\n"
                + "LC_ALL=C sort -u -o " + pkgs + " " + pkgs + "\n"
                + (last ? "rm -f " + before + " \"$now\"\n" : "mv -f \"$now\" " + before + "\n");
    }
}
