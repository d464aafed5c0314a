package dev.provisioner.bench.reference;

import dev.provisioner.bench.workload.TestInventory;
import dev.provisioner.bench.workload.WorkloadFiles;
import dev.provisioner.bench.workload.WorkloadValues;
import dev.provisioner.component.hosts.HostsBlock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/expert.sh run by a real bash against a directory standing in for / (BENCH_ROOT), with the
 * workload's files rendered by the provisioner's own templates. systemctl is a stand-in (a small
 * script keeping each unit's enabled/active state in a file and logging its calls), because no
 * systemd runs in a unit test; the lab hosts run the real one.
 */
class ExpertScriptTest {
    private static final String SYSTEMCTL = """
            #!/usr/bin/env bash
            echo "$*" >>"$BENCH_ROOT/systemctl.log"
            state() { cat "$BENCH_ROOT/units/$1" 2>/dev/null || echo "disabled inactive"; }
            cmd=$1; shift
            case $cmd in
              daemon-reload) ;;
              show) sep=; for a in "$@"; do
                      case $a in -p|ActiveState|UnitFileState) continue ;; esac
                      [ -n "$sep" ] && echo; sep=1; s=$(state "$a")
                      echo "UnitFileState=${s% *}"; echo "ActiveState=${s#* }"
                    done ;;
              enable) [ "$1" = --no-reload ] && shift; for u; do s=$(state "$u"); echo "enabled ${s#* }" >"$BENCH_ROOT/units/$u"; done ;;
              restart) for u; do s=$(state "$u"); echo "${s% *} active" >"$BENCH_ROOT/units/$u"; done ;;
              *) exit 3 ;;
            esac
            """;
    private static final String HOSTS = "127.0.0.1\tlocalhost\n# BEGIN provisioner managed block (cluster old)\n"
            + "10.9.9.9\tstale\n# END provisioner managed block\n10.0.0.1\th1\n";
    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void standInRoot() throws IOException {
        root = dir.resolve("root");
        for (String d : List.of("etc/systemd/system", "etc/logrotate.d", "etc/sysctl.d", "units")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.writeString(root.resolve("etc/hosts"), HOSTS);
        Path systemctl = dir.resolve("systemctl");
        Files.writeString(systemctl, SYSTEMCTL);
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void firstConvergeWritesEveryFileAsOursWouldThenNothingThenOnlyTheChangedFile() throws Exception {
        Map<String, String> base = render(WorkloadValues.BASE);
        assertThat(run(base)).isEqualTo("written=9 reloaded=1 enabled=2 restarted=2");
        for (Map.Entry<String, String> f : base.entrySet()) {
            String expected = f.getKey().equals("/etc/hosts") ? HostsBlock.merge(HOSTS, f.getValue()) : f.getValue();
            assertThat(root.resolve(f.getKey().substring(1))).as(f.getKey()).hasContent(expected);
        }
        assertThat(log()).containsExactly("show -p ActiveState -p UnitFileState bench-a.service bench-b.service",
                "enable --no-reload bench-a.service bench-b.service", "daemon-reload", "restart bench-a.service bench-b.service");

        assertThat(run(base)).isEqualTo("written=0 reloaded=0 enabled=0 restarted=0");
        assertThat(log()).hasSize(5).last().asString().startsWith("show ");

        Map<String, String> changed = render(new WorkloadValues("debug"));
        assertThat(run(changed)).isEqualTo("written=1 reloaded=0 enabled=0 restarted=1");
        assertThat(root.resolve("etc/bench/a.env")).hasContent(changed.get("/etc/bench/a.env"));
        assertThat(log()).hasSize(7).last().isEqualTo("restart bench-a.service");
    }

    @Test
    void aStoppedServiceIsStartedAndAFileWithoutItsFinalNewlineIsRewritten() throws Exception {
        Map<String, String> base = render(WorkloadValues.BASE);
        run(base);
        Files.writeString(root.resolve("units/bench-b.service"), "enabled inactive");
        String b = base.get("/etc/bench/b.env");
        Files.writeString(root.resolve("etc/bench/b.env"), b.substring(0, b.length() - 1));
        assertThat(run(base)).isEqualTo("written=1 reloaded=0 enabled=0 restarted=1");
        assertThat(root.resolve("etc/bench/b.env")).hasContent(b);
        assertThat(log()).last().isEqualTo("restart bench-b.service");
    }

    private List<String> log() throws IOException {
        return Files.readAllLines(root.resolve("systemctl.log"));
    }

    private String run(Map<String, String> files) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-s").redirectErrorStream(true);
        pb.environment().put("BENCH_ROOT", root.toString());
        pb.environment().put("BENCH_SYSTEMCTL", dir.resolve("systemctl").toString());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(ExpertPayload.of(files, Files.readString(Path.of("expert.sh"))));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private Map<String, String> render(WorkloadValues values) {
        return WorkloadFiles.byHost(TestInventory.twoHosts(), Path.of("templates"), dir.resolve("state"), values, false)
                .get("h1");
    }
}
