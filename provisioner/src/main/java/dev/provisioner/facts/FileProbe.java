package dev.provisioner.facts;

/**
 * What the facts script reports about one path.
 *
 * @param detail         how much to report
 * @param expectedSha256 the desired content's checksum; with {@link Detail#CONTENT_IF_DIFFERENT} the
 *                       content travels only when the file differs from it (so a converged host
 *                       sends checksums, not files)
 */
public record FileProbe(Detail detail, String expectedSha256) {
    public enum Detail {
        /** Checksum, mode, owner and group only (binaries, keys, files whose diff is never shown). */
        METADATA,
        /** Also the content, but only when the checksum differs from the expected one (for a diff). */
        CONTENT_IF_DIFFERENT,
        /** Always the content (files merged with what is there, such as /etc/hosts). */
        CONTENT
    }

    public FileProbe {
        expectedSha256 = expectedSha256 == null ? "" : expectedSha256;
    }

    public static FileProbe metadata() {
        return new FileProbe(Detail.METADATA, "");
    }

    public static FileProbe diffAgainst(String sha256) {
        return new FileProbe(Detail.CONTENT_IF_DIFFERENT, sha256);
    }

    public static FileProbe content() {
        return new FileProbe(Detail.CONTENT, "");
    }

    /** The stronger of two probes of the same path (two steps may manage one path). */
    FileProbe merge(FileProbe other) {
        if (detail == Detail.CONTENT || other.detail == Detail.CONTENT) {
            return content();
        }
        if (detail == Detail.CONTENT_IF_DIFFERENT && other.detail == Detail.CONTENT_IF_DIFFERENT
                && !expectedSha256.equals(other.expectedSha256)) {
            return content();
        }
        return detail == Detail.CONTENT_IF_DIFFERENT ? this : other;
    }
}
