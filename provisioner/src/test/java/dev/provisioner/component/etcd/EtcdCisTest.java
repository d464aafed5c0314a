package dev.provisioner.component.etcd;

import dev.provisioner.cis.CheckResult;
import dev.provisioner.cis.CisChecker;
import dev.provisioner.cis.CisReport;
import dev.provisioner.cis.RenderedFile;
import dev.provisioner.cis.RenderedHost;
import dev.provisioner.cis.Status;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.HostFile;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The etcd files we render pass the CIS etcd checks (1.1.7/8, 1.1.11/12, 2.1-2.6) of the static checker. */
class EtcdCisTest {
    @TempDir
    Path state;

    @Test
    void renderedEtcdMemberPassesTheEtcdChecks() {
        Inventory inv = EtcdStepsTest.packages();
        List<RenderedFile> files = new ArrayList<>();
        EtcdFiles etcd = new EtcdFiles(EngineFixtures.context(inv, "master", null));
        for (DesiredFile f : etcd.all()) {
            files.add(new RenderedFile(f.path(), f.content(), f.mode(), f.owner(), f.group(), false));
        }
        for (HostFile f : ClusterPki.standard().ensure(inv, state).filesFor("master")) {
            if (f.path().startsWith(HostPaths.ETCD_DIR)) {
                files.add(new RenderedFile(f.path(), f.content(), f.mode(), f.owner(), f.group(), false));
            }
        }
        // The data directory as the unit's ExecStartPre makes it before every start.
        files.add(RenderedFile.directory(EtcdInstall.DATA_DIR, 0700, "etcd", "etcd"));
        CisReport report = new CisChecker().check(new RenderedHost("master", Set.of("etcd"), files));
        for (String id : List.of("1.1.7", "1.1.8", "1.1.11", "1.1.12", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6")) {
            CheckResult r = report.result("master", id).orElseThrow(() -> new AssertionError("no result for " + id));
            assertThat(r.status()).as(id + ": " + r.found() + " / " + r.expected() + " " + r.reason()).isEqualTo(Status.PASS);
        }
    }
}
