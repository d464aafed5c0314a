package dev.provisioner.transport;

import java.util.List;
import java.util.UUID;

/**
 * The remote half of an atomic upload, shared by every backend. A backend first writes each file's
 * bytes over SFTP into a private staging directory ({@link #stagingDir()}, mode 0700), then runs
 * {@link #finish} once, as root when needed: for each file it creates the destination directory,
 * copies the staged bytes to a temporary file beside the destination, syncs it to disk, sets mode
 * and owner, and renames it over the destination. The rename is atomic, so a reader sees the old or
 * the new file, never a partial one; a failure at any point leaves the old file in place.
 *
 * <p>Nothing is staged under a name another local user can predict or pre-create: the staging
 * directory's name holds a random UUID and SFTP creates it exclusively (it fails if the name exists),
 * and the temporary file beside a destination is made by {@code mktemp} (random name, created
 * {@code O_EXCL} with mode 0600 by the user running the script, root when the destination needs it)
 * before a single byte is copied into it.
 */
public final class UploadScript {
    /** Every staging directory starts with this: a run that holds the host's run lock removes stale ones. */
    public static final String STAGING_PREFIX = "/tmp/.provisioner-upload-";
    /**
     * Marks the temporary file beside a destination, {@code .<name>.provisioner-tmp.<10 random characters>}
     * (from {@code mktemp}), before its rename.
     */
    public static final String TEMP_SUFFIX = ".provisioner-tmp";
    /** The random part of a temporary name: mktemp replaces each X. */
    static final String RANDOM = ".XXXXXXXXXX";

    private UploadScript() {
    }

    /** A fresh staging directory path under /tmp for one batch. */
    public static String stagingDir() {
        return STAGING_PREFIX + UUID.randomUUID();
    }

    /** The staged path of the {@code index}-th file of a batch. */
    public static String stagedPath(String stagingDir, int index) {
        return stagingDir + "/" + index;
    }

    /** One shell script that moves every staged file into place and removes the staging directory. */
    public static Command finish(String stagingDir, List<Upload> uploads) {
        // A failure (a full disk, say) removes the partial temporary file; the destination is untouched.
        StringBuilder s = new StringBuilder("set -e; umask 077; staging=").append(Command.quote(stagingDir))
                .append("; tmp=; trap 'rm -rf \"$staging\"; [ -z \"$tmp\" ] || rm -f -- \"$tmp\"' EXIT\n");
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String dest = Command.quote(u.remotePath());
            String dir = Command.quote(parent(u.remotePath()));
            String template = Command.quote(parent(u.remotePath()) + "/." + name(u.remotePath()) + TEMP_SUFFIX + RANDOM);
            s.append("mkdir -p ").append(dir).append('\n')
             .append("tmp=$(mktemp -- ").append(template).append(")\n")
             .append("cp -- \"$staging/").append(i).append("\" \"$tmp\"\n")
             .append("chmod ").append(u.modeOctal()).append(" \"$tmp\"\n");
            if (u.owner() != null) {
                String owner = u.owner() + (u.group() == null ? "" : ":" + u.group());
                s.append("chown ").append(Command.quote(owner)).append(" \"$tmp\"\n");
            }
            s.append("sync -- \"$tmp\" 2>/dev/null || sync\n")
             .append("mv -f -- \"$tmp\" ").append(dest).append("\ntmp=\n");
        }
        return Command.shell(s.toString()).asRoot();
    }

    /**
     * A shell word (quoted prefix, unquoted {@code *}) matching the temporary files an interrupted upload
     * of {@code path} may have left beside it (also the fixed name earlier versions used).
     */
    public static String leftoverPattern(String path) {
        String dir = parent(path);
        return Command.quote((dir.equals("/") ? "" : dir) + "/." + name(path) + TEMP_SUFFIX) + "*";
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
