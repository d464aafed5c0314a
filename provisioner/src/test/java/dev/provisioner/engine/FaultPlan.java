package dev.provisioner.engine;

import dev.provisioner.component.kube.ManagedFilesStep;
import dev.provisioner.component.kube.ServicesStep;
import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.HostSelector;
import dev.provisioner.step.Phase;
import dev.provisioner.step.Plan;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The small plan the fault tests run on every lab host, so each case takes seconds: phase
 * {@value #FILES_PHASE} writes two config files (and, when set, a large blob), installs and runs
 * {@value #UNIT} (it starts only while a.conf says {@code healthy=yes}), then runs two marker-driven
 * commands ({@link FaultStep}: fails while its marker exists; {@value #SLOW_MARKER}: sleeps as many
 * seconds as it says, while it exists); phase {@value #AFTER_PHASE} writes one more file, so a failure's dependent steps show.
 * Its knobs are mutable so that one test can change the desired state between runs.
 */
final class FaultPlan {
    static final String FILES_PHASE = "fault-files";
    static final String AFTER_PHASE = "fault-after";
    static final String DIR = "/etc/faultlab";
    static final String A = DIR + "/a.conf";
    static final String B = DIR + "/b.conf";
    static final String AFTER = DIR + "/after.conf";
    static final String BLOB = "/opt/faultlab/blob.bin";
    static final String UNIT = "faultlab.service";
    static final String UNIT_FILE = "/etc/systemd/system/" + UNIT;
    /**
     * Written by the service once its check passed, removed before every start: the readiness the
     * probe waits for. "is-active" alone races a unit whose check fails a few milliseconds after
     * systemd reports it started (Type=simple), as a real service's health endpoint does not.
     */
    static final String READY = "/run/faultlab.ready";
    static final String SLOW_MARKER = "/etc/provisioner-test-slow";
    /** Created by the slow step when it starts, so a test can wait for it whatever the polling latency. */
    static final String SLOW_STARTED = "/run/provisioner-test-slow-started";
    /** Sleeps for the number of seconds written in {@link #SLOW_MARKER}. */
    static final String SLOW_COMMAND = "touch " + SLOW_STARTED + "\nsleep \"$(cat " + SLOW_MARKER + ")\"";

    volatile int version = 1;
    volatile boolean healthy = true;
    volatile Duration healthTimeout = Duration.ofSeconds(20);
    volatile byte[] blob;

    DesiredFile a() {
        return DesiredFile.text(A, "healthy=" + (healthy ? "yes" : "no") + "\nversion=" + version + "\n");
    }

    DesiredFile b() {
        return DesiredFile.text(B, "# managed by the fault tests\nsetting=" + version + "\n");
    }

    DesiredFile after() {
        return DesiredFile.text(AFTER, "after=" + version + "\n");
    }

    DesiredFile unit() {
        return DesiredFile.text(UNIT_FILE, """
                [Unit]
                Description=fault-test service
                [Service]
                ExecStartPre=/bin/rm -f %s
                ExecStart=/bin/sh -c 'grep -q "^healthy=yes" %s || { echo "faultlab: %s does not say healthy=yes" >&2; exit 1; }; touch %s; exec sleep infinity'
                [Install]
                WantedBy=multi-user.target
                """.formatted(READY, A, A, READY)).asUnitFile();
    }

    /** The desired checksum of every managed path (the blob when set). */
    Map<String, String> wanted() {
        Map<String, String> out = new LinkedHashMap<>();
        for (DesiredFile f : files()) {
            out.put(f.path(), f.sha256());
        }
        out.put(UNIT_FILE, unit().sha256());
        out.put(AFTER, after().sha256());
        return out;
    }

    static List<String> managedPaths() {
        return List.of(A, B, UNIT_FILE, AFTER);
    }

    private List<DesiredFile> files() {
        List<DesiredFile> out = new ArrayList<>(List.of(a(), b()));
        byte[] big = blob;
        if (big != null) {
            out.add(new DesiredFile(BLOB, big, 0644, "root", "root", null, true, false));
        }
        return out;
    }

    Plan plan() {
        return Plan.of(
                Phase.of(FILES_PHASE, HostSelector.all(),
                        new ManagedFilesStep("config", ctx -> files()),
                        new ServicesStep("service", ctx -> List.of(new ServicesStep.Service(UNIT, unit(), Set.of(A))),
                                ctx -> Optional.of(new ServicesStep.Probe(UNIT + " is ready",
                                        "test -e " + READY + " && systemctl is-active --quiet " + UNIT, healthTimeout))),
                        new FaultStep(),
                        new WhenMarker("slow-step", SLOW_MARKER, SLOW_COMMAND)),
                Phase.of(AFTER_PHASE, HostSelector.all(), new ManagedFilesStep("after", ctx -> List.of(after()))));
    }

    /** Runs {@code script} while {@code marker} exists on the host; converged otherwise. */
    private record WhenMarker(String name, String marker, String script) implements Step {
        @Override
        public FactsQuery facts(StepContext ctx) {
            return FactsQuery.file(marker, FileProbe.metadata());
        }

        @Override
        public StepOutcome plan(StepContext ctx) {
            if (!ctx.facts().orElseThrow().file(marker).exists()) {
                return StepOutcome.converged("no " + marker);
            }
            return StepOutcome.of(List.of(RunCommand.of(name, script)), "");
        }
    }

    static byte[] randomBlob(int megabytes, long seed) {
        byte[] out = new byte[megabytes << 20];
        new java.util.Random(seed).nextBytes(out);
        return out;
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
