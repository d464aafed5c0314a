package dev.provisioner.engine;

import dev.provisioner.api.EngineHooks;
import dev.provisioner.api.HostReport;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionReport;
import dev.provisioner.api.Provisioner;
import dev.provisioner.api.StepFailure;
import dev.provisioner.api.StepReport;
import dev.provisioner.api.StepStatus;
import dev.provisioner.cli.ExitCodes;
import dev.provisioner.cli.Main;
import dev.provisioner.component.hosts.PrepareHostsPhase;
import dev.provisioner.component.hosts.HostsFileStep;
import dev.provisioner.component.registry.RegistryPhase;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.testsupport.LabHost;
import dev.provisioner.testsupport.LabHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine end to end on two real lab hosts (systemd, OpenSSH, real apt): {@code master} (master,
 * node) and {@code registry}. Hosts start once; the tests run in order and each leaves the cluster
 * converged for the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineLabTest {
    private static final String CONFIG = "/etc/docker/registry/config.yml";
    private static final String UNIT = "docker-registry.service";
    private LabHosts lab;
    private LabHost master;
    private LabHost registry;
    private Path inventoryFile;
    private Inventory inventory;

    @BeforeAll
    void start() throws Exception {
        lab = LabHosts.start("master", "registry");
        master = lab.host("master");
        registry = lab.host("registry");
        inventoryFile = lab.dir().resolve("inventory.yaml");
        Files.writeString(inventoryFile, """
                defaults:
                  user: root
                  auth:
                    keyFile: %s
                hosts:
                  - name: master
                    address: %s
                    roles: [master, node]
                  - name: registry
                    address: %s
                    roles: [registry]
                cluster:
                  name: enginelab
                  registry:
                    tls: false
                  ssh:
                    knownHosts: %s
                    hostKeyPolicy: strict
                """.formatted(lab.keys().ed25519(), master.address(), registry.address(), lab.knownHosts()));
        inventory = Inventory.load(inventoryFile);
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    /** The engine is proven on the two phases that need nothing but apt: the components have their own lab tests. */
    private static final String ENGINE_PHASES = "prepare-hosts,registry";

    /** The standard plan plus a fault-check step in prepare-hosts (converged unless a marker file exists). */
    private Provisioner.Builder provisioner() {
        UnaryOperator<dev.provisioner.step.Plan> withFaultCheck = plan -> plan.replace(PrepareHostsPhase.TITLE,
                Phase.of(PrepareHostsPhase.TITLE, HostSelector.all(), new HostsFileStep(), new FaultStep()));
        return EngineHooks.builder(inventory, withFaultCheck).stateDirectory(lab.dir().resolve("state"))
                .onlyPhases(List.of(ENGINE_PHASES.split(",")));
    }

    private static List<StepReport> changed(ProvisionReport r) {
        return r.steps().stream().filter(s -> s.status() == StepStatus.CHANGED).toList();
    }

    private static String sh(LabHost h, String script) {
        return h.execOk(script).strip();
    }

    @Test
    @Order(1)
    void applyInstallsTheRegistryAndWritesHostsEverywhere() {
        List<ProvisionEvent> events = new CopyOnWriteArrayList<>();
        ProvisionReport r = provisioner().listener(events::add).build().apply();
        assertThat(r.failures()).isEmpty();
        assertThat(sh(registry, "systemctl is-active docker-registry; systemctl is-enabled docker-registry")).isEqualTo("active\nenabled");
        // /v2/ answers from the other host, over the cluster network.
        assertThat(sh(master, "curl -s -o /dev/null -w '%{http_code}' http://" + registry.address() + ":5000/v2/")).isEqualTo("200");
        for (LabHost h : lab.hosts()) {
            String hosts = sh(h, "cat /etc/hosts");
            assertThat(hosts).contains("127.0.0.1\tlocalhost")
                    .contains(master.address() + "\tmaster\n" + registry.address() + "\tregistry\n# END provisioner managed block");
        }
        assertThat(sh(registry, "stat -c '%a %U' " + CONFIG)).isEqualTo("644 root");
        assertThat(sh(registry, "systemctl show -p ExecStart --value docker-registry")).contains(CONFIG);
        assertThat(events).first().isInstanceOf(ProvisionEvent.RunStarted.class);
        assertThat(events).last().isInstanceOf(ProvisionEvent.RunFinished.class);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(ProvisionEvent.OutputLine.class));
        // The pull endpoint and the push endpoint (docs/security.md) each start once.
        assertThat(r.host("registry").orElseThrow().counters().unitsRestarted()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void secondApplyChangesNothingWritesNothingRestartsNothingInOneRoundTripPerHost() {
        String before = sh(registry, "stat -c '%i %Y' " + CONFIG + "; systemctl show -p MainPID --value docker-registry");
        ProvisionReport r = provisioner().build().apply();
        assertThat(r.failures()).isEmpty();
        assertThat(changed(r)).isEmpty();
        for (HostReport h : r.hosts()) {
            assertThat(h.counters().roundTrips()).as(h.host() + " round trips").isEqualTo(1);
            assertThat(h.counters().filesWritten()).isZero();
            assertThat(h.counters().unitsRestarted()).isZero();
            assertThat(h.counters().bytesSent()).isZero();
        }
        assertThat(r.steps()).filteredOn(s -> s.step().equals("registry-service")).singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo(UNIT + " (pull) and docker-registry-push.service (push) are"
                        + " active and enabled"));
        assertThat(sh(registry, "stat -c '%i %Y' " + CONFIG + "; systemctl show -p MainPID --value docker-registry")).isEqualTo(before);
        System.out.println("no-op re-run counters: " + r.hosts().stream().map(h -> h.host() + "=" + h.counters()).toList()
                + " in " + r.duration().toMillis() + " ms");
    }

    @Test
    @Order(3)
    void planAfterApplyExitsZeroAndPlanNeverWrites() {
        assertThat(cli("plan", "-i", inventoryFile.toString(), "--only", ENGINE_PHASES).exit).isZero();
        // Drift on the host: plan shows it with a diff, exits 2, and writes nothing.
        registry.execOk("echo '# edited by hand' >> " + CONFIG);
        String drifted = sh(registry, "sha256sum " + CONFIG + "; stat -c '%i %Y' " + CONFIG + "; ls -A /var/lib/provisioner/stage 2>/dev/null | wc -l");
        Cli plan = cli("plan", "-i", inventoryFile.toString(), "--only", ENGINE_PHASES);
        assertThat(plan.exit).isEqualTo(ExitCodes.CHANGES_PENDING);
        assertThat(plan.out).contains("-# edited by hand").contains("registry: would change").contains("master: unchanged");
        ProvisionReport r = provisioner().build().plan();
        assertThat(changed(r)).extracting(StepReport::step).containsExactly("registry-config", "registry-service");
        assertThat(sh(registry, "sha256sum " + CONFIG + "; stat -c '%i %Y' " + CONFIG + "; ls -A /var/lib/provisioner/stage 2>/dev/null | wc -l"))
                .as("plan wrote nothing").isEqualTo(drifted);
        Cli heal = cli("apply", "-i", inventoryFile.toString(), "--only", ENGINE_PHASES);
        assertThat(heal.exit).isZero();
        // unchanged: hostname, etc-hosts, registry-package; changed: registry-config, registry-service
        assertThat(heal.out).contains("registry-config").containsPattern("registry\\s+changed\\s+3\\s+2\\s+0\\s+0");
        assertThat(cli("plan", "-i", inventoryFile.toString(), "--only", ENGINE_PHASES).exit).isZero();
    }

    @Test
    @Order(4)
    void oneTemplateValueChangesExactlyThatFileAndRestartsExactlyItsUnit() throws Exception {
        Path templates = lab.dir().resolve("site-templates");
        Files.createDirectories(templates.resolve("registry"));
        String builtIn = new String(RegistryPhase.class.getClassLoader().getResourceAsStream("templates/registry/config.yml.ftl").readAllBytes());
        Files.writeString(templates.resolve("registry/config.yml.ftl"), builtIn.replace("level: ${yaml(logLevel)}", "level: \"debug\""));
        String pid = sh(registry, "systemctl show -p MainPID --value docker-registry");
        ProvisionReport r = provisioner().templatesDir(templates).build().apply();
        assertThat(r.failures()).isEmpty();
        List<StepReport> changed = changed(r);
        assertThat(changed).extracting(StepReport::step).containsExactly("registry-config", "registry-service");
        // The template renders the pull endpoint's config and the push endpoint's: the one value changes in both
        // files, and exactly their two units restart.
        assertThat(changed.get(0).actions()).hasSize(2).allSatisfy(a -> {
            assertThat(a.description()).matches("write /etc/docker/registry/(config|push)\\.yml \\(content differs\\)");
            assertThat(a.diff()).contains("-  level: \"info\"").contains("+  level: \"debug\"");
        });
        assertThat(changed.get(1).actions()).extracting(a -> a.kind()).contains("RestartUnit", "WaitHealthy");
        assertThat(r.host("registry").orElseThrow().counters().filesWritten()).isEqualTo(2);
        assertThat(r.host("registry").orElseThrow().counters().unitsRestarted()).isEqualTo(2);
        // A host with nothing to change costs its facts and, because another host changes, the run lock: every
        // host of the run is locked before its first change, so a refused lock anywhere still changes nothing.
        assertThat(r.host("master").orElseThrow().counters()).satisfies(c -> {
            assertThat(c.filesWritten()).isZero();
            assertThat(c.roundTrips()).isEqualTo(2);
        });
        assertThat(sh(registry, "systemctl show -p MainPID --value docker-registry")).isNotEqualTo(pid);
        assertThat(sh(registry, "grep level: " + CONFIG)).isEqualTo("level: \"debug\"");
        // Back to the built-in templates: converged again after one more change.
        provisioner().build().apply().orThrow();
        assertThat(changed(provisioner().build().apply())).isEmpty();
    }

    @Test
    @Order(5)
    void aFailureOnOneHostStopsTheNextPhaseAndTheRerunConverges() {
        for (LabHost h : lab.hosts()) {
            // Not sed -i: /etc/hosts is a bind mount here, and sed -i renames over it.
            h.execOk("sed '/provisioner managed block/,$d' /etc/hosts > /tmp/hosts && cat /tmp/hosts > /etc/hosts");
        }
        registry.execOk("echo '# drift' >> " + CONFIG);
        master.execOk("touch " + FaultStep.MARKER);
        ProvisionReport failed = provisioner().build().apply();
        // The other host finished the failed phase (it is consistent); the next phase never ran.
        assertThat(sh(registry, "cat /etc/hosts")).contains("# END provisioner managed block");
        assertThat(sh(master, "cat /etc/hosts")).contains("# END provisioner managed block");
        assertThat(sh(registry, "tail -n 1 " + CONFIG)).isEqualTo("# drift");
        StepFailure f = failed.failures().get(0);
        assertThat(failed.failures()).hasSize(1);
        assertThat(f.host()).isEqualTo("master");
        assertThat(f.step()).isEqualTo("fault-check");
        assertThat(f.exitCode()).isEqualTo(42);
        assertThat(f.stderrTail()).endsWith("fault injected by the test: " + FaultStep.MARKER + " exists");
        assertThat(failed.steps()).filteredOn(s -> s.phase().equals(RegistryPhase.TITLE))
                .isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(StepStatus.SKIPPED));

        master.execOk("rm " + FaultStep.MARKER);
        ProvisionReport rerun = provisioner().build().apply();
        assertThat(rerun.failures()).isEmpty();
        assertThat(sh(registry, "tail -n 1 " + CONFIG)).isNotEqualTo("# drift");
        assertThat(sh(master, "cat /etc/hosts")).contains(registry.address() + "\tregistry");
        ProvisionReport again = provisioner().build().apply();
        assertThat(changed(again)).isEmpty();
        assertThat(again.hosts()).allSatisfy(h -> assertThat(h.counters().roundTrips()).isEqualTo(1));
    }

    @Test
    @Order(6)
    void whenTwoHostsDriftDifferentlyEveryDiffNamesItsHost() {
        // Not sed -i: /etc/hosts is a bind mount here. master loses registry's line, registry loses master's.
        master.execOk("grep -vP '\\tregistry$' /etc/hosts > /tmp/hosts && cat /tmp/hosts > /etc/hosts");
        registry.execOk("grep -vP '\\tmaster$' /etc/hosts > /tmp/hosts && cat /tmp/hosts > /etc/hosts");
        Cli plan = cli("plan", "-i", inventoryFile.toString(), "--only", "prepare-hosts");
        assertThat(plan.exit).as(plan.out).isEqualTo(ExitCodes.CHANGES_PENDING);
        Cli apply = cli("apply", "--plain", "-i", inventoryFile.toString(), "--only", "prepare-hosts");
        assertThat(apply.exit).as(apply.out).isZero();
        for (Cli run : List.of(plan, apply)) {
            assertThat(run.out.lines().map(String::strip).filter(l -> l.startsWith("--- ") || l.startsWith("+++ ")))
                    .as(run.out).containsExactlyInAnyOrder("--- master:/etc/hosts", "+++ master:/etc/hosts",
                            "--- registry:/etc/hosts", "+++ registry:/etc/hosts");
            assertThat(run.out).containsPattern("master:/etc/hosts\n(.*\n){1,6}?.*\\+" + registry.address().replace(".", "\\.") + "\tregistry")
                    .containsPattern("registry:/etc/hosts\n(.*\n){1,6}?.*\\+" + master.address().replace(".", "\\.") + "\tmaster");
        }
        // In apply's output each host's step line stands directly above its diff.
        assertThat(apply.out).containsPattern("master +etc-hosts +changed .*\n +--- master:/etc/hosts")
                .containsPattern("registry +etc-hosts +changed .*\n +--- registry:/etc/hosts");
        assertThat(cli("plan", "-i", inventoryFile.toString(), "--only", "prepare-hosts").exit).isZero();
    }

    private record Cli(int exit, String out) {
    }

    /** The CLI on the lab's inventory, with the state directory the Java-API runs of this class use. */
    private Cli cli(String... args) {
        String[] withState = java.util.Arrays.copyOf(args, args.length + 2);
        withState[args.length] = "--state";
        withState[args.length + 1] = lab.dir().resolve("state").toString();
        return run(withState);
    }

    private static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Cli(exit, out + err.toString());
    }
}
