package dev.provisioner.engine;

import dev.provisioner.step.HandEdits;
import dev.provisioner.transport.Command;

/**
 * The shell half of {@link HandEdits}: the host's record of what the engine last wrote ({@value #MANIFEST}:
 * one {@code <sha256>  <path>} line per managed file, updated by the same script that places the file),
 * and the backup of a managed file edited by hand since then (decided again on the host at write time). "Edited by hand" means: the file's checksum differs from
 * the recorded one; a file that merely differs from the desired content (a new template, say) is
 * not backed up. Backups go to {@value #BACKUPS}{@code /<UTC time>/<original path>} (mode 0700
 * directory, file metadata kept), and the apply script says so on stdout with a line starting
 * {@value #BACKUP_NOTE}.
 */
final class WrittenFiles {
    static final String MANIFEST = HandEdits.MANIFEST;
    static final String BACKUPS = HandEdits.BACKUPS;
    static final String BACKUP_NOTE = "provisioner: backed up hand-edited ";

    private WrittenFiles() {
    }

    /**
     * The shell function {@code bk DEST}: backs up {@code DEST} when it was edited by hand, and returns non-zero when
     * that backup failed. Builtins only, except {@code sha256sum} for a destination the manifest knows and the backup.
     */
    private static final String BACKUP_FUNCTION = "bk() {\n"
            + "  [ -f \"$1\" ] && [ -f " + MANIFEST + " ] || return 0\n"
            + "  was=\n"
            + "  while IFS= read -r l; do if [ \"${l#*  }\" = \"$1\" ]; then was=${l%%  *}; fi; done < " + MANIFEST + "\n"
            + "  [ -n \"$was\" ] || return 0\n"
            + "  now=$(sha256sum < \"$1\") || return\n"
            + "  [ \"${now%% *}\" != \"$was\" ] || return 0\n"
            + "  b=" + BACKUPS + "/$(date -u +%Y%m%dT%H%M%SZ)$1\n"
            + "  mkdir -p -m 0700 " + BACKUPS + " && mkdir -p \"${b%/*}\" && cp -p -- \"$1\" \"$b\" || return\n"
            + "  echo \"" + BACKUP_NOTE + "$1 (it changed since provisioner last wrote it) to $b\"\n"
            + "}\n";

    /**
     * Shell lines (for {@code sh -e}) that back up {@code $dest} when it was edited by hand.
     * Expects {@code dest} to be set.
     */
    static String backupIfEdited() {
        return BACKUP_FUNCTION + "bk \"$dest\"\n";
    }

    /**
     * Shell lines recording that {@code $dest} now has checksum {@code sha256}. Best effort: a
     * failure here (a full /var) does not fail the write that already happened.
     */
    static String record(String sha256) {
        return "m=" + MANIFEST + "\n"
                + "{ { if [ -f \"$m\" ]; then while IFS= read -r l; do if [ \"${l#*  }\" != \"$dest\" ]; then"
                + " printf '%s\\n' \"$l\"; fi; done < \"$m\"; fi\n"
                + "    printf '%s  %s\\n' " + Command.quote(sha256) + " \"$dest\"; } > \"$m.new\" && mv -f -- \"$m.new\" \"$m\"; }"
                + " 2>/dev/null || rm -f -- \"$m.new\"\n";
    }

    /**
     * Shell functions for the apply script's main shell (no {@code sh -e}), used by {@link InlineFiles}:
     * {@code bk DEST} (see {@link #BACKUP_FUNCTION}), {@code rec SHA256 DEST} notes a written file and {@code flush}
     * records the noted files in the manifest with one rename (best effort, like {@link #record(String)}).
     */
    static String functions() {
        return "NL='\n'\nR=; RP=\n"
                + BACKUP_FUNCTION
                + "rec() { R=\"$R$1  $2$NL\"; RP=\"$RP$NL$2\"; }\n"
                + "flush() {\n"
                + "  [ -n \"$R\" ] || return 0\n"
                + "  m=" + MANIFEST + "\n"
                + "  { { if [ -f \"$m\" ]; then while IFS= read -r l; do case \"$RP$NL\" in *\"$NL${l#*  }$NL\"*) ;;"
                + " *) printf '%s\\n' \"$l\" ;; esac; done < \"$m\"; fi\n"
                + "    printf '%s' \"$R\"; } > \"$m.new\" && mv -f -- \"$m.new\" \"$m\"; } 2>/dev/null || rm -f -- \"$m.new\"\n"
                + "  R=; RP=\n"
                + "}\n";
    }
}
