package dev.provisioner.transport;

import java.util.List;

/**
 * An open SSH session to one host, reused for every command and upload of a run. Thread-safe for
 * sequential use by one worker; not meant to be shared by concurrent workers.
 */
public interface Connection extends AutoCloseable {

    /** The endpoint this connection was opened for. */
    Endpoint endpoint();

    /** SHA-256 fingerprint of the server's host key, OpenSSH style ({@code SHA256:...}). */
    String hostKeyFingerprint();

    /** Runs a command and waits for it; a non-zero exit is returned, not thrown. */
    default CommandResult run(Command command) {
        return run(command, OutputListener.NONE);
    }

    /** Runs a command, streaming its output lines to {@code listener} while it runs. */
    CommandResult run(Command command, OutputListener listener);

    /**
     * Places files on the host atomically, all in one SFTP session: each is written to a temporary
     * file in the destination directory, synced, given mode and owner, then renamed over the old one.
     * A reader never sees a partial file; an interrupted upload leaves the old file as it was.
     */
    void upload(List<Upload> uploads);

    default void upload(Upload upload) {
        upload(List.of(upload));
    }

    /** Reads a file (as root when {@code asRoot}); a missing file is an exception naming the path. */
    byte[] read(String remotePath, boolean asRoot);

    /** Counters for this connection: commands run, uploads, bytes sent. */
    TransportStats stats();

    @Override
    void close();
}
