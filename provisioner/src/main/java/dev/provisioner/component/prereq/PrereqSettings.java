package dev.provisioner.component.prereq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the {@value PrerequisitesPhase#TITLE} phase wants on masters and nodes: kernel modules loaded
 * at boot and now, and sysctls persisted and live. Embedders add their own with {@link #withModule}
 * and {@link #withSysctl}.
 *
 * @param modules kernel modules, in load order
 * @param sysctls sysctl key to value, in file order
 */
public record PrereqSettings(List<String> modules, Map<String, String> sysctls) {
    private static final Pattern MODULE = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[A-Za-z0-9_-]+)+");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9 ._:/-]+");

    public PrereqSettings {
        modules = List.copyOf(modules);
        sysctls = Collections.unmodifiableMap(new LinkedHashMap<>(sysctls));
        modules.forEach(m -> require(MODULE, m, "kernel module name"));
        sysctls.forEach((k, v) -> {
            require(KEY, k, "sysctl key");
            require(VALUE, v, "sysctl value");
        });
    }

    /** overlay and br_netfilter; ip_forward and bridge-nf-call-iptables/ip6tables = 1 (K8S-REFERENCE §7). */
    public static PrereqSettings standard() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("net.ipv4.ip_forward", "1");
        s.put("net.bridge.bridge-nf-call-iptables", "1");
        s.put("net.bridge.bridge-nf-call-ip6tables", "1");
        return new PrereqSettings(List.of("overlay", "br_netfilter"), s);
    }

    public PrereqSettings withModule(String module) {
        List<String> m = new ArrayList<>(modules);
        if (!m.contains(module)) {
            m.add(module);
        }
        return new PrereqSettings(m, sysctls);
    }

    public PrereqSettings withSysctl(String key, String value) {
        Map<String, String> s = new LinkedHashMap<>(sysctls);
        s.put(key, value);
        return new PrereqSettings(modules, s);
    }

    /** Where the live value of {@code key} is read: {@code /proc/sys/net/ipv4/ip_forward}. */
    static String procPath(String key) {
        return "/proc/sys/" + key.replace('.', '/');
    }

    private static void require(Pattern p, String s, String what) {
        if (s == null || !p.matcher(s).matches()) {
            throw new IllegalArgumentException("invalid " + what + ": " + s);
        }
    }
}
