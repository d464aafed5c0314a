package dev.provisioner.component.registry;

import dev.provisioner.Secret;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An htpasswd line with a bcrypt hash, as docker-distribution requires. The salt is derived from the
 * password, user and cluster (HMAC-SHA256), so the same inputs always give the same file: rendering
 * stays pure and a converged registry is not rewritten (and restarted) on every run. The password
 * itself never leaves this class; the file is marked sensitive, so no diff of it is ever shown.
 *
 * <p>One instance belongs to one plan and remembers the line per cluster name: bcrypt at cost 10 is
 * deliberately slow (about 0.1 to 0.3 s in a fresh JVM), and a run renders the file several times (the
 * CIS gate, the facts query, the plan). With a state directory, the line computed once is also kept there
 * ({@link HtpasswdCache}), so the next process reads it instead of running bcrypt again.
 */
final class Htpasswd {
    private static final int COST = 10;
    private static final String VERSION = "2y";

    private final RegistryPush push;
    private final Optional<HtpasswdCache> cache;
    private final Map<String, String> lines = new ConcurrentHashMap<>();

    Htpasswd(RegistryPush push) {
        this(push, Optional.empty());
    }

    /** @param stateDirectory where the computed line is kept for later processes ({@link HtpasswdCache}) */
    Htpasswd(RegistryPush push, Optional<Path> stateDirectory) {
        this.push = push;
        this.cache = stateDirectory.map(HtpasswdCache::new);
    }

    /** The line for {@code cluster}, computed once per instance (and read from the state directory when it has it). */
    String line(String cluster) {
        return lines.computeIfAbsent(cluster, this::cachedOrComputed);
    }

    private String cachedOrComputed(String cluster) {
        if (cache.isEmpty()) {
            return line(push.user(), push.password(), cluster);
        }
        String key = cacheKey(push.user(), push.password(), cluster);
        return cache.get().read(key, push.user()).orElseGet(() -> {
            String line = line(push.user(), push.password(), cluster);
            cache.get().write(key, line);
            return line;
        });
    }

    /**
     * The cache's key for these inputs: an HMAC-SHA256 keyed by the password of everything else the line depends on
     * (another domain than the salt's).
     */
    static String cacheKey(String user, Secret password, String cluster) {
        return HexFormat.of().formatHex(hmac(password, "provisioner-registry-htpasswd-cache\0" + user + "\0" + cluster
                + "\0" + VERSION + "\0" + COST));
    }

    static String line(String user, Secret password, String cluster) {
        byte[] salt = Arrays.copyOf(hmac(password, "provisioner-registry-htpasswd\0" + user + "\0" + cluster), 16);
        String hash = OpenBSDBCrypt.generate(VERSION, password.reveal().toCharArray(), salt, COST);
        return user + ":" + hash + "\n";
    }

    private static byte[] hmac(Secret password, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
