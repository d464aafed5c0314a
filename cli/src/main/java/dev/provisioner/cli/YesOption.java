package dev.provisioner.cli;

import picocli.CommandLine.Option;

/** {@code --yes}: go on without the question a destructive command asks (required without a terminal). */
final class YesOption {
    @Option(names = "--yes", description = "do not ask for confirmation (required when stdin is not a terminal)")
    boolean yes;
}
