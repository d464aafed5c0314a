package dev.provisioner.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local lab: containers that behave like VMs (systemd as PID 1, OpenSSH), started with the flags
 * that work without {@code --privileged}, and an inventory that points at them with pinned host keys.
 *
 * <pre>{@code
 * Lab lab = new Lab(LabSettings.inCheckout(Path.of(".")));
 * List<LabHostInfo> hosts = lab.up(LabTopology.recipe2018());   // then apply inventories/lab.yaml
 * lab.down();
 * }</pre>
 */
public final class Lab {
    /** How many lab containers are created and booted at once. */
    static final int STARTS_AT_ONCE = 8;

    static final String LABEL = "dev.provisioner.lab";
    private final LabSettings settings;
    private final DockerCli docker;
    private final Consumer<String> progress;

    public Lab(LabSettings settings) {
        this(settings, line -> { });
    }

    /**
     * @param progress receives a line when the lab does something slow (installing or starting the
     *                 engine, building the image: the scripts' output) so a front end can show it
     */
    public Lab(LabSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.docker = new DockerCli(settings.docker());
        this.progress = progress;
    }

    public LabSettings settings() {
        return settings;
    }

    /**
     * Makes sure the engine answers and the image exists (running the checkout's lab scripts when
     * needed), starts every host of {@code topology} that is not running yet, installs the lab key,
     * pins the host keys and writes the inventory. Re-running converges: running hosts are reused.
     */
    public List<LabHostInfo> up(LabTopology topology) {
        ensureEngineAndImage();
        Path key;
        Path knownHosts = settings.stateDir().resolve("known_hosts");
        try {
            StateFiles.ensureDir(settings.stateDir());
            key = LabKeys.ensure(settings.stateDir());
        } catch (IOException e) {
            throw new LabException("cannot create " + settings.stateDir() + ": " + e.getMessage(), e);
        }
        String publicKey = LabKeys.publicKey(key);
        // At most STARTS_AT_ONCE containers boot at a time: a hundred systemd boots at once on a small machine
        // made some sshd miss their 120 s, while a few at a time each boot in seconds.
        ExecutorService starter = Executors.newFixedThreadPool(
                Math.max(1, Math.min(STARTS_AT_ONCE, topology.hosts().size())), r -> {
                    Thread t = new Thread(r, "lab-start");
                    t.setDaemon(true);
                    return t;
                });
        List<LabHostInfo> hosts = new ArrayList<>();
        try {
            List<CompletableFuture<LabHostInfo>> starts = new ArrayList<>();
            for (LabTopology.LabHostSpec spec : topology.hosts()) {
                starts.add(CompletableFuture.supplyAsync(() -> startHost(spec, publicKey), starter));
            }
            for (CompletableFuture<LabHostInfo> f : starts) {
                try {
                    hosts.add(f.join());
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        } finally {
            starter.shutdown();
        }
        StringBuilder kh = new StringBuilder();
        for (LabHostInfo h : hosts) {
            for (String k : h.hostKeys()) {
                kh.append(h.address()).append(' ').append(k).append('\n');
            }
        }
        try {
            StateFiles.write(knownHosts, kh.toString().getBytes(StandardCharsets.UTF_8));
            StateFiles.write(settings.inventory(),
                    LabInventoryFile.render(settings, hosts, key, knownHosts).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException("cannot write the lab inventory: " + e.getMessage(), e);
        }
        return hosts;
    }

    /** The lab's containers as Docker sees them (running or not). */
    public List<LabHostInfo> status() {
        DockerCli.Result r = docker.runOk(List.of("ps", "-a", "--filter", "label=" + LABEL + "=" + settings.name(),
                "--format", "{{.Names}}\t{{.State}}\t{{.Label \"" + LABEL + ".host\"}}\t{{.Label \"" + LABEL + ".role\"}}"));
        List<LabHostInfo> hosts = new ArrayList<>();
        for (String line : r.stdout().strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String address = "running".equals(f[1]) ? address(f[0]) : "";
            hosts.add(new LabHostInfo(f[2], f[3], f[0], address, f[1], List.of()));
        }
        hosts.sort(java.util.Comparator.comparing(LabHostInfo::name));
        return hosts;
    }

    /** Removes the containers this lab started (found by label) and the lab inventory; returns their names. */
    public List<String> down() {
        List<String> names = status().stream().map(LabHostInfo::container).toList();
        if (!names.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(names);
            docker.runOk(args);
        }
        try {
            Files.deleteIfExists(settings.inventory());
            Files.deleteIfExists(settings.stateDir().resolve("known_hosts"));
        } catch (IOException e) {
            throw new LabException("cannot remove " + settings.inventory() + ": " + e.getMessage(), e);
        }
        return names;
    }

    private void ensureEngineAndImage() {
        if (!docker.run(List.of("info", "--format", "{{.ServerVersion}}")).ok()) {
            runScript("ensure-docker.sh", "no Docker engine answers");
        }
        if (!docker.run(List.of("image", "inspect", settings.image())).ok()) {
            runScript("build-image.sh", "the lab image " + settings.image() + " does not exist");
        }
    }

    private void runScript(String script, String why) {
        Path path = settings.scriptsDir() == null ? null : settings.scriptsDir().resolve(script);
        if (path == null || !Files.isRegularFile(path)) {
            throw new LabException(why + ", and lab/" + script + " (which fixes that) is not available here;"
                    + " run provisioner from a checkout or start the engine and build the image first");
        }
        progress.accept(why + ": running lab/" + script);
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", path.toString()).redirectErrorStream(true);
            // build-image.sh builds this lab's image from this lab's Debian suite.
            pb.environment().put("PROVISIONER_LAB_IMAGE", settings.image());
            pb.environment().put("PROVISIONER_LAB_SUITE", settings.os().suite());
            Process p = pb.start();
            StringBuilder output = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.append(line).append('\n');
                    // The scripts tag their lines "[lab] " already; the front end adds its own tag.
                    progress.accept(line.startsWith("[lab] ") ? line.substring(6) : line);
                }
            }
            if (p.waitFor() != 0) {
                throw new LabException(why + " and lab/" + script + " failed:\n" + output.toString().strip());
            }
        } catch (IOException e) {
            throw new LabException("cannot run lab/" + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running lab/" + script, e);
        }
    }

    private LabHostInfo startHost(LabTopology.LabHostSpec spec, String publicKey) {
        String container = settings.containerName(spec.name());
        DockerCli.Result state = docker.run(List.of("inspect", "-f", "{{.State.Status}}", container));
        if (state.ok() && !"running".equals(state.stdout().strip())) {
            docker.runOk(List.of("start", container));
        } else if (!state.ok()) {
            docker.runOk(List.of("run", "-d", "--name", container, "--hostname", spec.name(),
                    "--label", LABEL + "=" + settings.name(), "--label", LABEL + ".host=" + spec.name(),
                    "--label", LABEL + ".role=" + spec.role(),
                    "--cap-add", "SYS_ADMIN", "--cap-add", "NET_ADMIN",
                    "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
                    "--cgroupns=host", "--tmpfs", "/run", "--tmpfs", "/run/lock", "--tmpfs", "/tmp:exec",
                    "-v", "/sys/fs/cgroup:/sys/fs/cgroup:rw", settings.image(), "/sbin/init"));
        }
        waitForSsh(container);
        exec(container, "install -d -m 700 /root/.ssh && cat > /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys",
                publicKey.getBytes(StandardCharsets.UTF_8));
        List<String> hostKeys = Arrays.stream(exec(container, "cat /etc/ssh/ssh_host_*_key.pub", null).split("\n"))
                .filter(l -> !l.isBlank()).map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).toList();
        return new LabHostInfo(spec.name(), spec.role(), container, address(container), "running", hostKeys);
    }

    private String address(String container) {
        return docker.runOk(List.of("inspect", "-f", "{{.NetworkSettings.IPAddress}}", container)).stdout().strip();
    }

    private void waitForSsh(String container) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (docker.run(List.of("exec", container, "sh", "-c",
                    "systemctl is-active -q ssh && test -s /etc/ssh/ssh_host_ed25519_key.pub")).ok()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for " + container, e);
            }
        }
        throw new LabException(container + ": sshd did not become active within 120 s (see `docker logs " + container + "`)");
    }

    private String exec(String container, String script, byte[] stdin) {
        List<String> args = new ArrayList<>(List.of("exec", "-i", container, "sh", "-c", script));
        DockerCli.Result r = docker.run(args, stdin, 60);
        if (!r.ok()) {
            throw new LabException(container + ": '" + script + "' failed: " + r.stderr().strip());
        }
        return r.stdout();
    }
}
