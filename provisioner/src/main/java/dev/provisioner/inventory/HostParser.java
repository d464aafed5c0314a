package dev.provisioner.inventory;

import dev.provisioner.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code hosts:}; missing connection settings fall back to {@code defaults:}. */
final class HostParser {
    static final Set<String> HOST_KEYS = Fields.keys("name", "address", "internalAddress", "port", "user", "auth",
            "sudo", "sudoPassword", "roles", "labels", "overrides", "bastion");
    static final Set<String> DEFAULT_KEYS = Fields.keys("port", "user", "auth", "sudo", "sudoPassword", "bastion");
    private static final Set<String> AUTH_KEYS = Fields.keys("keyFile", "passphrase", "password");
    private static final Set<String> BASTION_KEYS = Fields.keys("address", "port", "user", "auth");
    private static final Set<String> OVERRIDE_KEYS = Fields.keys("transport", "connectTimeout", "flannelIface");

    private final Fields defaults;
    private final SecretResolver secrets;
    private final LocalPaths paths;
    private final Problems problems;

    HostParser(Fields defaults, SecretResolver secrets, LocalPaths paths, Problems problems) {
        this.defaults = defaults;
        this.secrets = secrets;
        this.paths = paths;
        this.problems = problems;
    }

    List<Host> parse(Tree node) {
        List<Host> hosts = new ArrayList<>();
        if (node == null) {
            return hosts;
        }
        if (!(node instanceof Tree.Sequence seq)) {
            problems.error("hosts", node.location(), "expected a list of hosts, found " + Values.describe(node),
                    "write one '- name: ...' entry per host");
            return hosts;
        }
        if (seq.items().isEmpty()) {
            problems.error("hosts", node.location(), "the list of hosts is empty", "add at least one master and one node");
        }
        for (int i = 0; i < seq.items().size(); i++) {
            hosts.add(host(Fields.open(seq.items().get(i), "hosts[" + i + "]", HOST_KEYS, problems)));
        }
        return hosts;
    }

    private Host host(Fields f) {
        f.require("name", "give the host a name such as node01");
        f.require("address", "give the IP address or DNS name SSH connects to");
        String name = f.text("name", Syntax.NAME, null);
        String address = f.text("address", Syntax.ADDRESS, null);
        String internal = f.has("internalAddress") ? f.text("internalAddress", Syntax.ADDRESS, null) : address;
        Fields conn = source(f, "port");
        Integer port = conn.integer("port", 22, 1, 65535);
        String user = source(f, "user").text("user", Syntax.USER_NAME, "root");
        HostAuth auth = hostAuth(f);
        Fields pw = source(f, "sudoPassword");
        Secret sudoPassword = oneLine(pw.secret("sudoPassword", secrets), pw.pathOf("sudoPassword"));
        SudoMode sudo = sudo(f, user, pw.has("sudoPassword"));
        return new Host(name, address, internal, port == null ? 0 : port, user, auth, sudo, Optional.ofNullable(sudoPassword),
                roles(f), f.stringMap("labels", Syntax.LABEL_KEY, Syntax.LABEL_VALUE), overrides(f),
                bastion(source(f, "bastion"), user, auth));
    }

    /** sudo -S reads the password up to the first line break and hands the rest to the command as its input. */
    private Secret oneLine(Secret password, String path) {
        if (password != null && password.reveal().chars().anyMatch(c -> c == '\n' || c == '\r')) {
            problems.errorAt(path, "the sudo password contains a line break",
                    "sudo reads the password only up to the first line break and passes the rest to the command; use a one-line password");
            return null;
        }
        return password;
    }

    private Fields source(Fields host, String key) {
        return host.has(key) || !defaults.has(key) ? host : defaults;
    }

    private HostAuth hostAuth(Fields host) {
        Fields where = source(host, "auth");
        if (!where.has("auth")) {
            host.require("auth", "add auth: {keyFile: ~/.ssh/id_ed25519} here or under defaults");
            return null;
        }
        return auth(where.mapping("auth", AUTH_KEYS));
    }

