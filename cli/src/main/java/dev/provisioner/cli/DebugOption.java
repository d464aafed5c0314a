package dev.provisioner.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, accepted by every command: library logging at debug level (set before the first
 * logger exists, by {@link CliLogging}) and stack traces of unexpected errors (by {@link ErrorReporter}).
 */
final class DebugOption {
    @Option(names = "--debug", description = "debug logging and stack traces of unexpected errors")
    boolean debug;
}
