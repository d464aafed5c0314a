package dev.provisioner.lab;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a lab lives.
 *
 * @param name        lab name; container names are {@code provisioner-<name>-<host>}
 * @param image       lab image (systemd + sshd)
 * @param os          the Debian release the image is built from when it does not exist yet
 * @param stateDir    directory for the lab's SSH key and known_hosts (created 0700)
 * @param inventory   the inventory file written for the lab
 * @param scriptsDir  the checkout's {@code lab/} folder with ensure-docker.sh and build-image.sh,
 *                    or null when the engine and image must already exist
 * @param docker      the docker command
 */
public record LabSettings(String name, String image, LabOs os, Path stateDir, Path inventory, Path scriptsDir, String docker) {
    public LabSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(inventory, "inventory");
        docker = docker == null ? "docker" : docker;
        if (!name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("lab name must be lowercase letters, digits and '-': " + name);
        }
    }

    /** A lab on the default OS ({@link LabOs#BOOKWORM}). */
    public LabSettings(String name, String image, Path stateDir, Path inventory, Path scriptsDir, String docker) {
        this(name, image, LabOs.BOOKWORM, stateDir, inventory, scriptsDir, docker);
    }

    /**
     * The same lab on {@code os} ({@code null}: unchanged). The image becomes that OS's image unless
     * another image than the default one was chosen.
     */
    public LabSettings withOs(LabOs os) {
        if (os == null) {
            return this;
        }
        String img = image.equals(this.os.image()) ? os.image() : image;
        return new LabSettings(name, img, os, stateDir, inventory, scriptsDir, docker);
    }

    /** The defaults of a checkout: lab {@code lab}, state in {@code .provisioner/lab}, inventory {@code inventories/lab.yaml}. */
    public static LabSettings inCheckout(Path checkout) {
        return new LabSettings("lab", LabOs.BOOKWORM.image(), LabOs.BOOKWORM, checkout.resolve(".provisioner/lab"),
                checkout.resolve("inventories/lab.yaml"), checkout.resolve("lab"), "docker");
    }

    public String containerName(String host) {
        return "provisioner-" + name + "-" + host;
    }
}
