package dev.provisioner.engine;

import dev.provisioner.transport.TransportException;
import dev.provisioner.transport.UnreachableException;

/** What a failure to connect was: the transport's typed exception, or any other error taken as the host not reached. */
final class Unreached {
    private Unreached() {
    }

    static Throwable of(String host, Throwable thrown) {
        return thrown instanceof TransportException ? thrown
                : new UnreachableException(host, String.valueOf(thrown.getMessage()), thrown);
    }
}
