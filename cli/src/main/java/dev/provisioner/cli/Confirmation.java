package dev.provisioner.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The question a destructive command asks before it changes hosts: answered "yes" on a terminal, or
 * {@code --yes}. Without a terminal and without {@code --yes} it refuses rather than reading a script's stdin.
 */
final class Confirmation {
    private Confirmation() {
    }

    /**
     * @param what      what will happen, e.g. "remove node02 from the cluster and reset it"
     * @param yesOption whether --yes was given
     * @param terminal  whether stdin is a terminal
     * @return true to go on; false after saying on {@code err} that nothing was changed
     */
    static boolean confirmed(String what, boolean yesOption, boolean terminal, InputStream in, PrintWriter out,
                             PrintWriter err) throws IOException {
        if (yesOption) {
            return true;
        }
        if (!terminal) {
            err.println("error: this would " + what + "; stdin is not a terminal, so nothing was asked and nothing was"
                    + " changed: add --yes to go on without a question");
            return false;
        }
        // On stderr, like every prompt: stdout may be --json or dropped by -q.
        err.print("This will " + what + ". Type 'yes' to go on: ");
        err.flush();
        String answer = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (answer == null || !answer.strip().equals("yes")) {
            err.println("not confirmed; nothing was changed");
            return false;
        }
        return true;
    }
}
