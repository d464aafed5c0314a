package dev.provisioner.transport.jsch;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;

import dev.provisioner.transport.Auth;
import dev.provisioner.transport.AuthenticationException;
import dev.provisioner.transport.Endpoint;
import dev.provisioner.transport.HostKeyException;
import dev.provisioner.transport.SecretMasker;
import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.UnreachableException;

/**
 * Turns a failed JSch handshake into the transport's exceptions. Only {@link UnreachableException}
 * is worth another attempt: a refused key or credential will be refused again (and retrying
 * credentials risks a lockout).
 */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static TransportException classify(Endpoint hop, JSchException e, HostKeyGate gate, SecretMasker masker) {
        String message = String.valueOf(e.getMessage());
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        if (e instanceof JSchHostKeyException || message.startsWith("reject HostKey")
                || message.startsWith("HostKey has been changed")) {
            return new HostKeyException(hop.name(), masker.mask("host key refused for " + hop.knownHostsName()
                    + ": " + message), e);
        }
        // JSch's own auth exceptions (JSchAuthCancelException, JSchPartialAuthException) are package-private.
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel") || message.startsWith("USERAUTH fail")
                || e.getClass().getSimpleName().contains("Auth")) {
            return new AuthenticationException(hop.name(), masker.mask("user '" + hop.user() + "' was refused by "
                    + hop.address() + ":" + hop.port() + " (" + authKind(hop) + "): " + message), e);
        }
        if (e instanceof JSchAlgoNegoFailException) {
            return new TransportException(hop.name(), masker.mask("no common SSH algorithm with " + hop.address()
                    + ":" + hop.port() + ": " + message), e);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new UnreachableException(hop.name(), masker.mask("cannot connect to " + hop.address() + ":" + hop.port()
                + ": " + describe(cause)), e);
    }

    private static String authKind(Endpoint hop) {
        return hop.auth() instanceof Auth.PrivateKey k
                ? "private key " + k.keyFile() : "password";
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t instanceof JSchException ? String.valueOf(m) : t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
