package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;

import java.util.Optional;

/**
 * Whether the host can change its kernel's settings at all, read from facts: a container (Docker's
 * {@code /.dockerenv}, Podman's {@code /run/.containerenv}, or what systemd recorded in
 * {@code /run/systemd/container}) shares the kernel of the machine it runs on, and {@code /proc/sys}
 * mounted read-only means no sysctl can be written. Steps use it to say honestly why something
 * cannot be applied instead of pretending, and to refuse to fail a run for what a container forbids.
 *
 * @param container       the container manager ("docker", "podman", ...), empty on a VM or bare metal
 * @param procSysReadOnly {@code /proc/sys} (or {@code /proc}) is mounted read-only
 */
record Confinement(Optional<String> container, boolean procSysReadOnly) {
    static final String DOCKERENV = "/.dockerenv";
    static final String CONTAINERENV = "/run/.containerenv";
    static final String SYSTEMD_CONTAINER = "/run/systemd/container";
    static final String MOUNTS = "/proc/mounts";

    static FactsQuery query() {
        return FactsQuery.file(DOCKERENV, FileProbe.metadata())
                .and(FactsQuery.file(CONTAINERENV, FileProbe.metadata()))
                .and(FactsQuery.file(SYSTEMD_CONTAINER, FileProbe.content()))
                .and(FactsQuery.file(MOUNTS, FileProbe.content()));
    }

    static Confinement of(HostFacts facts) {
        Optional<String> container = facts.file(SYSTEMD_CONTAINER).text().map(String::strip).filter(s -> !s.isEmpty());
        if (container.isEmpty() && facts.file(DOCKERENV).exists()) {
            container = Optional.of("docker");
        }
        if (container.isEmpty() && facts.file(CONTAINERENV).exists()) {
            container = Optional.of("podman");
        }
        return new Confinement(container, readOnly(facts.file(MOUNTS)));
    }

    private static boolean readOnly(FileState mounts) {
        for (String line : mounts.text().orElse("").split("\n")) {
            String[] f = line.split("\\s+");
            if (f.length >= 4 && (f[1].equals("/proc/sys") || f[1].equals("/proc"))
                    && (f[3].equals("ro") || f[3].startsWith("ro,"))) {
                return true;
            }
        }
        return false;
    }

    boolean inContainer() {
        return container.isPresent();
    }

    /** The kernel may be changed from here (a VM or bare metal). */
    boolean canChangeKernel() {
        return container.isEmpty() && !procSysReadOnly;
    }

    /** "a container (docker) shares its host's kernel; /proc/sys is mounted read-only". */
    String why() {
        StringBuilder s = new StringBuilder();
        container.ifPresent(c -> s.append("this host is a container (").append(c).append(") and shares the kernel of the machine it runs on"));
        if (procSysReadOnly) {
            s.append(s.length() > 0 ? "; " : "").append("/proc/sys is mounted read-only");
        }
        return s.toString();
    }

    /** " (container: docker, /proc/sys read-only)" or "". */
    String note() {
        if (canChangeKernel()) {
            return "";
        }
        return " (" + container.map(c -> "container: " + c).orElse("") + (container.isPresent() && procSysReadOnly ? ", " : "")
                + (procSysReadOnly ? "/proc/sys read-only" : "") + ")";
    }
}
