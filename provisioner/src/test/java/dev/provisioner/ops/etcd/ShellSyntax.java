package dev.provisioner.ops.etcd;

import java.nio.charset.StandardCharsets;

/** What {@code sh -n} (parse only, runs nothing) says about a generated script: empty when it parses. */
public final class ShellSyntax {
    private ShellSyntax() {
    }

    public static String errors(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-n").redirectErrorStream(true).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
    }
}
