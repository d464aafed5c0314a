package dev.provisioner.transport.jsch;

import dev.provisioner.transport.AuthenticationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Refuses a private key that others may read, before any connection is made, as OpenSSH does
 * ("UNPROTECTED PRIVATE KEY FILE"): any group or other permission bit is too open.
 */
final class KeyFileCheck {
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFileCheck() {
    }

    static void requirePrivate(String host, Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            throw new AuthenticationException(host, "private key file " + keyFile + " does not exist or is not a file");
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(keyFile);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to compare with OpenSSH's rule
        } catch (IOException e) {
            throw new AuthenticationException(host, "cannot read private key file " + keyFile + ": " + e.getMessage(), e);
        }
        if (perms.stream().anyMatch(TOO_OPEN::contains)) {
            throw new AuthenticationException(host, "private key file " + keyFile + " has mode " + octal(perms)
                    + ", readable or writable by group/other; refusing to use it (as OpenSSH does): chmod 600 " + keyFile);
        }
    }

    private static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }
}
