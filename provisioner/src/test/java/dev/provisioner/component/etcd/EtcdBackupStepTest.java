package dev.provisioner.component.etcd;

import dev.provisioner.inventory.Inventory;
import dev.provisioner.inventory.Role;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.EnsureUnit;
import dev.provisioner.step.PutFile;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.testsupport.EngineFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled etcd backup step, from hand-made facts (no hosts): which member, which files, idempotence, removal. */
class EtcdBackupStepTest {
    private static Inventory twoMembers(boolean backup) {
        var b = Inventory.builder().clusterName("trio")
                .host("m1", h -> h.address("10.0.0.1").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m2", h -> h.address("10.0.0.2").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("m3", h -> h.address("10.0.0.3").roles(Role.MASTER).keyFile(EngineFixtures.KEY))
                .host("n1", h -> h.address("10.0.0.9").roles(Role.NODE).keyFile(EngineFixtures.KEY))
                .set("cluster.registry.enabled", false)
                .set("cluster.install.etcd", "packages");
        if (backup) {
            b.set("cluster.etcd.backup.schedule", "*-*-* 02:30:00").set("cluster.etcd.backup.keep", 3)
                    .set("cluster.etcd.backup.dir", "/srv/etcd-backups");
        }
        return b.build();
    }

    @Test
    void theFirstMemberGetsScriptServiceAndTimerAndAFreshHostIsToldToEnableTheTimer() {
        Inventory inv = twoMembers(true);
        EtcdBackupStep step = new EtcdBackupStep();
        StepContext bare = EngineFixtures.context(inv, "m1", EngineFixtures.debian("m1").build());
        List<DesiredFile> files = step.files(bare);
        assertThat(files).extracting(DesiredFile::path).containsExactly(EtcdBackupFiles.SCRIPT, EtcdBackupFiles.SERVICE_PATH,
                EtcdBackupFiles.TIMER_PATH);
        assertThat(files.get(0).mode()).isEqualTo(0700);
        String script = files.get(0).text();
        assertThat(script).contains("dir='/srv/etcd-backups'\n", "keep=3\n", "--endpoints='https://10.0.0.1:2379'",
                "--cert='/etc/etcd/pki/root-client.crt'", "snapshot save \"$part\"", "name='trio-etcd-'\"$stamp.db\"",
                "grep -E '^trio-etcd-[0-9]{8}T[0-9]{6}Z\\.db$'");
        assertThat(files.get(1).text()).contains("Type=oneshot", "ExecStart=/usr/local/sbin/provisioner-etcd-backup",
                "ReadWritePaths=-/srv/etcd-backups", "CapabilityBoundingSet=\n", "ProtectSystem=strict",
                "ExecStartPre=+/usr/bin/install -d -m 0700 -o root -g root /srv/etcd-backups");
        assertThat(files.get(2).text()).contains("OnCalendar=*-*-* 02:30:00\n", "Unit=provisioner-etcd-backup.service",
                "WantedBy=timers.target");

        StepOutcome fresh = step.plan(bare);
        assertThat(fresh.actions()).filteredOn(a -> a instanceof PutFile).hasSize(3);
        assertThat(fresh.actions()).filteredOn(a -> a instanceof EnsureUnit).singleElement()
                .isEqualTo(new EnsureUnit(EtcdBackupFiles.TIMER, true, true));

        EngineFixtures.Facts done = EngineFixtures.debian("m1").unit(EtcdBackupFiles.TIMER, "active", "enabled");
        files.forEach(done::file);
        StepOutcome converged = step.plan(EngineFixtures.context(inv, "m1", done.build()));
        assertThat(converged.isConverged()).isTrue();
        assertThat(converged.reason()).isEqualTo("provisioner-etcd-backup.timer takes etcd snapshots (*-*-* 02:30:00)"
                + " into /srv/etcd-backups, keeping 3");
    }

    @Test
    void otherMembersGetNothingAndAnOldTimerIsRemovedWhenTheSettingIsGone() {
        Inventory inv = twoMembers(true);
        EtcdBackupStep step = new EtcdBackupStep();
        StepContext m2 = EngineFixtures.context(inv, "m2", EngineFixtures.debian("m2").build());
        assertThat(step.files(m2)).isEmpty();
        assertThat(step.plan(m2).isConverged()).isTrue();

        Inventory without = twoMembers(false);
        StepContext m1 = EngineFixtures.context(without, "m1", EngineFixtures.debian("m1")
                .file(EtcdBackupFiles.TIMER_PATH, "[Timer]\n", 0644, "root", "root").build());
        StepOutcome removal = step.plan(m1);
        assertThat(removal.actions()).singleElement().isInstanceOf(RunCommand.class);
        assertThat(((RunCommand) removal.actions().get(0)).script()).contains("systemctl disable --now provisioner-etcd-backup.timer",
                "rm -f -- /etc/systemd/system/provisioner-etcd-backup.timer");
        assertThat(step.plan(EngineFixtures.context(without, "m1", EngineFixtures.debian("m1").build())).isConverged()).isTrue();
    }
}
