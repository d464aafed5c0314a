package dev.provisioner.transport;

/** Receives a long-running command's output line by line while it runs (secrets already masked). */
@FunctionalInterface
public interface OutputListener {
    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String line);

    OutputListener NONE = (stream, line) -> { };
}
