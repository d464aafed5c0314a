package dev.provisioner.api;

/**
 * One action of a step, as reported (secrets masked).
 *
 * @param kind        {@code PutFile}, {@code InstallPackages}, {@code RunCommand}, {@code EnsureUnit},
 *                    {@code RestartUnit}, {@code DaemonReload} or {@code WaitHealthy}
 * @param description one line
 * @param diff        unified diff for a file, or ""
 * @param done        true when it ran (never in plan mode)
 * @since 0.1
 */
public record ActionReport(String kind, String description, String diff, boolean done) {
}
