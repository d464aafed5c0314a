package dev.provisioner.component.etcd;

import dev.provisioner.inventory.Inventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join script run by a local bash against a scripted etcdctl (a real etcd cluster that refuses
 * {@code member add} on cue cannot be arranged; the lab tests run the script against real members). The fake
 * answers {@code member list} with m1 and m2 started, {@code endpoint health} with success, and
 * {@code member add} with the refusals listed in its answers file, one per call, then success.
 */
class EtcdJoinScriptTest {
    @TempDir
    Path tmp;

    private final Inventory inventory = EtcdStepsTest.threeMasters("binaries");

    @Test
    void aMemberAddRefusedAsUnhealthyRightAfterTheLastJoinIsRetriedAndJoins() throws Exception {
        Result r = run(List.of("Error: etcdserver: unhealthy cluster",
                "Error: etcdserver: re-configuration failed due to not enough started members"), 20);

        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.adds).isEqualTo(3);
        assertThat(r.output).contains("etcd refused member add m3 for now").contains("m3 joins the etcd cluster");
        assertThat(Files.readString(tmp.resolve("initial-cluster.env")))
                .contains("ETCD_INITIAL_CLUSTER_STATE=existing")
                .contains("m1=https://10.0.0.1:2380,m2=https://10.0.0.2:2380,m3=" + EtcdMembers.peerUrl(inventory.host("m3").orElseThrow()));
    }

    @Test
    void anyOtherRefusalIsNotRetriedAndLeavesNoEnvFile() throws Exception {
        Result r = run(List.of("Error: etcdserver: permission denied"), 20);

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.adds).isEqualTo(1);
        assertThat(r.output).contains("permission denied").contains("member add m3 failed and the cluster did not change");
        assertThat(tmp.resolve("initial-cluster.env")).doesNotExist();
        assertThat(tmp.resolve("initial-cluster.env.pending")).doesNotExist();
    }

    @Test
    void aClusterThatStaysUnhealthyIsGivenUpOnAfterTheTriesAndNamesWhy() throws Exception {
        Result r = run(List.of("Error: etcdserver: unhealthy cluster", "Error: etcdserver: unhealthy cluster",
                "Error: etcdserver: unhealthy cluster", "Error: etcdserver: unhealthy cluster"), 3);

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.adds).isEqualTo(3);
        assertThat(r.output).contains("unhealthy cluster").contains("member add m3 failed and the cluster did not change");
        assertThat(tmp.resolve("initial-cluster.env")).doesNotExist();
    }

    private record Result(int exit, String output, int adds) {
    }

    private Result run(List<String> refusals, int tries) throws Exception {
        Path answers = Files.write(tmp.resolve("refusals"), refusals, StandardCharsets.UTF_8);
        Path calls = tmp.resolve("adds");
        Path etcdctl = tmp.resolve("etcdctl");
        Files.writeString(etcdctl, """
                #!/bin/bash
                for a in "$@"; do case "$a" in member|endpoint) cmd=$a ;; list|add|health) sub=$a ;; esac; done
                case "$cmd $sub" in
                  "member list") printf '%s\\n' "1, started, m1, https://10.0.0.1:2380, https://10.0.0.1:2379, false" \\
                                                 "2, started, m2, https://10.0.0.2:2380, https://10.0.0.2:2379, false" ;;
                  "endpoint health") echo "healthy" ;;
                  "member add")
                    echo x >> CALLS
                    n=$(wc -l < CALLS)
                    refusal=$(sed -n "${n}p" ANSWERS)
                    if [ -n "$refusal" ]; then echo "$refusal" >&2; exit 1; fi
                    echo "Member 3 added to cluster" ;;
                  *) echo "unexpected: $*" >&2; exit 2 ;;
                esac
                """.replace("CALLS", calls.toString()).replace("ANSWERS", answers.toString()));
        Files.setPosixFilePermissions(etcdctl, PosixFilePermissions.fromString("rwx------"));
        String script = EtcdJoin.script(inventory, inventory.host("m3").orElseThrow(), etcdctl.toString(),
                        tmp.resolve("data").toString(), tmp.resolve("initial-cluster.env").toString())
                .replace("add_tries=" + EtcdJoin.ADD_TRIES + "\n", "add_tries=" + tries + "\n")
                .replace("add_pause=" + EtcdJoin.ADD_PAUSE_SECONDS + "\n", "add_pause=0\n");
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int adds = Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
        return new Result(p.exitValue(), out, adds);
    }
}
