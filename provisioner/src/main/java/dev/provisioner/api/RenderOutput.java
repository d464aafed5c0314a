package dev.provisioner.api;


import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link RenderReport} to {@code dir/<host>/<absolute path>} without ever exposing a key:
 * every folder it creates is 0700 and every file is created with its final mode (keys and other
 * sensitive files 0600, the rest their host mode without group or other write), never narrowed
 * afterwards. Each file is written to a fresh temporary name beside it and renamed into place.
 *
 * <p>It refuses, before writing anything, a {@code dir} that is not empty (unless
 * {@link Options#overwrite()}) and, while writing, any symbolic link inside {@code dir}: a link
 * planted there could send a key anywhere. With {@link Options#redactKeys()} every file that holds a
 * private key or another secret ({@link #secret}) is written as a one-line placeholder instead.
 *
 * @since 0.1
 */
public final class RenderOutput {
    /** What a redacted file contains instead of its secret. */
    public static final String REDACTED = "# redacted by provisioner render --redact-keys (%d bytes of key or secret)\n";

    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final int SENSITIVE_MODE = 0600;

    /**
     * @param overwrite  write into a non-empty folder (files of the same name are replaced)
     * @param redactKeys write sensitive files as a placeholder
     */
    public record Options(boolean overwrite, boolean redactKeys) {
        public static Options defaults() {
            return new Options(false, false);
        }
    }

    private final Path dir;
    private final Options options;
    private final boolean posix;

    private RenderOutput(Path dir, Options options) {
        this.dir = dir.toAbsolutePath().normalize();
        this.options = options;
        this.posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Writes every file of {@code report} below {@code dir}.
     *
     * @return the written paths, in report order
     * @throws RenderOutputException naming the folder or file that was refused or could not be written
     */
    public static List<Path> write(RenderReport report, Path dir, Options options) {
        return new RenderOutput(dir, options).write(report);
    }

    /** Whether a file is written 0600: flagged sensitive by its step, or a PEM private key in its text. */
    public static boolean sensitive(RenderedFile f) {
        return f.sensitive() || f.text().contains("PRIVATE KEY-----");
    }

    /**
     * Whether {@code --redact-keys} replaces a file: a private key in it, or a sensitive file that is not
     * only certificates and public keys (a kubeconfig with its client key, a token, a password file).
     */
    public static boolean secret(RenderedFile f) {
        String text = f.text();
        if (text.contains("PRIVATE KEY-----")) {
            return true;
        }
        String withoutPublic = text.replaceAll("(?s)-----BEGIN (CERTIFICATE|PUBLIC KEY)-----.*?-----END \\1-----", "").strip();
        return f.sensitive() && !withoutPublic.isEmpty();
    }

    private List<Path> write(RenderReport report) {
        prepareRoot();
        List<Path> written = new ArrayList<>();
        for (RenderedFile f : report.files()) {
            Path hostDir = dir.resolve(f.host()).normalize();
            Path target = hostDir.resolve(f.path().replaceFirst("^/+", "")).normalize();
            if (!hostDir.getParent().equals(dir) || !target.startsWith(hostDir) || target.equals(hostDir)) {
                throw new RenderOutputException("refused to write " + f.host() + ":" + f.path() + ": it escapes " + dir);
            }
            directories(target.getParent());
            writeFile(target, content(f), mode(f));
            written.add(target);
        }
        return written;
    }

    private void prepareRoot() {
        if (Files.isSymbolicLink(dir)) {
            throw new RenderOutputException(dir + " is a symbolic link; give the real folder");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new RenderOutputException(dir + " exists and is not a folder");
            }
            if (!options.overwrite() && !empty(dir)) {
                throw new RenderOutputException(dir + " is not empty; choose an empty or new folder, or allow overwriting");
            }
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            directories(parent);
        }
        createDirectory(dir);
    }

    private static boolean empty(Path folder) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new RenderOutputException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Creates the missing folders down to {@code folder} (0700); refuses a link on the way inside the output folder. */
    private void directories(Path folder) {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null; p = p.getParent()) {
            if (p.startsWith(dir) && Files.isSymbolicLink(p)) {
                throw new RenderOutputException("refused: " + p + " is a symbolic link inside the output folder");
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new RenderOutputException("refused: " + p + " exists and is not a folder");
            }
            missing.add(0, p);
        }
        missing.forEach(this::createDirectory);
    }

    private void createDirectory(Path p) {
        try {
            if (posix) {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIR_MODE));
            } else {
                Files.createDirectory(p);
            }
        } catch (IOException e) {
            throw new RenderOutputException("cannot create folder " + p + ": " + e.getMessage(), e);
        }
    }

    private void writeFile(Path target, byte[] content, int mode) {
        if (Files.isSymbolicLink(target)) {
            throw new RenderOutputException("refused: " + target + " is a symbolic link inside the output folder");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RenderOutputException("refused: " + target + " exists and is not a regular file");
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".render-tmp");
        try {
            Files.deleteIfExists(temp);
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(permissions(mode))}
                    : new FileAttribute<?>[0];
            try (OutputStream out = Files.newOutputStream(Files.createFile(temp, attrs), StandardOpenOption.WRITE)) {
                out.write(content);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new RenderOutputException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private byte[] content(RenderedFile f) {
        if (options.redactKeys() && secret(f)) {
            return String.format(REDACTED, f.content().length).getBytes(StandardCharsets.UTF_8);
        }
        return f.content();
    }

    /** The host mode without group/other write (and no set-id bits); sensitive files 0600. */
    static int mode(RenderedFile f) {
        return sensitive(f) ? SENSITIVE_MODE & f.mode() | 0400 : f.mode() & 0755;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder s = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            s.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(s.toString());
    }
}
