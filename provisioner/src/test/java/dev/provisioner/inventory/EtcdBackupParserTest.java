package dev.provisioner.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cluster.etcd.backup}: defaults, calendar expressions systemd accepts, absent means no backups (refusals: corpus 180-184). */
class EtcdBackupParserTest {
    private static Inventory load(String etcd) {
        return Inventory.parse("""
                defaults:
                  auth:
                    keyFile: /keys/id_ed25519
                hosts:
                  - name: master
                    address: 10.4.4.4
                    roles: [master, node]
                cluster:
                  name: demo
                  registry:
                    enabled: false
                """ + etcd, "inventory.yaml");
    }

    @Test
    void absentMeansNoScheduledBackups() {
        assertThat(load("").cluster().etcdBackup()).isEmpty();
        assertThat(load("  etcd: {}\n").cluster().etcdBackup()).isEmpty();
    }

    @Test
    void anEmptyBackupMappingTakesTheDocumentedDefaults() {
        assertThat(load("  etcd:\n    backup: {}\n").cluster().etcdBackup())
                .contains(new EtcdBackup(EtcdBackup.DEFAULT_SCHEDULE, EtcdBackup.DEFAULT_KEEP, EtcdBackup.DEFAULT_DIR));
        assertThat(EtcdBackup.DEFAULT_SCHEDULE).isEqualTo("daily");
        assertThat(EtcdBackup.DEFAULT_KEEP).isEqualTo(7);
        assertThat(EtcdBackup.DEFAULT_DIR).isEqualTo("/var/backups/etcd");
    }

    @Test
    void calendarExpressionsWithStarsRangesAndRepetitionsAreAccepted() {
        for (String calendar : new String[] {"Mon..Fri *-*-* 02:30:00", "*:0/15", "hourly", "Sat,Sun 03:00", "*-*-01 04:00:00 UTC"}) {
            EtcdBackup b = load("  etcd:\n    backup:\n      schedule: \"" + calendar + "\"\n      keep: 30\n      dir: /srv/etcd-backups\n")
                    .cluster().etcdBackup().orElseThrow();
            assertThat(b).isEqualTo(new EtcdBackup(calendar, 30, "/srv/etcd-backups"));
        }
    }
}
