package dev.provisioner.cis;

/**
 * kube-bench's {@code bitmask} comparison for file modes: a mode passes when it has no permission
 * bit outside the allowed mode, i.e. {@code (allowed & mode) == mode}. 600 passes 600, 400 and 000;
 * 644 fails 600. Special bits (setuid, setgid, sticky) count like any other bit, as {@code stat -c %a}
 * prints them.
 */
final class Bitmask {
    private Bitmask() {}

    /** Whether {@code mode} is within {@code allowed}. */
    static boolean within(int mode, int allowed) {
        int m = mode & 07777;
        return (allowed & m) == m;
    }
}
