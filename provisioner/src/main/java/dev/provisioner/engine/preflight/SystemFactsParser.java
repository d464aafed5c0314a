package dev.provisioner.engine.preflight;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the facts script's system probe ({@link dev.provisioner.facts.HostFacts#system()}: {@code key=value}
 * lines) into {@link SystemFacts}. CPUs come as the kernel's online list ({@code 0-3,6}), listening ports in hex
 * as /proc/net prints them; {@code listening=unprobed} says the socket tables were not read.
 */
public final class SystemFactsParser {
    private SystemFactsParser() {
    }

    /**
     * @return empty when the probe printed nothing (facts from a source without it)
     * @throws IllegalArgumentException naming the host when a required line is missing or malformed
     */
    public static Optional<SystemFacts> parse(String host, List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> kv = new LinkedHashMap<>();
        Set<String> listening = new HashSet<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1).strip();
            if (key.equals("listen")) {
                String[] f = value.split(" ");
                if (f.length == 2 && f[1].matches("[0-9A-Fa-f]{1,4}")) {
                    listening.add(Integer.parseInt(f[1], 16) + "/" + f[0]);
                }
            } else {
                kv.put(key, value);
            }
        }
        try {
            return Optional.of(new SystemFacts(require(kv, "hostname", host), Long.parseLong(require(kv, "memKiB", host)) / 1024,
                    cpus(require(kv, "cpus", host)), Long.parseLong(kv.getOrDefault("swapKiB", "0")),
                    "2".equals(kv.get("cgroup")), kv.containsKey("timesync") ? Optional.of(true) : Optional.empty(),
                    kv.containsKey("container"), listening, !"unprobed".equals(kv.get("listening"))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(host + ": unexpected system probe output: " + e.getMessage(), e);
        }
    }

    /** The number of CPUs in a kernel CPU list such as {@code 0-3,6}. */
    static int cpus(String list) {
        int n = 0;
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            n += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1).strip()) - Integer.parseInt(part.substring(0, dash).strip()) + 1;
        }
        return n;
    }

    private static String require(Map<String, String> kv, String key, String host) {
        String v = kv.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(host + ": the system probe printed no " + key);
        }
        return v;
    }
}
