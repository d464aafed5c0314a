package dev.provisioner.ops.etcd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses etcdctl's simple output of {@code member list} and {@code endpoint health} (etcd 3.4 to 3.6). Pure. */
final class MemberList {
    private static final Pattern HEALTH = Pattern.compile("^(\\S+) is (healthy|unhealthy)\\b.*");

    private MemberList() {
    }

    /** {@code 8e9e05c52164694d, started, m1, https://10.0.0.1:2380, https://10.0.0.1:2379, false} per line. */
    static List<EtcdMember> parse(String output) {
        List<EtcdMember> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] f = l.split(", ", -1);
            if (f.length < 5 || !f[0].matches("[0-9a-f]+")) {
                throw new IllegalArgumentException("not a line of etcdctl member list: " + l);
            }
            out.add(new EtcdMember(f[0], "started".equals(f[1]), f[2], urls(f[3]), urls(f[4]),
                    f.length > 5 && "true".equals(f[5])));
        }
        return out;
    }

    private static List<String> urls(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(",")).map(String::strip).toList();
    }

    /** Client URL -> healthy, from {@code endpoint health} output (stdout and stderr merged). */
    static Map<String, Boolean> health(String output) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = HEALTH.matcher(line.strip());
            if (m.matches()) {
                out.put(m.group(1), "healthy".equals(m.group(2)));
            }
        }
        return out;
    }
}
