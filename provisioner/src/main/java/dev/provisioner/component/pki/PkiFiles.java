package dev.provisioner.component.pki;

import dev.provisioner.pki.HostFile;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.Placement;

import java.util.List;
import java.util.function.Predicate;

/**
 * The PKI files of one host as the engine places them: every file sensitive (never diffed, never
 * fetched back, only "changed"), with the bundle's mode and owner. Pure.
 */
final class PkiFiles {
    /** Files under {@link HostPaths#REGISTRY_DIR}: the registry phase places them, after its package made its user. */
    static final Predicate<HostFile> REGISTRY = f -> f.path().startsWith(HostPaths.REGISTRY_DIR + "/");

    private PkiFiles() {
    }

    static DesiredFile desired(HostFile f) {
        return new DesiredFile(f.path(), f.content(), f.mode(), f.owner(), f.group(), Placement.ATOMIC, true, false);
    }

    static List<DesiredFile> desired(List<HostFile> files, Predicate<HostFile> which) {
        return files.stream().filter(which).map(PkiFiles::desired).toList();
    }

    /** "3 certificates, 2 keys" for reasons. */
    static String count(List<DesiredFile> files) {
        long keys = files.stream().filter(f -> f.mode() == 0600 || f.mode() == 0640).count();
        return (files.size() - keys) + " certificates and " + keys + " private keys";
    }
}
