package dev.provisioner.bench;

import dev.provisioner.bench.workload.Workload;
import dev.provisioner.lab.Lab;
import dev.provisioner.lab.LabHostInfo;
import dev.provisioner.lab.LabSettings;
import dev.provisioner.lab.LabTopology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The benchmark's lab, the project's own {@link Lab} (containers {@code provisioner-bench-*}, host
 * keys pinned in its known_hosts), grown host count by host count (running hosts are reused); a
 * count of N uses the first N hosts. Before each first converge the hosts are put back to the
 * image's state through {@code docker exec} (never over SSH, so the engine's counters only see the
 * runs themselves).
 */
final class BenchLab implements AutoCloseable {
    static final String NAME = "bench";
    /** The {@code --cluster} mode's lab: its own containers, key and inventory, never mixed with the workload's. */
    static final String CLUSTER = "bench-cluster";
    /** Undoes the workload: services, unit files, configs, the package, the /etc/hosts block. */
    static final String RESET = String.join("\n",
            "systemctl disable --now bench-a.service bench-b.service >/dev/null 2>&1 || true",
            "rm -f /etc/systemd/system/bench-a.service /etc/systemd/system/bench-b.service",
            "systemctl daemon-reload",
            "rm -rf /etc/bench /etc/logrotate.d/bench /etc/sysctl.d/90-bench.conf /var/lib/provisioner",
            "DEBIAN_FRONTEND=noninteractive dpkg --purge " + Workload.PACKAGE + " >/dev/null 2>&1 || true",
            "sed '/^# BEGIN provisioner managed block/,/^# END provisioner managed block/d' /etc/hosts > /tmp/hosts.bench",
            "cat /tmp/hosts.bench > /etc/hosts && rm -f /tmp/hosts.bench",
            "! dpkg -s " + Workload.PACKAGE + " >/dev/null 2>&1 && [ ! -e /etc/bench ]");

    private final Lab lab;
    private final LabSettings settings;
    private List<LabHostInfo> hosts = List.of();

    BenchLab(Path root, Path stateDir, Consumer<String> progress) {
        this(root, stateDir, progress, NAME);
    }

    BenchLab(Path root, Path stateDir, Consumer<String> progress, String name) {
        this.settings = new LabSettings(name, System.getenv().getOrDefault("PROVISIONER_LAB_IMAGE", "provisioner-lab:bookworm"),
                stateDir, stateDir.resolve("lab.yaml"), root.resolve("lab"), "docker");
        this.lab = new Lab(settings, progress);
    }

    /** Makes {@code count} hosts run (at least 3, the lab's smallest topology: master, node01, registry). */
    List<LabHostInfo> up(int count) {
        hosts = lab.up(new LabTopology(1, Math.max(1, count - 2)));
        return hosts;
    }

    /** The first {@code n} hosts. */
    List<LabHostInfo> first(int n) {
        return hosts.subList(0, n);
    }

    Path key() {
        return settings.stateDir().resolve("id_ed25519");
    }

    Path knownHosts() {
        return settings.stateDir().resolve("known_hosts");
    }

    /** The inventory the lab itself wrote for all its hosts (the one {@code provisioner lab up} applies). */
    Path labInventory() {
        return settings.inventory();
    }

    /** Writes the inventory for the first {@code n} hosts and returns its path. */
    Path inventory(int n, Path dir) throws IOException {
        Path file = dir.resolve("inventory-" + n + ".yaml");
        Files.writeString(file, BenchInventory.render(first(n), key(), knownHosts()), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Where the first {@code n} hosts' cumulative CPU time is kept (cgroup counter files), found once
     * from their container ids; say why in {@link HostCpu#unavailable()} when not found.
     */
    HostCpu hostCpu(int n) {
        return HostCpu.resolve(CgroupCpu.ROOT, containerIds(n));
    }

    /** Container name -> full container id of the first {@code n} hosts, in host order (one docker inspect). */
    private Map<String, String> containerIds(int n) {
        List<String> command = new ArrayList<>(List.of("docker", "inspect", "-f", "{{.Name}} {{.Id}}"));
        first(n).forEach(h -> command.add(h.container()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new BenchException("docker inspect of the lab containers failed: " + out.strip());
            }
            return parseInspect(out);
        } catch (IOException e) {
            throw new BenchException("cannot run docker inspect: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** Lines {@code /name id} (docker inspect's {@code {{.Name}} {{.Id}}}) -> name -> id, in order. */
    static Map<String, String> parseInspect(String out) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length != 2 || !f[1].matches("[0-9a-f]{64}")) {
                throw new BenchException("unexpected docker inspect output line: '" + line + "'");
            }
            ids.put(f[0].startsWith("/") ? f[0].substring(1) : f[0], f[1]);
        }
        return ids;
    }

    /** Resets the first {@code n} hosts in parallel; throws naming the first host that failed. */
    void reset(int n) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 8));
        try {
            List<Future<String>> results = new ArrayList<>();
            for (LabHostInfo h : first(n)) {
                results.add(pool.submit(() -> dockerExec(h.container(), RESET)));
            }
            for (Future<String> f : results) {
                String error = f.get();
                if (!error.isEmpty()) {
                    throw new BenchException(error);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while resetting the lab hosts");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new BenchException("resetting the lab hosts failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code script} in {@code container}; returns "" or what went wrong. */
    static String dockerExec(String container, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "exec", container, "sh", "-c", script).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return container + ": reset did not finish within 120 s";
        }
        return p.exitValue() == 0 ? "" : container + ": reset failed (" + p.exitValue() + "): "
                + new String(out, StandardCharsets.UTF_8).strip();
    }

    /** Removes every container of the bench lab. */
    @Override
    public void close() {
        lab.down();
    }
}
