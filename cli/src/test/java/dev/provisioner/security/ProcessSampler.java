package dev.provisioner.security;

import dev.provisioner.testsupport.LabHost;

import java.util.List;

/**
 * Watches every process on a lab host while runs happen: every ~20 ms one {@code grep -F -f} over
 * {@code /proc/<pid>/cmdline} and {@code /proc/<pid>/environ} of all processes records each one that
 * holds a pattern. The patterns travel in a root-only file, never in the sampler's own argv.
 *
 * <p>A sampler, not a tracer: a process that starts and ends between two samples is not seen. The
 * processes that would carry a secret (sudo, its shell, the scripts it runs) live for a whole phase
 * script, far longer than the interval; {@link #start} proves with a short control process that
 * the sampler sees what it should.
 */
final class ProcessSampler {
    private static final String DIR = "/root/canary-sampler";
    private static final String SCRIPT = String.join("\n",
            "#!/bin/bash",
            "n=0",
            "while [ ! -e " + DIR + "/stop ]; do",
            "  grep -a -F -H -f " + DIR + "/patterns /proc/[0-9]*/cmdline /proc/[0-9]*/environ >> " + DIR + "/hits 2>/dev/null",
            "  n=$((n+1)); echo $n > " + DIR + "/samples",
            "  sleep 0.02",
            "done",
            "touch " + DIR + "/done",
            "");
    private final LabHost host;

    private ProcessSampler(LabHost host) {
        this.host = host;
    }

    /**
     * Starts the sampler on {@code host} with {@code patterns} (one per line) plus {@code control},
     * then runs a process whose argv holds {@code control} and waits until the sampler reported it.
     */
    static ProcessSampler start(LabHost host, String patterns, String control) {
        host.execOk("install -d -m 700 " + DIR);
        host.put(DIR + "/patterns", patterns + control + "\n");
        host.put(DIR + "/sampler.sh", SCRIPT);
        host.execOk("chmod 600 " + DIR + "/patterns && setsid bash " + DIR + "/sampler.sh </dev/null >/dev/null 2>&1 &");
        // The control process: argv[0] is the control value until the sampler reported it.
        host.execOk("setsid bash -c 'echo $$ > " + DIR + "/control.pid; exec -a \"$(tail -n 1 " + DIR + "/patterns)\" sleep 300'"
                + " </dev/null >/dev/null 2>&1 &");
        long deadline = System.nanoTime() + 120_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                if (host.exec("grep -q -F -f <(tail -n 1 " + DIR + "/patterns) " + DIR + "/hits").exitCode() == 0) {
                    return new ProcessSampler(host);
                }
                sleep(100);
            }
        } finally {
            host.exec("kill $(cat " + DIR + "/control.pid)");
        }
        throw new AssertionError(host.name() + ": the process sampler did not see its control process within 120 s: "
                + host.exec("cat " + DIR + "/samples; ps -eo pid,args | grep -v grep | grep sampler").stdout());
    }

    /** Stops the sampler and returns what it saw: the number of samples and every line it recorded (NULs as spaces). */
    Result stop() {
        host.execOk("touch " + DIR + "/stop");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (host.exec("test -e " + DIR + "/done").exitCode() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(host.name() + ": the process sampler did not stop");
            }
            sleep(50);
        }
        long samples = Long.parseLong(host.execOk("cat " + DIR + "/samples").strip());
        List<String> hits = host.execOk("tr '\\000' ' ' < " + DIR + "/hits").lines().toList();
        return new Result(host.name(), samples, hits);
    }

    /** What one host's sampler recorded. */
    record Result(String host, long samples, List<String> hits) {
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
