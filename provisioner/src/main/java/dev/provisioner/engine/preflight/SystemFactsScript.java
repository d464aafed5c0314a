package dev.provisioner.engine.preflight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One POSIX shell script, run as root, printing {@code key=value} lines, and its parser. Listening sockets come
 * from {@code ss -Hltunp} (iproute2), whose process column names the owner.
 */
public final class SystemFactsScript {
    /** The script. */
    public static final String TEXT = """
            echo "hostname=$(hostname)"
            awk '/^MemTotal:/ {print "memKiB=" $2} /^SwapTotal:/ {print "swapKiB=" $2}' /proc/meminfo
            echo "cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)"
            if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo cgroup=2; else echo cgroup=1; fi
            echo "ntp=$(timedatectl show -p NTPSynchronized --value 2>/dev/null)"
            ss -Hltunp 2>/dev/null | while read -r proto state recv send local peer rest; do echo "listen=$proto $local $rest"; done
            true
            """;
    private static final Pattern PORT = Pattern.compile(":(\\d+)$");
    private static final Pattern PROCESS = Pattern.compile("\\(\\(\"([^\"]+)\"");

    private SystemFactsScript() {
    }

    /**
     * Parses the script's output.
     *
     * @throws IllegalArgumentException naming the host when a required line is missing or malformed
     */
    public static SystemFacts parse(String host, String output) {
        Map<String, String> kv = new LinkedHashMap<>();
        Map<String, String> listening = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1).strip();
            if (key.equals("listen")) {
                String[] f = value.split("\\s+", 3);
                if (f.length < 2) {
                    continue;
                }
                Matcher port = PORT.matcher(f[1]);
                if (port.find()) {
                    Matcher proc = PROCESS.matcher(f.length > 2 ? f[2] : "");
                    listening.putIfAbsent(port.group(1) + "/" + f[0], proc.find() ? proc.group(1) : "");
                }
            } else {
                kv.put(key, value);
            }
        }
        try {
            String ntp = kv.getOrDefault("ntp", "");
            return new SystemFacts(require(kv, "hostname", host), Long.parseLong(require(kv, "memKiB", host)) / 1024,
                    Integer.parseInt(require(kv, "cpus", host)), Long.parseLong(kv.getOrDefault("swapKiB", "0")),
                    "2".equals(kv.get("cgroup")), ntp.isEmpty() ? Optional.empty() : Optional.of(ntp.equals("yes")),
                    listening);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(host + ": unexpected system facts output: " + e.getMessage(), e);
        }
    }

    private static String require(Map<String, String> kv, String key, String host) {
        String v = kv.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException(host + ": the system facts script printed no " + key);
        }
        return v;
    }
}
