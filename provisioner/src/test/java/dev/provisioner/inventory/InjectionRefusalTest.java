package dev.provisioner.inventory;

import dev.provisioner.Secret;
import dev.provisioner.inventory.InventoryBuilder.HostBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every non-secret string field of the inventory, with a value that is valid on its own, is refused
 * as soon as an injection payload is appended to it (or a '-' prepended): line breaks that would add a
 * systemd directive or a config key, shell metacharacters, control and invisible characters. The
 * error names the field. The unmodified value is accepted, so each refusal is caused by the payload.
 */
class InjectionRefusalTest {
    private static final List<String> PAYLOADS = List.of("\nExecStartPre=/bin/id", "\rx", "\u2028x", "\u0085x", "\u0000",
            "\u001b[2J", "\u202ex", "\u200bx", ";id", "&&id", "|id", "$(id)", "${HOME}", "`id`", ">x", "<x", "'x'", "\"x\"",
            "\\x", "*", "?", "!x", "(x)", "{x}");

    /** Field (YAML path without the host index) and a valid value. */
    private record Field(String path, String valid) {}

    private static final List<Field> FIELDS = List.of(
            new Field("host.name", "master"), new Field("host.address", "10.4.4.4"), new Field("host.internalAddress", "10.4.4.4"),
            new Field("host.user", "deploy"), new Field("host.auth.keyFile", "/keys/id_ed25519"), new Field("host.sudo", "passwordless"),
            new Field("host.roles", "master"), new Field("host.labels.disktype", "ssd"), new Field("host.labels", "disktype"),
            new Field("host.overrides.transport", "sshj"), new Field("host.overrides.flannelIface", "eth1"),
            new Field("host.bastion.address", "jump.example.com"), new Field("host.bastion.user", "jump"),
            new Field("host.bastion.auth.keyFile", "/keys/jump"),
            new Field("cluster.name", "corpus"), new Field("cluster.versions.kubernetes", "1.34.0"), new Field("cluster.versions.etcd", "3.6.5"),
            new Field("cluster.versions.flannel", "0.27.4"), new Field("cluster.versions.containerd", "2.1.3"),
            new Field("cluster.network.podCidr", "172.30.0.0/16"),
            new Field("cluster.network.backend", "vxlan"), new Field("cluster.network.etcdPrefix", "/coreos.com/network"),
            new Field("cluster.serviceCidr", "10.96.0.0/12"), new Field("cluster.clusterDns", "10.96.0.10"),
            new Field("cluster.clusterDomain", "cluster.local"), new Field("cluster.registry.host", "registry"),
            new Field("cluster.registry.auth.user", "pusher"), new Field("cluster.containerRuntime", "containerd"),
            new Field("cluster.install.default", "binaries"), new Field("cluster.install.etcd", "packages"),
            new Field("cluster.install.artifactsDir", "/srv/artifacts"), new Field("cluster.proxy.http", "http://proxy.example.com:3128"),
            new Field("cluster.proxy.https", "http://proxy.example.com:3128"), new Field("cluster.proxy.noProxy", "example.com"),
            new Field("cluster.ssh.transport", "sshj"), new Field("cluster.ssh.knownHosts", "/keys/known_hosts"),
            new Field("cluster.ssh.hostKeyPolicy", "strict"));

    @Test
    void everyStringFieldRefusesEveryPayloadAndNamesTheField() {
        List<String> accepted = new ArrayList<>();
        for (Field f : FIELDS) {
            assertThat(errors(f, f.valid())).as(f.path() + " with its valid value").isEmpty();
            List<String> values = new ArrayList<>(PAYLOADS.stream().map(p -> f.valid() + p).toList());
            values.add("-" + f.valid());
            values.add("--" + f.valid());
            for (String v : values) {
                List<ValidationProblem> errors = errors(f, v);
                if (errors.stream().noneMatch(e -> e.path().startsWith(expectedPath(f)))) {
                    accepted.add(f.path() + " = " + Complaint.show(v) + " -> " + errors);
                }
            }
        }
        assertThat(accepted).as("values that passed validation").isEmpty();
    }

    private static String expectedPath(Field f) {
        return f.path().startsWith("host.") ? "hosts[0]." + f.path().substring(5) : f.path();
    }

    private static List<ValidationProblem> errors(Field f, String value) {
        boolean host = f.path().startsWith("host.");
        InventoryBuilder b = Inventory.builder().env(name -> null).baseDirectory(Path.of("/work/inv")).clusterName("corpus")
                .host("master", h -> {
                    h.address("10.4.4.4").roles(Role.MASTER, Role.NODE).keyFile(Path.of("/keys/id"));
                    if (host) {
                        setHost(h, f.path().substring(5), value);
                    }
                })
                .host("registry", h -> h.address("10.4.4.8").roles(Role.REGISTRY).keyFile(Path.of("/keys/id")));
        if (!host) {
            setCluster(b, f.path(), value);
        }
        InventoryException e = catchThrowableOfType(InventoryException.class, b::build);
        return e == null ? List.of() : e.errors();
    }

    private static void setHost(HostBuilder h, String field, String value) {
        switch (field) {
            case "labels" -> h.label(value, "ssd");
            case "labels.disktype" -> h.label("disktype", value);
            case "roles" -> h.set("roles", List.of(value, "node"));
            case "sudo" -> h.user("deploy").set("sudo", value);
            case "auth.keyFile" -> h.set("auth", Map.of("keyFile", value));
            case "bastion.user", "bastion.auth.keyFile" -> h.set("bastion.address", "jump.example.com").set(field, value);
            default -> h.set(field, value);
        }
    }

    private static void setCluster(InventoryBuilder b, String path, String value) {
        switch (path) {
            case "cluster.proxy.noProxy" -> b.set("cluster.proxy.http", "http://proxy.example.com:3128").set(path, List.of(value));
            case "cluster.registry.auth.user" -> b.set("cluster.registry.auth", Map.of("user", value, "password", Secret.of("x")));
            default -> b.set(path, value);
        }
    }
}
