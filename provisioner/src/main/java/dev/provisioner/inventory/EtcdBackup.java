package dev.provisioner.inventory;

/**
 * {@code cluster.etcd.backup}: scheduled etcd snapshots on the first etcd member, written by a systemd
 * timer into a root-only directory, the newest {@code keep} kept.
 *
 * @param schedule systemd {@code OnCalendar=} expression (default {@value #DEFAULT_SCHEDULE})
 * @param keep     snapshots kept on the member, newest first (1-1000, default {@value #DEFAULT_KEEP})
 * @param dir      absolute directory on the member (default {@value #DEFAULT_DIR}); made 0700 root
 */
public record EtcdBackup(String schedule, int keep, String dir) {
    public static final String DEFAULT_SCHEDULE = "daily";
    public static final int DEFAULT_KEEP = 7;
    public static final String DEFAULT_DIR = "/var/backups/etcd";
}
