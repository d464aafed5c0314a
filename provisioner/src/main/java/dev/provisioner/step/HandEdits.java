package dev.provisioner.step;

import dev.provisioner.facts.FileState;
import dev.provisioner.facts.HostFacts;

import java.util.Optional;

/**
 * Which managed files were edited by hand: the host keeps a record of the checksum the engine last
 * wrote to each file ({@value #MANIFEST}, one {@code <sha256>  <path>} line per file, updated by the
 * apply script that places the file). A file whose checksum differs from its record was changed by
 * someone else since; the apply script backs it up before replacing it. A file without a record
 * (never written by the engine) or equal to its record is not "edited by hand", even when it differs
 * from the desired content.
 */
public final class HandEdits {
    public static final String MANIFEST = "/var/lib/provisioner/written.sha256";
    public static final String BACKUPS = "/var/lib/provisioner/backups";
    /** The reason a {@link PutFile} gives when the file was edited by hand. */
    public static final String REASON = "edited by hand since provisioner last wrote it: backed up under " + BACKUPS + " first";

    private HandEdits() {
    }

    /** The checksum the engine last wrote to {@code path}, when the facts carry the record. */
    public static Optional<String> recorded(HostFacts facts, String path) {
        Optional<String> text = facts.file(MANIFEST).text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String found = null;
        for (String line : text.get().split("\n")) {
            int sep = line.indexOf("  ");
            if (sep > 0 && line.substring(sep + 2).equals(path)) {
                found = line.substring(0, sep);
            }
        }
        return Optional.ofNullable(found);
    }

    /** True when {@code have} exists and differs from what the engine last wrote there. */
    public static boolean editedByHand(FileState have, HostFacts facts) {
        return have.exists() && recorded(facts, have.path()).filter(sha -> !sha.equals(have.sha256())).isPresent();
    }
}
