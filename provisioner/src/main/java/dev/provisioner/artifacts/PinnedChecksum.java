package dev.provisioner.artifacts;

import java.util.regex.Pattern;

/**
 * A SHA-256 read from a public repository that pins it.
 *
 * @param component catalogue component name
 * @param version   version without a leading {@code v}
 * @param arch      architecture
 * @param sha256    64 lower-case hex digits of the release file
 * @param source    the catalogue's id of the repository and path the value was read from
 */
record PinnedChecksum(String component, String version, Arch arch, String sha256, String source) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public PinnedChecksum {
        if (sha256 == null || !HEX64.matcher(sha256).matches()) {
            throw new ArtifactException("checksum of " + component + " " + version + " " + arch
                    + " is not 64 lower-case hex digits: " + sha256);
        }
    }

    static boolean isSha256(String text) {
        return text != null && HEX64.matcher(text).matches();
    }
}
