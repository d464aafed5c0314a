package dev.provisioner.artifacts;

/**
 * A release file's SHA-256 differs from the expected one. The file is refused: nothing is returned,
 * nothing stays in the cache.
 */
public class ChecksumMismatchException extends ArtifactException {
    private final String expected;
    private final String actual;

    /**
     * @param what     the file or URL that was checked
     * @param expected the expected hex SHA-256
     * @param actual   the hex SHA-256 of the bytes received
     * @param source   where {@code expected} came from
     */
    public ChecksumMismatchException(String what, String expected, String actual, ChecksumSource source) {
        super("SHA-256 mismatch for " + what + ": expected " + expected + " (from "
                + source.description() + "), got " + actual
                + "; the file is refused and nothing was installed");
        this.expected = expected;
        this.actual = actual;
    }

    /** The expected hex SHA-256. */
    public String expected() {
        return expected;
    }

    /** The hex SHA-256 of the bytes actually seen. */
    public String actual() {
        return actual;
    }
}