    private HostAuth auth(Fields a) {
        boolean key = a.has("keyFile");
        boolean password = a.has("password");
        if (key && password) {
            problems.error(a.pathOf("password"), a.location(), "give either keyFile or password, not both", "remove one of them");
            return null;
        }
        if (!key && !password) {
            problems.error(a.path(), a.location(), "auth needs keyFile or password", "add keyFile: ~/.ssh/id_ed25519");
            return null;
        }
        if (password) {
            if (a.has("passphrase")) {
                problems.error(a.pathOf("passphrase"), a.location(), "passphrase belongs to keyFile, not to password", "remove passphrase");
            }
            Secret s = a.secret("password", secrets);
            return s == null ? null : new HostAuth.Password(s);
        }
        var file = a.localPath("keyFile", paths, null);
        Secret passphrase = a.secret("passphrase", secrets);
        return file == null ? null : new HostAuth.KeyFile(file, Optional.ofNullable(passphrase));
    }

    private SudoMode sudo(Fields host, String user, boolean password) {
        Fields where = source(host, "sudo");
        SudoMode fallback = password ? SudoMode.PASSWORD : "root".equals(user) ? SudoMode.NONE : SudoMode.PASSWORDLESS;
        SudoMode mode = where.choice("sudo", SudoMode.class, fallback);
        Fields pw = source(host, "sudoPassword");
        if (mode == SudoMode.PASSWORD && !pw.has("sudoPassword")) {
            problems.errorAt(where.has("sudo") ? where.pathOf("sudo") : host.path(), "sudo: password needs sudoPassword",
                    "add sudoPassword: ${env:SUDO_PASSWORD}");
        } else if (mode != null && mode != SudoMode.PASSWORD && pw.has("sudoPassword")) {
            problems.errorAt(pw.pathOf("sudoPassword"), "sudoPassword is set but sudo is '" + Fields.yamlName(mode) + "'",
                    "set sudo: password, or remove sudoPassword");
        } else if (mode == SudoMode.NONE && user != null && !"root".equals(user)) {
            problems.warningAt(host.path(), "user '" + user + "' is not root and sudo is none; privileged steps will fail",
                    "set sudo: passwordless or sudo: password");
        }
        return mode;
    }

    private Set<Role> roles(Fields f) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (!f.require("roles", "add roles: [master], [node] or [registry]")) {
            return roles;
        }
        Tree t = f.raw("roles");
        if (!(t instanceof Tree.Sequence seq)) {
            problems.error(f.pathOf("roles"), t.location(), "expected a list of roles, found " + Values.describe(t), "write roles: [master, node]");
            return roles;
        }
        if (seq.items().isEmpty()) {
            problems.error(f.pathOf("roles"), t.location(), "the host has no roles", "add at least one of master, node, registry, etcd");
        }
        for (int i = 0; i < seq.items().size(); i++) {
            Role r = Values.choice(seq.items().get(i), f.pathOf("roles") + "[" + i + "]", Role.class, problems);
            if (r != null) {
                roles.add(r);
            }
        }
        return roles;
    }

    private HostOverrides overrides(Fields f) {
        Fields o = f.mapping("overrides", OVERRIDE_KEYS);
        Integer timeout = o.has("connectTimeout") ? o.integer("connectTimeout", 0, 1, 600) : null;
        return new HostOverrides(Optional.ofNullable(o.choice("transport", SshTransport.class, null)),
                Optional.ofNullable(timeout).map(Duration::ofSeconds),
                Optional.ofNullable(o.text("flannelIface", Syntax.INTERFACE, null)));
    }

    private Optional<Bastion> bastion(Fields where, String hostUser, HostAuth hostAuth) {
        if (!where.has("bastion")) {
            return Optional.empty();
        }
        Fields b = where.mapping("bastion", BASTION_KEYS);
        b.require("address", "give the bastion's IP address or DNS name");
        String address = b.text("address", Syntax.ADDRESS, null);
        Integer port = b.integer("port", 22, 1, 65535);
        String user = b.text("user", Syntax.USER_NAME, hostUser);
        HostAuth auth = b.has("auth") ? auth(b.mapping("auth", AUTH_KEYS)) : hostAuth;
        return Optional.of(new Bastion(address, port == null ? 0 : port, user, auth));
    }
}
