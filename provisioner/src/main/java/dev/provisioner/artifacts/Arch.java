package dev.provisioner.artifacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** CPU architectures release files are published for, named as Kubernetes and Go name them. */
public enum Arch {
    AMD64("amd64"),
    ARM64("arm64");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    /** The name used in release file names and URLs: {@code amd64}, {@code arm64}. */
    public String id() {
        return id;
    }

    /**
     * Parses {@code amd64}/{@code arm64}, also accepting the kernel's {@code x86_64} and {@code aarch64}.
     *
     * @throws ArtifactException for any other name, listing the known ones
     */
    public static Arch parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "amd64", "x86_64" -> {
                return AMD64;
            }
            case "arm64", "aarch64" -> {
                return ARM64;
            }
            default -> throw new ArtifactException("unknown architecture '" + name + "'; known: "
                    + Arrays.stream(values()).map(Arch::id).collect(Collectors.joining(", ")));
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
