package dev.provisioner.engine;

import dev.provisioner.testsupport.LabHost;

import java.time.Duration;
import java.util.Random;

/**
 * The faults the soak ({@link SoakLabRun}) injects, one per round on one host. A fault is injected either
 * before the faulted {@code provisioner apply} starts ({@link #midRun} false) or while that CLI process is
 * running, as soon as it holds the run lock of the host ({@link #midRun} true). {@link #heal} removes what
 * {@link #inject} did (the controller kill needs no healing: the next apply is the cure).
 */
enum SoakFault {
    /** Every sshd process (listener and sessions) of the host killed with SIGKILL; systemd brings the listener back. */
    SSHD_KILLED(true),
    /** SSH traffic of the host dropped with iptables (both directions) for 3 to 15 s, then allowed again. */
    CONNECTION_CUT(true),
    /** etcd stopped on the host before the run (the two other members keep quorum). */
    ETCD_STOPPED(false),
    /** The host's /tmp (a tmpfs) shrunk to 1 MiB and filled up before the run. */
    TMP_FULL(false),
    /** The etcd unit file hand-edited (a changed setting and a comment) before the run. */
    UNIT_FILE_EDITED(false),
    /** Another process holds the host's run lock (flock on run.lock) for the whole faulted run. */
    RUN_LOCK_HELD(false),
    /** The controller (the CLI's own JVM) killed with SIGKILL while it holds the host's run lock. */
    CONTROLLER_SIGKILL(true);

    static final String RUN_LOCK = "/var/lib/provisioner/run.lock";
    static final String ETCD_UNIT = "/etc/systemd/system/etcd.service";

    /** Injected while the faulted run is running, not before it. */
    final boolean midRun;

    SoakFault(boolean midRun) {
        this.midRun = midRun;
    }

    /**
     * Injects the fault on {@code host}; returns what was done, for the results. {@code random} decides
     * the details (how long a cut lasts).
     */
    String inject(LabHost host, Random random) {
        return switch (this) {
            case SSHD_KILLED -> {
                host.execOk("pkill -KILL -x sshd || true");
                yield "killed every sshd process (SIGKILL)";
            }
            case CONNECTION_CUT -> {
                int seconds = 3 + random.nextInt(13);
                // Both rules go in and come out in one command on the host: the cut lasts as long as asked even
                // if docker exec is slow, and a test that dies leaves no rule behind once the sleep ends.
                host.execOk("iptables -I INPUT -p tcp --dport 22 -j DROP && iptables -I OUTPUT -p tcp --sport 22 -j DROP"
                        + " && (sleep " + seconds + "; iptables -D INPUT -p tcp --dport 22 -j DROP;"
                        + " iptables -D OUTPUT -p tcp --sport 22 -j DROP) >/dev/null 2>&1 &");
                yield "iptables DROP of tcp/22 in and out for " + seconds + " s";
            }
            case ETCD_STOPPED -> {
                host.execOk("systemctl stop etcd");
                yield "systemctl stop etcd";
            }
            case TMP_FULL -> {
                host.execOk("mount -o remount,size=1m /tmp && (dd if=/dev/zero of=/tmp/soak-fill bs=4k >/dev/null 2>&1 || true)"
                        + " && test \"$(df --output=avail -k /tmp | tail -1 | tr -d ' ')\" -eq 0");
                yield "/tmp remounted at 1 MiB and filled (0 KiB free)";
            }
            case UNIT_FILE_EDITED -> {
                host.execOk("sed -i 's/^\\[Service\\]$/[Service]\\nEnvironment=SOAK_HAND_EDIT=1/' " + ETCD_UNIT
                        + " && echo '# hand edit by the soak' >> " + ETCD_UNIT + " && systemctl daemon-reload");
                yield "added Environment=SOAK_HAND_EDIT=1 and a comment to " + ETCD_UNIT;
            }
            case RUN_LOCK_HELD -> {
                // -o: flock alone holds the lock (not its sleep), so killing flock frees it
                host.execOk("mkdir -p /var/lib/provisioner && (setsid flock -o " + RUN_LOCK + " sleep 900 </dev/null >/dev/null 2>&1 &)");
                FaultLab.await(() -> host.exec("flock -n " + RUN_LOCK + " true").exitCode() != 0, Duration.ofSeconds(10));
                yield "flock " + RUN_LOCK + " held by another process";
            }
            case CONTROLLER_SIGKILL -> "the controller JVM is killed by the caller (SIGKILL)";
        };
    }

    /** Removes the fault from {@code host} (safe to call when it was never injected). */
    void heal(LabHost host) {
        switch (this) {
            case SSHD_KILLED -> FaultLab.await(() -> host.exec("systemctl is-active --quiet ssh || systemctl restart ssh;"
                    + " systemctl is-active --quiet ssh").exitCode() == 0, Duration.ofSeconds(30));
            case CONNECTION_CUT -> FaultLab.await(() -> host.exec("iptables -S INPUT | grep -q 'dport 22 -j DROP'").exitCode() != 0
                    && host.exec("iptables -S OUTPUT | grep -q 'sport 22 -j DROP'").exitCode() != 0, Duration.ofSeconds(30));
            case ETCD_STOPPED, UNIT_FILE_EDITED, CONTROLLER_SIGKILL -> {
                // healed by the converging apply itself: it must start etcd and restore the unit file
            }
            case TMP_FULL -> host.execOk("rm -f /tmp/soak-fill && mount -o remount,size=50% /tmp");
            case RUN_LOCK_HELD -> {
                host.execOk("pkill -f '^flock -o " + RUN_LOCK + " sleep 900' || true");
                FaultLab.await(() -> host.exec("flock -n " + RUN_LOCK + " true").exitCode() == 0, Duration.ofSeconds(10));
            }
        }
    }
}
