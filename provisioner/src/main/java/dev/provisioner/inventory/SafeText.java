package dev.provisioner.inventory;

/**
 * The first check for every non-secret string: values end up in command lines, systemd units and
 * config files on the hosts, so control characters, line breaks (including the Unicode line and
 * paragraph separators), invisible formatting characters, shell metacharacters and a leading
 * {@code -} (read as an option) are refused before any other syntax rule runs.
 */
final class SafeText {
    /** Characters a shell treats specially, and quotes that would break a config file. */
    static final String SHELL_METACHARACTERS = ";&|$`<>\\'\"(){}*?!";

    private SafeText() {}

    static Complaint check(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return new Complaint(Complaint.show(value) + " contains a line break", "write the value on one line");
            }
            if (Character.isISOControl(c)) {
                return new Complaint(Complaint.show(value) + " contains the control character " + String.format("U+%04X", (int) c),
                        "remove the control character");
            }
            if (isInvisible(c)) {
                return new Complaint(Complaint.show(value) + " contains the invisible formatting character " + String.format("U+%04X", (int) c),
                        "remove it: it makes the value read differently from what the hosts receive");
            }
            if (SHELL_METACHARACTERS.indexOf(c) >= 0) {
                return new Complaint(Complaint.show(value) + " contains the shell metacharacter '" + c + "'",
                        "remove it: this value reaches a command line or a config file on the hosts");
            }
        }
        if (value.startsWith("-")) {
            return new Complaint(Complaint.show(value) + " starts with '-' and would be read as a command-line option",
                    "remove the leading '-'");
        }
        return null;
    }

    /** Zero-width and direction-changing characters (Unicode category Cf, e.g. U+200B, U+202E, U+FEFF) and line separators. */
    static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
