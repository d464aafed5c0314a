package dev.provisioner.transport.sshj;

import com.hierynomus.sshj.signature.SignatureEdDSA;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.signature.Signature;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.kex.Curve25519DH;

import javax.crypto.KeyAgreement;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Runs, once and with throwaway keys, the cryptography an sshj connection needs: the client configuration, the
 * curve25519 key exchange, the chacha20-poly1305 cipher, an Ed25519 signature and its check, SHA-256, and the
 * decoding of an ECDSA P-256 public key (sshj's known-hosts reader decodes every line's key, and pinned host keys
 * usually include one: about 45 ms of BouncyCastle's curve set-up on the connecting thread otherwise). In a fresh
 * JVM the first connection spends most of its time loading and first running that code (the CLI's one-host run:
 * about a fifth of its wall time); done on another thread while the caller checks its input, the connection
 * finds it ready. Touches no file and no network and keeps nothing: the keys are generated and dropped.
 */
public final class SshjWarmUp {
    private static final String CHACHA = "chacha20-poly1305@openssh.com";
    /** A throwaway ECDSA P-256 public key (made for this warm-up, its private half discarded), as a known-hosts line holds it. */
    private static final String ECDSA_P256 = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHkArXYfpJ3quH9M8YzWe7eCou8yUna9oIvXiIts9V793x9Ynp76ordHoibx92O1jB6nMliRseE4vFSvzh3wEnY=";

    private SshjWarmUp() {
    }

    /**
     * @return whether every step ran (a failure is only a missed warm-up: the connection reports its own errors)
     */
    public static boolean run() {
        try {
            DefaultConfig config = new DefaultConfig();
            new Curve25519DH().init(null, config.getRandomFactory());
            KeyPairGenerator x25519 = SecurityUtils.getKeyPairGenerator("X25519");
            KeyPair ours = x25519.generateKeyPair();
            KeyPair theirs = x25519.generateKeyPair();
            KeyAgreement agreement = SecurityUtils.getKeyAgreement("X25519");
            agreement.init(ours.getPrivate());
            agreement.doPhase(theirs.getPublic(), true);
            agreement.generateSecret();
            boolean cipher = false;
            for (Factory.Named<Cipher> f : config.getCipherFactories()) {
                if (CHACHA.equals(f.getName())) {
                    Cipher c = f.create();
                    c.init(Cipher.Mode.Encrypt, new byte[64], new byte[c.getIVSize()]);
                    byte[] packet = new byte[4 + 32 + c.getAuthenticationTagSize()];
                    c.setSequenceNumber(0);
                    c.updateAAD(packet, 0, 4);
                    c.update(packet, 4, 32);
                    cipher = true;
                }
            }
            KeyPair ed = SecurityUtils.getKeyPairGenerator("Ed25519").generateKeyPair();
            byte[] data = MessageDigest.getInstance("SHA-256").digest(new byte[64]);
            Signature signature = new SignatureEdDSA.Factory().create();
            signature.initSign(ed.getPrivate());
            signature.update(data);
            byte[] signed = signature.sign();
            signature.initVerify(ed.getPublic());
            signature.update(data);
            // as a server's host key signature arrives: the algorithm's name, then the signature
            byte[] blob = new Buffer.PlainBuffer().putString(signature.getSignatureName()).putBytes(signed).getCompactData();
            boolean ecdsa = new Buffer.PlainBuffer(Base64.getDecoder().decode(ECDSA_P256)).readPublicKey() != null;
            return cipher && ecdsa && signature.verify(blob);
        } catch (GeneralSecurityException | Buffer.BufferException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
