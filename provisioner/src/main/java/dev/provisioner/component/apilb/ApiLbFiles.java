package dev.provisioner.component.apilb;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.component.kube.KubeCluster;
import dev.provisioner.component.kube.KubePaths;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.Credential;
import dev.provisioner.pki.HostPaths;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.template.TemplateRenderer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The load balancer's files: {@value #CONFIG} and the health-check client's certificate and key. Pure. */
public final class ApiLbFiles {
    public static final String PACKAGE = "haproxy";
    public static final String UNIT = "haproxy.service";
    public static final String CONFIG = "/etc/haproxy/haproxy.cfg";
    /** Certificate then key, as haproxy's {@code crt} wants them; 0600 root (haproxy reads it before dropping privileges). */
    public static final String CHECK_PEM = "/etc/haproxy/apiserver-healthcheck.pem";
    /** The name every API server certificate carries, checked by the health check ({@code verifyhost}). */
    static final String VERIFY_HOST = "kubernetes";

    private ApiLbFiles() {
    }

    public static List<DesiredFile> files(TemplateRenderer templates, Inventory inventory, Credential checkClient) {
        return List.of(config(templates, inventory), checkPem(checkClient));
    }

    static DesiredFile config(TemplateRenderer templates, Inventory inventory) {
        List<Map<String, Object>> servers = new ArrayList<>();
        for (Host m : inventory.view().masters()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", m.name());
            s.put("address", hostPort(m.internalAddress(), KubePaths.SECURE_PORT));
            servers.add(s);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("bind", hostPort(KubeCluster.LOCAL_PROXY_ADDRESS, KubePaths.SECURE_PORT));
        model.put("servers", servers);
        model.put("caFile", HostPaths.CA_CERT);
        model.put("checkPem", CHECK_PEM);
        model.put("verifyHost", VERIFY_HOST);
        return DesiredFile.text(CONFIG, templates.render("apilb/haproxy.cfg.ftl", model)).withMode(0644);
    }

    static DesiredFile checkPem(Credential client) {
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        pem.writeBytes(client.certificatePem());
        pem.writeBytes(client.privateKeyPem());
        return DesiredFile.text(CHECK_PEM, pem.toString(java.nio.charset.StandardCharsets.US_ASCII)).withMode(0600).asSensitive();
    }

    static String hostPort(String address, int port) {
        return HostPorts.of(address, port);
    }
}
