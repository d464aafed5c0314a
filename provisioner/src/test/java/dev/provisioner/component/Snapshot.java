package dev.provisioner.component;

import dev.provisioner.testsupport.LabHost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What "the host as before" means for reset, taken inside the lab host: the package list with versions
 * and states, every file, link and directory under /etc and the paths our components use (with checksums),
 * and the unit files systemd knows with their state. Honest exceptions, left out and documented: the
 * backup copies shadow-utils keeps when users are added or deleted ({@code /etc/passwd-} and friends) and
 * {@code /etc/ld.so.cache} (rebuilt by ldconfig on every package change, same libraries), plus apt's caches
 * outside these paths.
 */
final class Snapshot {
    static final String PATHS = "/etc /usr/local /opt /srv /var/lib/provisioner /var/lib/etcd /var/lib/containerd /var/lib/cni"
            + " /var/lib/docker-registry /var/lib/kubelet /run/flannel /run/containerd";
    static final String IGNORED = "^(/etc/(passwd|group|shadow|gshadow)-|/etc/ld\\.so\\.cache) ";

    private Snapshot() {
    }

    static String of(LabHost h) {
        return h.execOk(String.join("\n",
                "dpkg-query -W -f='pkg ${Package} ${Version} ${db:Status-Status}\\n' | sort",
                "find " + PATHS + " -xdev 2>/dev/null \\( -type f -printf 'f %p %m %u:%g ' -exec sha256sum {} \\; \\) -o"
                        + " \\( -type l -printf 'l %p -> %l\\n' \\) -o \\( -type d -printf 'd %p %m %u:%g\\n' \\) | sed -E 's/  \\/.*$//' | sort"
                        + " | grep -vE '^. " + IGNORED.substring(1) + "' || true",
                "systemctl list-unit-files --no-legend --no-pager | awk '{print \"unit \" $1 \" \" $2}' | sort",
                "ls -1 /var/lib | sed 's/^/varlib /'"));
    }

    /** Lines only in one of the two, marked - (before) and + (now). */
    static List<String> diff(String before, String now) {
        Set<String> a = new LinkedHashSet<>(before.lines().toList());
        Set<String> b = new LinkedHashSet<>(now.lines().toList());
        List<String> out = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> out.add("- " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> out.add("+ " + l));
        return out;
    }
}
