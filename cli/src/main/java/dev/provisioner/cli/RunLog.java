package dev.provisioner.cli;

import dev.provisioner.PrivateDirectories;
import dev.provisioner.api.ProvisionEvent;
import dev.provisioner.api.ProvisionListener;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.transport.SecretMasker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The log file of one run, {@code <state>/logs/<timestamp>-<command>.log} (0600, folder 0700):
 * every event at {@code -v} detail, then the summary, each line timestamped, every inventory
 * secret masked. Written whatever the console shows.
 */
final class RunLog implements ProvisionListener, AutoCloseable {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter LINE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final Path file;
    private final BufferedWriter writer;
    private final SecretMasker masker;

    private RunLog(Path file, BufferedWriter writer, SecretMasker masker) {
        this.file = file;
        this.writer = writer;
        this.masker = masker;
    }

    /** Creates the log file; empty (and a reason on {@code err}) when it cannot be written, which never stops a run. */
    static Optional<RunLog> open(Path stateDirectory, String command, SecretMasker masker, PrintWriter err) {
        try {
            Path dir = stateDirectory.resolve("logs");
            PrivateDirectories.create(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            String stamp = LocalDateTime.now().format(FILE_TIME);
            Path file = dir.resolve(stamp + "-" + command + ".log");
            for (int i = 2; Files.exists(file); i++) {
                file = dir.resolve(stamp + "-" + command + "-" + i + ".log");
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            return Optional.of(new RunLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), masker));
        } catch (IOException | UnsupportedOperationException e) {
            err.println("warning: no log file for this run: " + e.getMessage());
            return Optional.empty();
        }
    }

    Path file() {
        return file;
    }

    /**
     * The log of a command that runs one facade operation (reset, remove-node, etcd snapshot, restore, member-remove):
     * {@code <state>/logs/<timestamp>-<command>.log}, the inventory's secrets masked.
     */
    static Optional<RunLog> forOperation(Path stateDirectory, String command, Inventory inv, PrintWriter err) {
        return open(stateDirectory, command.replace(' ', '-'), ApplyRun.masker(inv), err);
    }

    /** Writes the exit code as the log's last line, closes the log and returns {@code code}. */
    static int finish(Optional<RunLog> log, int code) {
        log.ifPresent(l -> {
            l.write("exit code " + code + ExitCode.of(code).map(c -> " (" + c.label() + ")").orElse(""));
            l.close();
        });
        return code;
    }

    @Override
    public synchronized void onEvent(ProvisionEvent event) {
        if (event instanceof ProvisionEvent.OperationStarted s) {
            write(s.operation() + ": " + s.detail());
            return;
        }
        if (event instanceof ProvisionEvent.OperationHostFinished h) {
            write("  " + h.host() + " " + (h.ok() ? "ok" : "FAILED") + ": " + h.detail());
            return;
        }
        if (event instanceof ProvisionEvent.OperationFinished f) {
            write(String.format(Locale.ROOT, "%s %s in %.1fs: %s", f.operation(), f.ok() ? "finished" : "FAILED",
                    f.duration().toMillis() / 1000.0, f.summary()));
            return;
        }
        StringWriter text = new StringWriter();
        new ConsoleListener(new PrintWriter(text), true).onEvent(event);
        write(text.toString());
    }

    /** Writes text (one or more lines), masked and timestamped. */
    synchronized void write(String text) {
        try {
            String time = LocalTime.now().format(LINE_TIME);
            for (String line : masker.mask(text).split("\n", -1)) {
                if (!line.isEmpty()) {
                    writer.write(time + " " + line + "\n");
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the log " + file, e);
        }
    }
}
