package dev.provisioner.transport.sshj;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.SecretMasker;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * An endpoint's credentials, checked and loaded before any connection is made: a private key file
 * that group or others may read is refused as OpenSSH refuses it, and a key is decrypted up front
 * so that a wrong passphrase is reported as such rather than as a refusal by the server.
 */
final class Credentials {
    private final Endpoint endpoint;
    private final KeyProvider key;
    private final SecretMasker masker;

    private Credentials(Endpoint endpoint, KeyProvider key, SecretMasker masker) {
        this.endpoint = endpoint;
        this.key = key;
        this.masker = masker;
    }

    static Credentials prepare(Endpoint endpoint, SSHClient loader, SecretMasker masker) {
        if (!(endpoint.auth() instanceof Auth.PrivateKey pk)) {
            return new Credentials(endpoint, null, masker);
        }
        Path file = pk.keyFile();
        if (!Files.isRegularFile(file)) {
            throw fail(endpoint, masker, "private key file '" + file + "' does not exist or is not a regular file", null);
        }
        int mode = mode(file);
        if ((mode & 077) != 0) {
            throw fail(endpoint, masker, String.format("UNPROTECTED PRIVATE KEY FILE: permissions %04o for '%s' are too open;"
                    + " a private key must not be accessible by group or others (chmod 600 '%s'). The key was not used.",
                    mode, file, file), null);
        }
        try {
            KeyProvider provider = pk.passphrase() == null
                    ? loader.loadKeys(file.toString())
                    : loader.loadKeys(file.toString(), pk.passphrase().reveal().toCharArray());
            provider.getPrivate();
            return new Credentials(endpoint, provider, masker);
        } catch (IOException | RuntimeException e) {
            String hint = pk.passphrase() == null ? " (is it passphrase-protected?)" : " (wrong passphrase?)";
            throw fail(endpoint, masker, "cannot load private key file '" + file + "'" + hint + ": " + e.getMessage(), e);
        }
    }

    /** Authenticates on a connected client; never retried (lockouts, and retrying cannot help). */
    void authenticate(SSHClient client) {
        try {
            if (key != null) {
                client.authPublickey(endpoint.user(), key);
            } else {
                Auth.Password pw = (Auth.Password) endpoint.auth();
                client.authPassword(endpoint.user(), pw.password().reveal().toCharArray());
            }
        } catch (UserAuthException e) {
            String method = key != null ? "key " + ((Auth.PrivateKey) endpoint.auth()).keyFile() : "password";
            throw fail(endpoint, masker, "authentication as '" + endpoint.user() + "' with " + method
                    + " was refused by " + endpoint.address() + ":" + endpoint.port() + ": " + e.getMessage(), e);
        } catch (TransportException e) {
            throw fail(endpoint, masker, "connection lost during authentication as '" + endpoint.user() + "': "
                    + e.getMessage(), e);
        }
    }

    private static AuthenticationException fail(Endpoint endpoint, SecretMasker masker, String message, Throwable cause) {
        return new AuthenticationException(endpoint.name(), masker.mask(message), cause);
    }

    private static int mode(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            int mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        } catch (UnsupportedOperationException | IOException e) {
            return 0600; // not a POSIX file system: nothing to compare against, as OpenSSH on Windows
        }
    }
}
