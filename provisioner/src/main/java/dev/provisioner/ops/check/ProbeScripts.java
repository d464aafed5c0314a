package dev.provisioner.ops.check;

import dev.provisioner.transport.Command;

/**
 * The shell conventions every probe script follows. A script runs as root under {@code sh}, with
 * these helpers defined, and exits 0 when healthy, {@value #NOT_INSTALLED} when the component is not
 * installed (its first output line then says what is missing), anything else when unhealthy.
 */
final class ProbeScripts {
    /** Exit code of a script whose component is not installed on the host. */
    public static final int NOT_INSTALLED = 90;
    /** Exit code of coreutils {@code timeout} when the limit passed. */
    public static final int TIMED_OUT = 124;
    /** Exit code when {@code timeout -k} had to kill the script. */
    public static final int KILLED = 137;

    /** Helpers: {@code notinstalled MSG}, {@code fail MSG}, {@code have CMD}, {@code unit_exists UNIT}, {@code require_active UNIT}. */
    static final String PRELUDE = """
            notinstalled() { echo "not installed: $*"; exit 90; }
            fail() { echo "$*"; exit 1; }
            have() { command -v "$1" >/dev/null 2>&1; }
            unit_exists() { systemctl cat "$1" >/dev/null 2>&1; }
            require_active() { s=$(systemctl is-active "$1" 2>/dev/null); [ "$s" = active ] || fail "$1 is ${s:-unknown}"; }
            """;

    private ProbeScripts() {
    }

    /** Quotes a value for the shell. */
    static String q(String word) {
        return Command.quote(word);
    }

    /** Fails naming the file when one of {@code paths} is not readable. */
    static String requireFiles(String... paths) {
        StringBuilder b = new StringBuilder();
        for (String p : paths) {
            b.append("[ -r ").append(q(p)).append(" ] || fail ").append(q("missing " + p)).append('\n');
        }
        return b.toString();
    }
}
