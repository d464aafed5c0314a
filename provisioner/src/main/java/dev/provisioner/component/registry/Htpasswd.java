package dev.provisioner.component.registry;

import dev.provisioner.Secret;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import javax.crypto.Mac;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * An htpasswd line with a bcrypt hash, as docker-distribution requires. The salt is derived from the
 * password, user and cluster (HMAC-SHA256), so the same inputs always give the same file: rendering
 * stays pure and a converged registry is not rewritten (and restarted) on every run. The password
 * itself never leaves this class; the file is marked sensitive, so no diff of it is ever shown.
 *
 * <p>One instance belongs to one plan and remembers the line per cluster name: bcrypt at cost 10 is
 * deliberately slow (about 0.1 to 0.3 s in a fresh JVM), and a run renders the file several times (the
 * CIS gate, the facts query, the plan).
 */
final class Htpasswd {
    private static final int COST = 10;

    private final RegistryPush push;
    private final Map<String, String> lines = new ConcurrentHashMap<>();

    Htpasswd(RegistryPush push) {
        this.push = push;
    }

    /** The line for {@code cluster}, computed once per instance. */
    String line(String cluster) {
        return lines.computeIfAbsent(cluster, c -> line(push.user(), push.password(), c));
    }

    static String line(String user, Secret password, String cluster) {
        byte[] salt = salt(user, password, cluster);
        String hash = OpenBSDBCrypt.generate("2y", password.reveal().toCharArray(), salt, COST);
        return user + ":" + hash + "\n";
    }

    private static byte[] salt(String user, Secret password, String cluster) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] d = mac.doFinal(("provisioner-registry-htpasswd\0" + user + "\0" + cluster).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(d, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
