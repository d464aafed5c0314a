package dev.provisioner.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --templates DIR}: site templates searched before the built-in ones. */
final class TemplatesOption {
    @Option(names = "--templates", paramLabel = "DIR", description = "templates searched before the built-in ones")
    Path dir;
}
