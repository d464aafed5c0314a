package dev.provisioner.security;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets promise, LIVE: runs with distinctive canary values for the sudo password, the SSH key
 * passphrase and the registry password (from {@code ${env:...}}, {@code ${file:...}} and a plain value
 * in the file) leave none of them — nor their base64 or hex — in the CLI's stdout and stderr (with
 * {@code --debug}: every library's logging and stack traces), the {@code --json} events, the run logs,
 * the files {@code render} writes, the messages and stack traces of the library's exceptions, or the
 * argv or environment of any process on the hosts while the runs happen. One successful apply of the
 * phases that use secrets or place keys (prepare-hosts, pki, registry), then failing runs: a wrong
 * sudo password (itself a canary) on one host, a broken template override on the other, an ad-hoc
 * command under sudo over JSch that prints secrets and fails, and through the Java API a step that prints secrets
 * and fails and a wrong key passphrase (a canary too). Keys and certificates on the hosts and in the
 * local state directory have the specified modes and owners.
 *
 * <p>Two hosts start once: {@code master} (master and node) and {@code registry}, reached as user
 * {@code operator}, who needs the sudo password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsCanaryLabTest {
    /**
     * Phases that use every secret and place every kind of key: sudo throughout, the registry password
     * (htpasswd), the PKI with etcd's files owned by etcd. The others add apt time, not secrets; etcd's
     * own phase (data dir, etcd.conf modes) is covered by SingleMasterLabTest.
     */
    private static final String PHASES = "prepare-hosts,pki,registry";
    private static final String SUDO_ENV = "PROVISIONER_CANARY_SUDO";
    private static final String LEAKY_FILE = "/root/canary-leaky";
    private final Canaries canaries = Canaries.generate("Sudo", "Passphrase", "Registry", "WrongSudo", "WrongPassphrase");
    private final String control = Canaries.generate("Control").get("Control");
    private final List<ProcessSampler> samplers = new ArrayList<>();
    private LabHosts lab;
    private LabHost master;
    private LabHost registry;
    private Path work;
    private Path state;
    private Path inventory;
    private Map<String, String> env;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "registry");
        master = lab.host("master");
        registry = lab.host("registry");
        work = lab.dir().resolve("work");
        Files.createDirectories(work.resolve("secrets"));
        state = work.resolve("state");
        Path key = work.resolve("canary_ed25519");
        // ssh-keygen takes the passphrase in its argv: local test setup only, never on a lab host.
        exec(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", canaries.get("Passphrase"), "-C", "canary", "-f", key.toString()));
        String publicKey = Files.readString(Path.of(key + ".pub"));
        for (LabHost h : lab.hosts()) {
            h.put("/root/canary.pub", publicKey);
            // The password reaches chpasswd through a root-only file, never argv.
            h.put("/root/canary.pw", "operator:" + canaries.get("Sudo") + "\n");
            h.execOk("chmod 600 /root/canary.pw && chpasswd < /root/canary.pw && rm -f /root/canary.pw"
                    + " && cat /root/canary.pub >> /home/operator/.ssh/authorized_keys && rm -f /root/canary.pub");
        }
        secretFile("key-passphrase", canaries.get("Passphrase"));
        secretFile("wrong-sudo", canaries.get("WrongSudo"));
        secretFile("wrong-passphrase", canaries.get("WrongPassphrase"));
        env = Map.of(SUDO_ENV, canaries.get("Sudo"));
        inventory = writeInventory("inventory.yaml", key, "${file:secrets/key-passphrase}", "");
        for (LabHost h : lab.hosts()) {
            samplers.add(ProcessSampler.start(h, canaries.patternLines(), control));
        }
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void validateAndRenderShowNoSecretAndTheHtpasswdHoldsOnlyAHash() throws IOException {
        CliProcess validate = cli("validate", "-i", inventory.toString());
        assertThat(validate.exitCode()).as(validate.both()).isZero();
        assertThat(validate.both()).contains("cluster.registry.auth.password").contains("secret written in plain text");
        assertNoLeak("validate", validate.both());

        Path rendered = work.resolve("rendered");
        CliProcess render = cli("render", "-i", inventory.toString(), "-o", rendered.toString(), "--state", state.toString(), "--debug");
        assertThat(render.exitCode()).as(render.both()).isZero();
        assertNoLeak("render", render.both());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rendered)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        for (Path f : files) {
            assertNoLeak("rendered file " + rendered.relativize(f), Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        // The one file derived from the registry password holds its bcrypt hash, which verifies.
        Path htpasswd = files.stream().filter(f -> f.getFileName().toString().equals("htpasswd")).findFirst().orElseThrow();
        String line = Files.readString(htpasswd).strip();
        assertThat(line).startsWith("pusher:$2y$10$");
        assertThat(OpenBSDBCrypt.checkPassword(line.substring("pusher:".length()), canaries.get("Registry").toCharArray())).isTrue();
    }

    @Test
    @Order(2)
    void aSuccessfulApplyWithJsonAndDebugLeaksNothing() throws IOException {
        CliProcess apply = cli("apply", "-i", inventory.toString(), "--state", state.toString(), "--only", PHASES, "--json", "--debug");
        assertThat(apply.exitCode()).as(apply.both()).isZero();
        apply.out().lines().filter(l -> l.contains("\"event\":\"PhaseFinished\"")).forEach(System.out::println);
        assertThat(apply.out()).contains("\"event\":\"StepFinished\"").contains("\"event\":\"Result\"").contains("\"exitCode\":0");
        assertThat(apply.err()).as("--debug reached the libraries' logging").contains("[DEBUG]");
        assertNoLeak("apply --json --debug", apply.both());
        assertNoLeak("run logs", logs());
        // The secrets were really used: operator's sudo ran the phases, the registry's push endpoint asks for the password.
        String push = "https://" + registry.address() + ":5001/v2/";
        assertThat(registry.execOk("curl -s -o /dev/null -w '%{http_code}' --cacert /etc/registry/pki/ca.crt " + push)).isEqualTo("401");
        registry.put("/root/canary.netrc", "machine " + registry.address() + " login pusher password " + canaries.get("Registry") + "\n");
        assertThat(registry.execOk("curl -s -o /dev/null -w '%{http_code}' --netrc-file /root/canary.netrc --cacert /etc/registry/pki/ca.crt "
                + push + "; rm -f /root/canary.netrc")).isEqualTo("200");
    }

    @Test
    @Order(3)
    void keysAndCertificatesHaveTheirModesOnTheHostsAndInTheStateDirectory() throws IOException {
        List<String> masterFiles = pkiFiles(master);
        assertThat(masterFiles).contains("/etc/kubernetes/pki/ca.key 600 root:root", "/etc/kubernetes/pki/apiserver.key 600 root:root",
                "/etc/kubernetes/pki/sa.key 600 root:root", "/etc/kubernetes/pki/kubelet.key 600 root:root",
                "/etc/kubernetes/pki/ca.crt 644 root:root", "/etc/kubernetes/pki/sa.pub 644 root:root",
                "/etc/etcd/pki/server.key 600 etcd:etcd", "/etc/etcd/pki/peer.key 600 etcd:etcd",
                "/etc/etcd/pki/healthcheck-client.key 600 etcd:etcd", "/etc/etcd/pki/ca.crt 644 etcd:etcd",
                "/etc/etcd/pki/root-client.key 600 root:root");
        for (String f : masterFiles) {
            // etcd's root identity is root's alone; etcd reads the rest of /etc/etcd/pki.
            String owner = f.startsWith("/etc/etcd/") && !f.contains("/root-client.") ? "etcd:etcd" : "root:root";
            assertThat(f).as("every key 0600, every certificate 0644").endsWith((f.contains(".key ") ? " 600 " : " 644 ") + owner);
        }
        // The registry's key is readable by the service's group (it runs as docker-registry), nobody else.
        assertThat(pkiFiles(registry)).containsExactlyInAnyOrder("/etc/registry/pki/ca.crt 644 root:root",
                "/etc/registry/pki/registry.crt 644 root:root", "/etc/registry/pki/registry.key 640 root:docker-registry");
        assertThat(registry.execOk("stat -c '%n %a %U:%G' /etc/docker/registry/htpasswd").strip())
                .isEqualTo("/etc/docker/registry/htpasswd 640 root:docker-registry");

        assertThat(mode(state)).isEqualTo("rwx------");
        List<Path> local;
        try (Stream<Path> walk = Files.walk(state)) {
            local = walk.toList();
        }
        List<Path> keys = local.stream().filter(p -> p.toString().endsWith(".key")).toList();
        assertThat(keys).extracting(p -> state.relativize(p).toString()).contains("pki/ca.key", "pki/etcd/ca.key", "pki/sa.key");
        for (Path p : local) {
            String name = state.relativize(p).toString();
            if (Files.isDirectory(p) && (name.startsWith("pki") || name.startsWith("logs"))) {
                assertThat(mode(p)).as(name).isEqualTo("rwx------");
            } else if (name.endsWith(".key") || name.startsWith("logs/")) {
                assertThat(mode(p)).as(name).isEqualTo("rw-------");
            } else if (name.endsWith(".crt") || name.endsWith(".pub")) {
                assertThat(mode(p)).as(name).isEqualTo("rw-r--r--");
            }
        }
    }

    @Test
    @Order(4)
    void failingRunsLeakNothingEither() throws IOException {
        // registry: a wrong sudo password (a canary too); refused before any host is changed.
        Path failing = writeInventory("failing.yaml", work.resolve("canary_ed25519"), "${file:secrets/key-passphrase}",
                "    sudoPassword: ${file:secrets/wrong-sudo}\n");
        CliProcess apply = cli("apply", "-i", failing.toString(), "--state", state.toString(), "--only", PHASES,
                "--plain", "-v", "--debug");
        assertThat(apply.exitCode()).as(apply.both()).isEqualTo(4);
        assertThat(apply.out()).contains("sudo refused the password for user 'operator'");
        assertNoLeak("apply with a wrong sudo password", apply.both());
        // master: a template override that cannot render.
        Path templates = work.resolve("templates");
        Files.createDirectories(templates.resolve("hosts"));
        Files.writeString(templates.resolve("hosts/hosts-block.ftl"), "# broken on purpose\n${noSuchValue}\n");
        CliProcess broken = cli("apply", "-i", inventory.toString(), "--state", state.toString(), "--only", "prepare-hosts",
                "--limit", "master", "--templates", templates.toString(), "--plain", "-v", "--debug");
        // The CIS gate renders every file before connecting, so the broken template stops the run there (exit 1).
        assertThat(broken.exitCode()).as(broken.both()).isEqualTo(1);
        assertThat(broken.both()).contains("hosts/hosts-block.ftl:2").contains("noSuchValue");
        assertNoLeak("apply with a broken template", broken.both());

        // A host that prints secrets (a file holding them, read under sudo): the output shows them masked.
        for (LabHost h : lab.hosts()) {
            h.put(LEAKY_FILE, "sudo=" + canaries.get("Sudo") + " registry=" + canaries.get("Registry"));
        }
        // ... over the second SSH backend (JSch), with its logging at debug.
        CliProcess run = cli("run", "-i", inventory.toString(), "--state", state.toString(), "--transport", "jsch", "--debug",
                "--sudo", "--shell", "--",
                "id -un; echo \"token=$(cat " + LEAKY_FILE + ")\"; cat " + LEAKY_FILE + " /etc/no-such-file >&2; exit 3");
        assertThat(run.exitCode()).as(run.both()).isEqualTo(4);
        assertThat(run.out()).contains("  root").contains("token=sudo=****** registry=******").contains("No such file");
        assertNoLeak("failing run --sudo", run.both());
        assertNoLeak("run logs", logs());

        // Through the Java API: a step whose command prints the secrets and fails.
        Inventory good = Inventory.loader().withEnv(env::get).load(inventory);
        Failed leaky = apiRun(EngineHooks.builder(good, p -> p.insertAfter(PrepareHostsPhase.TITLE, Phase.of("leak-probe", HostSelector.all(), new LeakyStep(LEAKY_FILE)))).stateDirectory(state)
                .onlyPhases(List.of("leak-probe")));
        assertThat(leaky.report().failures()).extracting(f -> f.host()).containsExactlyInAnyOrder("master", "registry");
        assertThat(leaky.events()).contains("stderr: sudo=****** registry=******");
        assertThat(leaky.trace()).contains("StepFailedException").contains("exited 7");
        // ... and a wrong key passphrase (a canary too) for both hosts.
        Path api = writeInventory("api.yaml", work.resolve("canary_ed25519"), "${file:secrets/wrong-passphrase}", "");
        Failed passphrase = apiRun(EngineHooks.builder(Inventory.loader().withEnv(env::get).load(api))
                .stateDirectory(state).onlyPhases(List.of(PrepareHostsPhase.TITLE)));
        assertThat(passphrase.report().failures()).extracting(f -> f.host()).containsExactlyInAnyOrder("master", "registry");
        assertThat(passphrase.trace()).contains("StepFailedException");
    }

    /** A run through the Java API that fails: its events, report and exception, each checked for secrets. */
    private Failed apiRun(Provisioner.Builder builder) {
        StringBuilder events = new StringBuilder();
        ProvisionReport report = builder.listener(e -> events.append(e).append('\n')).build().apply();
        assertThat(report.ok()).as(report.toString()).isFalse();
        StringWriter trace = new StringWriter();
        try {
            report.orThrow();
        } catch (RuntimeException e) {
            e.printStackTrace(new PrintWriter(trace));
        }
        System.out.println("API run failed as intended:\n" + trace.toString().lines().limit(3).collect(java.util.stream.Collectors.joining("\n")));
        assertNoLeak("API exception", trace.toString());
        assertNoLeak("API events", events.toString());
        assertNoLeak("API report", report.toString());
        return new Failed(report, events.toString(), trace.toString());
    }

    private record Failed(ProvisionReport report, String events, String trace) {
    }

    @Test
    @Order(5)
    void noProcessOnTheHostsEverHadASecretInItsArgvOrEnvironment() {
        for (ProcessSampler sampler : samplers) {
            ProcessSampler.Result r = sampler.stop();
            // ~50 a second on an idle machine; far fewer on an overloaded one, but it sampled throughout.
            assertThat(r.samples()).as(r.host() + " samples").isGreaterThan(20);
            System.out.println(r.host() + ": " + r.samples() + " samples of every process's argv and environment");
            assertThat(r.hits()).as(r.host() + ": the control process was seen").anyMatch(l -> l.contains(control));
            List<String> leaks = r.hits().stream().filter(l -> !l.contains(control)).toList();
            assertThat(leaks).as(r.host() + ": processes whose argv or environment held a canary").isEmpty();
        }
    }

    private void assertNoLeak(String where, String text) {
        assertThat(canaries.leaksIn(text)).as(where + " must not contain any secret").isEmpty();
    }

    private CliProcess cli(String... args) {
        long t = System.nanoTime();
        CliProcess r = CliProcess.run(work, env, args);
        System.out.println(args[0] + ": exit " + r.exitCode() + " in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        return r;
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(state.resolve("logs"))) {
            for (Path f : files.sorted().toList()) {
                all.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        assertThat(all).as("run logs").contains("exit code");
        return all.toString();
    }

    private static List<String> pkiFiles(LabHost host) {
        return host.execOk("find /etc/kubernetes/pki /etc/etcd/pki /etc/registry/pki -type f -printf '%p %m %u:%g\\n' 2>/dev/null; true")
                .lines().toList();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private Path writeInventory(String name, Path key, String passphrase, String registryExtra) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, """
                defaults:
                  user: operator
                  auth:
                    keyFile: %s
                    passphrase: %s
                  sudoPassword: ${env:%s}
                hosts:
                  - name: master
                    address: %s
                    roles: [master, node]
                  - name: registry
                    address: %s
                    roles: [registry]
                %scluster:
                  name: canary
                  registry:
                    auth:
                      user: pusher
                      password: %s
                  install:
                    etcd: packages
                    registry: packages
                    containerd: packages
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(key, passphrase, SUDO_ENV, master.address(), registry.address(), registryExtra,
                canaries.get("Registry"), lab.knownHosts()));
        return file;
    }

    private void secretFile(String name, String value) throws IOException {
        Path f = work.resolve("secrets").resolve(name);
        Files.writeString(f, value + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(cmd.get(0) + ": " + out).isTrue();
    }
}
