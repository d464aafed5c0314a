package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * The private image registry (the 2018 recipe's docker-distribution on 10.4.4.8:5000).
 *
 * @param enabled  whether a registry is installed (default true); when true exactly one host has the role registry
 * @param host     name of the host that runs it (the host with the role registry); empty when disabled
 * @param port     listen port (default 5000)
 * @param tls      serve HTTPS with a certificate from the cluster CA, trusted by every node (default true)
 * @param insecure nodes skip certificate verification (default false; testing only)
 * @param auth     htpasswd user and password; requires TLS
 */
public record RegistrySettings(boolean enabled, Optional<String> host, int port, boolean tls, boolean insecure,
                               Optional<Auth> auth) {
    public static final int DEFAULT_PORT = 5000;

    public RegistrySettings {
        host = host == null ? Optional.empty() : host;
        auth = auth == null ? Optional.empty() : auth;
    }

    /** An htpasswd user of the registry (bcrypt-hashed on the registry host). */
    public record Auth(String user, Secret password) {
        public Auth {
            Objects.requireNonNull(password, "password");
        }
    }
}
