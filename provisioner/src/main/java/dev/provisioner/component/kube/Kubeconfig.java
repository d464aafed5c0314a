package dev.provisioner.component.kube;

import dev.provisioner.pki.Credential;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.template.TemplateRenderer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A kubeconfig with the cluster CA and a client certificate and key embedded (as kubeadm writes them),
 * 0600 root:root and sensitive: it holds a private key (CIS 1.1.13-1.1.18, 4.1.3-4.1.6).
 */
final class Kubeconfig {
    private Kubeconfig() {
    }

    /**
     * @param path    where it goes on the host
     * @param cluster cluster name
     * @param server  API server URL
     * @param user    user name in the file (the certificate's CN)
     * @param client  the client certificate and key
     * @param caPem   the cluster CA certificate
     */
    public static DesiredFile file(TemplateRenderer templates, String path, String cluster, String server, String user,
                                   Credential client, byte[] caPem) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", cluster);
        model.put("server", server);
        model.put("user", user);
        model.put("caData", b64(caPem));
        model.put("certData", b64(client.certificatePem()));
        model.put("keyData", b64(client.privateKeyPem()));
        String text = templates.render("kube/kubeconfig.yaml.ftl", model);
        return DesiredFile.text(path, text).withMode(0600).asSensitive();
    }

    private static String b64(byte[] pem) {
        return Base64.getEncoder().encodeToString(new String(pem, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII));
    }
}
