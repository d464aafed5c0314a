package dev.provisioner.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts lab hosts (containers that behave like VMs: systemd as PID 1, real sshd) with the flags
 * measured in LAB-NOTES, and removes them on {@link #close()}, also when a test fails. Use it in
 * try-with-resources or from {@code @BeforeAll/@AfterAll}:
 *
 * <pre>{@code
 * try (LabHosts lab = LabHosts.start("master", "node01")) {
 *     LabHost master = lab.host("master");
 * }
 * }</pre>
 *
 * Hosts on another OS image or without the image's pre-seeded apt cache come from {@link #builder()}:
 * <pre>{@code
 * LabHosts.builder().host("master", DockerSupport.TRIXIE_IMAGE).host("node01", DockerSupport.IMAGE).withoutAptCache().start()
 * }</pre>
 */
public final class LabHosts implements AutoCloseable {
    private final Map<String, LabHost> hosts;
    private final TestKeys keys;
    private final Path knownHosts;
    private final String sudoPassword;
    private final Path dir;
    private final LabCapacity.Reservation capacity;

    private LabHosts(Map<String, LabHost> hosts, TestKeys keys, Path knownHosts, String sudoPassword, Path dir,
                     LabCapacity.Reservation capacity) {
        this.hosts = hosts;
        this.keys = keys;
        this.knownHosts = knownHosts;
        this.sudoPassword = sudoPassword;
        this.dir = dir;
        this.capacity = capacity;
    }

    /** Starts one host per name on the default image, in parallel; fails (CI) or skips (elsewhere) without a Docker engine. */
    public static LabHosts start(String... names) {
        Builder b = builder();
        for (String name : names) {
            b.host(name, DockerSupport.IMAGE);
        }
        return b.start();
    }

    /** Lab hosts with a chosen image per host, optionally without the image's apt cache. */
    public static Builder builder() {
        return new Builder();
    }

    /** Which hosts to start, on which image, and whether apt starts empty. */
    public static final class Builder {
        private final Map<String, String> images = new LinkedHashMap<>();
        private final java.util.Set<String> withoutAptCache = new java.util.HashSet<>();
        private final Map<String, String> hostNames = new LinkedHashMap<>();

        private Builder() {
        }

        /** The host named {@code name} starts with the host name {@code hostName} instead of its own (a renamed VM). */
        public Builder hostName(String name, String hostName) {
            hostNames.put(name, hostName);
            return this;
        }

        /** A host named {@code name} running {@code image} (e.g. {@link DockerSupport#TRIXIE_IMAGE}). */
        public Builder host(String name, String image) {
            images.put(name, image);
            return this;
        }

        /**
         * Empties apt's package lists and downloaded packages on the hosts named (every host added so
         * far when none is named) before the test sees them, as on a host nobody prepared: every install
         * then fetches from the mirror, {@code apt-get update} included.
         */
        public Builder withoutAptCache(String... names) {
            withoutAptCache.addAll(names.length == 0 ? images.keySet() : List.of(names));
            return this;
        }

        /** Starts the hosts in parallel; fails (CI) or skips (elsewhere) without a Docker engine or an image. */
        public LabHosts start() {
            DockerSupport.requireLab(images.values().stream().distinct().toArray(String[]::new));
            LabCapacity.Reservation capacity = LabCapacity.reserve(images.size());
            try {
                return LabHosts.start(Map.copyOf(images), List.copyOf(images.keySet()), java.util.Set.copyOf(withoutAptCache),
                        Map.copyOf(hostNames), capacity);
            } catch (RuntimeException | Error e) {
                capacity.close();
                throw e;
            }
        }
    }

    private static LabHosts start(Map<String, String> images, List<String> names, java.util.Set<String> withoutAptCache,
                                  Map<String, String> hostNames, LabCapacity.Reservation capacity) {
        Path dir;
        try {
            dir = Files.createTempDirectory("provisioner-lab-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TestKeys keys = TestKeys.generate(dir.resolve("keys"));
        String sudoPassword = "lab-sudo-" + Long.toHexString(System.nanoTime());
        Map<String, LabHost> started = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size(), 8));
        List<CompletableFuture<LabHost>> futures = new ArrayList<>();
        try {
            for (String name : names) {
                boolean bare = withoutAptCache.contains(name);
                futures.add(CompletableFuture.supplyAsync(() -> startOne(name, hostNames.getOrDefault(name, name), images.get(name), bare, keys,
                        sudoPassword), pool));
            }
            RuntimeException failure = null;
            for (CompletableFuture<LabHost> f : futures) {
                try {
                    LabHost h = f.join();
                    started.put(h.name(), h);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                started.values().forEach(h -> h.container().stop());
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
        Path knownHosts = dir.resolve("known_hosts");
        StringBuilder lines = new StringBuilder();
        started.values().forEach(h -> lines.append(h.knownHostsLines()));
        try {
            Files.writeString(knownHosts, lines.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new LabHosts(started, keys, knownHosts, sudoPassword, dir, capacity);
    }

    @SuppressWarnings("resource")
    private static LabHost startOne(String name, String hostName, String image, boolean withoutAptCache, TestKeys keys,
                                    String sudoPassword) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))
                .withCommand("/sbin/init")
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withHostName(hostName);
                    cmd.getHostConfig()
                            .withCapAdd(com.github.dockerjava.api.model.Capability.SYS_ADMIN,
                                    com.github.dockerjava.api.model.Capability.NET_ADMIN)
                            .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                            .withCgroupnsMode("host");
                })
                .withTmpFs(Map.of("/run", "rw", "/run/lock", "rw", "/tmp", "rw,exec"))
                .withFileSystemBind("/sys/fs/cgroup", "/sys/fs/cgroup", org.testcontainers.containers.BindMode.READ_WRITE)
                .withLabel("dev.provisioner.lab", "test")
                .withStartupTimeout(Duration.ofSeconds(60));
        try {
            c.start();
            String address = c.getContainerInfo().getNetworkSettings().getIpAddress();
            LabHost host = new LabHost(name, c, address, List.of());
            waitForSsh(host);
            host.put("/root/.provisioner-authorized_keys", keys.authorizedKeys());
            host.execOk(String.join("\n",
                    "set -e",
                    "install -d -m 700 /root/.ssh",
                    "install -m 600 /root/.provisioner-authorized_keys /root/.ssh/authorized_keys",
                    "for u in deploy operator; do",
                    "  useradd -m -s /bin/bash -N -g users $u",
                    "  install -d -m 700 -o $u -g users /home/$u/.ssh",
                    "  install -m 600 -o $u -g users /root/.provisioner-authorized_keys /home/$u/.ssh/authorized_keys",
                    "done",
                    "echo 'deploy ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/deploy",
                    "echo 'operator ALL=(ALL) ALL' > /etc/sudoers.d/operator",
                    "chmod 440 /etc/sudoers.d/deploy /etc/sudoers.d/operator",
                    "rm -f /root/.provisioner-authorized_keys"));
            // The password reaches chpasswd through a file that only root can read, never argv.
            host.put("/root/.pw", "operator:" + sudoPassword + "\n");
            host.execOk("chpasswd < /root/.pw && rm -f /root/.pw");
            if (withoutAptCache) {
                host.execOk("rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb /var/cache/apt/*.bin");
            }
            List<String> hostKeys = host.execOk("cat /etc/ssh/ssh_host_*_key.pub").lines()
                    .map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).toList();
            return new LabHost(name, c, address, hostKeys);
        } catch (RuntimeException | Error e) {
            c.stop();
            throw e;
        }
    }

    private static void waitForSsh(LabHost host) {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            LabHost.Exec r = host.exec("systemctl is-active ssh && test -s /etc/ssh/ssh_host_ed25519_key.pub");
            if (r.exitCode() == 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(host.name() + ": sshd did not become active within 240 s: "
                + host.exec("systemctl status ssh --no-pager; journalctl -b --no-pager | tail -n 30").stdout());
    }

    public List<LabHost> hosts() {
        return List.copyOf(hosts.values());
    }

    public LabHost host(String name) {
        LabHost h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no lab host " + name + "; have " + hosts.keySet());
        }
        return h;
    }

    public TestKeys keys() {
        return keys;
    }

    /** A known_hosts file listing every lab host's keys under its address. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** The sudo password of user {@code operator} on every host. */
    public String sudoPassword() {
        return sudoPassword;
    }

    /** A private temporary directory for this lab, removed on close. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        for (LabHost h : hosts.values()) {
            try {
                h.container().stop();
            } catch (RuntimeException ignored) {
                // keep removing the others
            }
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
        capacity.close();
    }
}
