package dev.provisioner.component.prereq;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a kernel module is available in the running kernel, read from files the facts script can
 * probe: {@code /proc/modules} and {@code /sys/module/<name>/initstate} for loaded modules, and the
 * trace a built-in module leaves ({@code overlay} registers a filesystem in {@code /proc/filesystems};
 * {@code br_netfilter} creates {@code /proc/sys/net/bridge/bridge-nf-call-iptables}). Pure.
 */
final class KernelModules {
    static final String MODULES = "/proc/modules";
    static final String FILESYSTEMS = "/proc/filesystems";
    static final String BRIDGE_NF = "/proc/sys/net/bridge/bridge-nf-call-iptables";

    private KernelModules() {
    }

    static FactsQuery query(List<String> modules) {
        FactsQuery q = FactsQuery.file(MODULES, FileProbe.content())
                .and(FactsQuery.file(FILESYSTEMS, FileProbe.content()))
                .and(FactsQuery.file(BRIDGE_NF, FileProbe.metadata()));
        for (String m : modules) {
            q = q.and(FactsQuery.file(initstate(m), FileProbe.metadata()));
        }
        return q;
    }

    /** How the module shows it is there ("loaded", "overlay filesystem registered"), or empty. */
    static Optional<String> evidence(String module, HostFacts facts) {
        String modules = facts.file(MODULES).text().orElse("");
        if (Arrays.stream(modules.split("\n")).anyMatch(l -> l.startsWith(module + " "))) {
            return Optional.of("loaded");
        }
        if (facts.file(initstate(module)).exists()) {
            return Optional.of("loaded");
        }
        if (module.equals("overlay") && Arrays.stream(facts.file(FILESYSTEMS).text().orElse("").split("\n"))
                .anyMatch(l -> l.strip().endsWith("overlay"))) {
            return Optional.of("overlay filesystem registered");
        }
        if (module.equals("br_netfilter") && facts.file(BRIDGE_NF).exists()) {
            return Optional.of("bridge netfilter sysctls present");
        }
        return Optional.empty();
    }

    static String initstate(String module) {
        return "/sys/module/" + module + "/initstate";
    }
}
