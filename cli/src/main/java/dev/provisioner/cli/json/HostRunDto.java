package dev.provisioner.cli.json;

/** {@code run --json}: what the command did on one host ({@code "event":"HostResult"}). */
public record HostRunDto(String host, String status, int exitCode, String stdout, String stderr, String message,
                         long durationMillis) {
}
