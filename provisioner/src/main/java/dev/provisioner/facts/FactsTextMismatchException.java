package dev.provisioner.facts;

/**
 * A file's content, sent as text lines by {@link FactsScript#text(FactsQuery)}, does not match the
 * checksum the host computed: bytes a shell line cannot carry (NUL, invalid UTF-8) or a file that
 * changed between hashing and reading. The caller asks again with {@link FactsScript#base64Command(FactsQuery)}.
 */
public final class FactsTextMismatchException extends FactsException {
    private final String path;

    public FactsTextMismatchException(String host, String path) {
        super(host, "the text of " + path + " does not match its checksum; asking again with Base64");
        this.path = path;
    }

    /** The file whose text did not match. */
    public String path() {
        return path;
    }
}
