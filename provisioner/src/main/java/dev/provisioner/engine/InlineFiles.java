package dev.provisioner.engine;

import dev.provisioner.step.Placement;
import dev.provisioner.step.PutFile;
import dev.provisioner.transport.Command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files that travel inside the apply script itself instead of being uploaded first, and the shell that places a run
 * of them. A process costs a lab host about 4.5 ms of CPU (fork, exec, dynamic linking); an uploaded file cost about
 * fifteen (the SFTP server, the staging copy, then {@code sh}, {@code mkdir}, {@code cp}, {@code chmod},
 * {@code chown}, {@code sync}, {@code mv} and a manifest rename per file). A file placed from the script costs its
 * {@code mv}; the run's {@code chmod}, {@code chown} and {@code sync} are one process each for all of them, and the
 * content is written by the shell's {@code printf} builtin from a single-quoted literal, which keeps every byte but NUL.
 *
 * <p>Only content that anyone on the host may read once it is in place travels this way: the script is the
 * argument of a shell ({@code sh -c}), which other local users can see in the process table while it runs. A file
 * that is sensitive, not world-readable ({@code o+r} missing from its mode), holds a NUL byte or is not UTF-8 is
 * uploaded as before, and so is everything once the script would exceed {@link #SCRIPT_BUDGET} characters (Linux
 * limits one argument to 128 KiB).
 */
final class InlineFiles {
    /** At most this many characters of file content (quoted, and quoted again as sudo's argument) travel in one script. */
    static final int SCRIPT_BUDGET = 96 * 1024;
    /** A single file larger than this is uploaded. */
    static final int FILE_LIMIT = 32 * 1024;

    /** The owner a file the script creates has already: the script runs as root (root's primary group is 0). */
    private static final String ROOT = "root:root";

    private InlineFiles() {
    }

    /** The indices in {@code batch} of the files that travel in the script (the rest is uploaded). */
    static List<Integer> choose(List<Planned> batch) {
        List<Integer> out = new ArrayList<>();
        long used = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).action() instanceof PutFile put && eligible(put)) {
                // Counted as quoted twice: under sudo the whole script is quoted again for sh -c.
                int size = Command.quote(literal(put)).length();
                if (used + size <= SCRIPT_BUDGET) {
                    used += size;
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** Whether {@code put}'s content may travel in the script (see the class comment). */
    static boolean eligible(PutFile put) {
        byte[] content = put.file().content();
        if (put.file().sensitive() || (put.file().mode() & 04) == 0 || content.length > FILE_LIMIT) {
            return false;
        }
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Shell lines (for the apply script's main shell, not {@code sh -e}) that place the files at {@code indices} of
     * {@code batch}, consecutive actions all: every temporary file is written first, then one {@code chmod} per mode
     * and one {@code chown} per owner for all of them (none for a new file that is to be root's: the script runs as
     * root, so only a setgid directory would give it another group, which a shell test sees), one {@code sync}, and
     * one {@code mv} per file, each followed by its done marker. A failure calls {@code fail} with the index of the
     * action it belongs to (a group's first).
     * Expects the script's {@code fail}, {@code bk} (backup when edited by hand) and {@code rec} (record a written
     * file) functions and its variable {@code T} (temporary files to remove on failure).
     */
    static String place(List<Planned> batch, List<Integer> indices) {
        StringBuilder s = new StringBuilder();
        Map<String, List<Integer>> modes = new LinkedHashMap<>();
        Map<String, List<Integer>> owners = new LinkedHashMap<>();
        Map<Integer, String> target = new LinkedHashMap<>();
        List<Integer> atomic = new ArrayList<>();
        for (int i : indices) {
            PutFile put = (PutFile) batch.get(i).action();
            String dest = Command.quote(put.path());
            String dir = Command.quote(ApplyScript.parent(put.path()));
            s.append("[ -d ").append(dir).append(" ] || mkdir -p ").append(dir).append(" || fail ").append(i).append(" $?\n")
             .append("bk ").append(dest).append(" || fail ").append(i).append(" $?\n");
            if (put.file().placement() == Placement.IN_PLACE) {
                // Same inode, for a destination that is a mount point (Docker bind-mounts /etc/hosts).
                target.put(i, dest);
                s.append("printf '%s' ").append(literal(put)).append(" > ").append(dest).append(" || fail ").append(i).append(" 1\n");
            } else {
                String tmp = Command.quote(Leftovers.tempFiles(put.path()).get(0));
                target.put(i, tmp);
                atomic.add(i);
                // Created exclusively (noclobber: O_EXCL when the name is free): a name someone planted in between is
                // never followed; what an interrupted run left is removed first.
                s.append("T=\"$T \"").append(Command.quote(tmp)).append('\n')
                 .append("if [ -e ").append(tmp).append(" ] || [ -L ").append(tmp).append(" ]; then rm -f -- ")
                 .append(tmp).append(" || fail ").append(i).append(" $?; fi\n")
                 .append("set -C\n")
                 .append("printf '%s' ").append(literal(put)).append(" > ").append(tmp).append(" || { set +C; fail ").append(i).append(" 1; }\n")
                 .append("set +C\n");
            }
            modes.computeIfAbsent(String.format("%04o", put.file().mode()), k -> new ArrayList<>()).add(i);
            String owner = put.file().owner() + ":" + put.file().group();
            if (ROOT.equals(owner) && put.file().placement() != Placement.IN_PLACE) {
                // Created just now by the script, which runs as root: already root's, unless the directory is setgid.
                s.append("[ ! -g ").append(dir).append(" ] || chown root:root ").append(target.get(i))
                 .append(" || fail ").append(i).append(" $?\n");
            } else {
                owners.computeIfAbsent(owner, k -> new ArrayList<>()).add(i);
            }
        }
        modes.forEach((mode, is) -> s.append("chmod ").append(mode).append(' ').append(targets(is, target))
                .append(" || fail ").append(is.get(0)).append(" $?\n"));
        owners.forEach((owner, is) -> s.append("chown ").append(Command.quote(owner)).append(' ').append(targets(is, target))
                .append(" || fail ").append(is.get(0)).append(" $?\n"));
        if (!atomic.isEmpty()) {
            s.append("sync -- ").append(targets(atomic, target)).append(" 2>/dev/null || true\n");
        }
        for (int i : indices) {
            PutFile put = (PutFile) batch.get(i).action();
            if (atomic.contains(i)) {
                s.append("mv -f -- ").append(target.get(i)).append(' ').append(Command.quote(put.path()))
                 .append(" || fail ").append(i).append(" $?\n");
            }
            s.append("rec ").append(Command.quote(put.file().sha256())).append(' ').append(Command.quote(put.path())).append('\n')
             .append("printf '").append(ApplyScript.MARK).append("done %s\\n' ").append(i).append('\n');
        }
        return s.append("T=\n").toString();
    }

    private static String targets(List<Integer> indices, Map<Integer, String> target) {
        return String.join(" ", indices.stream().map(target::get).toList());
    }

    /** The content as one single-quoted shell word. */
    static String literal(PutFile put) {
        return Command.quote(put.file().text());
    }
}
