package dev.provisioner.lab;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The lab's SSH client key: an ed25519 key pair in OpenSSH format, made once with BouncyCastle and
 * kept in the lab's state directory (private key 0600), reused by every {@code lab up}.
 */
final class LabKeys {
    private LabKeys() {
    }

    /** Returns the private key path, creating the pair when it does not exist yet. */
    static Path ensure(Path dir) {
        Path key = dir.resolve("id_ed25519");
        Path pub = dir.resolve("id_ed25519.pub");
        if (Files.exists(key) && Files.exists(pub)) {
            return key;
        }
        Ed25519KeyPairGenerator gen = new Ed25519KeyPairGenerator();
        gen.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        try {
            byte[] privateBlob = OpenSSHPrivateKeyUtil.encodePrivateKey((Ed25519PrivateKeyParameters) pair.getPrivate());
            byte[] publicBlob = OpenSSHPublicKeyUtil.encodePublicKey((Ed25519PublicKeyParameters) pair.getPublic());
            StringWriter pem = new StringWriter();
            try (PemWriter w = new PemWriter(pem)) {
                w.writeObject(new PemObject("OPENSSH PRIVATE KEY", privateBlob));
            }
            StateFiles.writePrivate(key, pem.toString().getBytes(StandardCharsets.UTF_8));
            StateFiles.write(pub, ("ssh-ed25519 " + Base64.getEncoder().encodeToString(publicBlob) + " provisioner-lab\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException("cannot write the lab key in " + dir + ": " + e.getMessage(), e);
        }
        return key;
    }

    static String publicKey(Path privateKey) {
        try {
            return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub"));
        } catch (IOException e) {
            throw new LabException("cannot read the lab public key: " + e.getMessage(), e);
        }
    }
}
