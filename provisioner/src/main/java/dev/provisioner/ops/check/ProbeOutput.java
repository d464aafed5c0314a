package dev.provisioner.ops.check;

import java.util.Arrays;
import java.util.List;

/**
 * What one probe's script printed (stdout and stderr together) and how it exited.
 *
 * @param exitCode the script's exit code; {@link ProbeScripts#NOT_INSTALLED} and {@link ProbeScripts#TIMED_OUT} are reserved
 * @param text     its output
 */
record ProbeOutput(int exitCode, String text) {
    public ProbeOutput {
        text = text == null ? "" : text;
    }

    public boolean ok() {
        return exitCode == 0;
    }

    public boolean notInstalled() {
        return exitCode == ProbeScripts.NOT_INSTALLED;
    }

    public boolean timedOut() {
        return exitCode == ProbeScripts.TIMED_OUT || exitCode == ProbeScripts.KILLED;
    }

    /** Non-blank lines, stripped. */
    public List<String> lines() {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The last {@code n} non-blank lines joined with "; ", for a one-line detail. */
    public String tail(int n) {
        List<String> all = lines();
        String joined = String.join("; ", all.subList(Math.max(0, all.size() - n), all.size()));
        return joined.length() > 400 ? joined.substring(0, 397) + "..." : joined;
    }

    /** The value of the first line starting with {@code key=}, if any. */
    public java.util.Optional<String> value(String key) {
        return lines().stream().filter(l -> l.startsWith(key + "=")).findFirst().map(l -> l.substring(key.length() + 1));
    }
}
