package dev.provisioner.component.prereq;

/**
 * Comments out the swap entries of an /etc/fstab text so swap stays off after a reboot (kubelet's
 * {@code failSwapOn} defaults to true). Every other line is kept byte for byte. Pure.
 */
final class Fstab {
    static final String MARK = "# disabled by provisioner (kubelet needs swap off): ";

    private Fstab() {
    }

    /** {@code text} with each active swap line commented out; unchanged when there is none. */
    static String withoutSwap(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(isSwap(line) ? MARK + line : line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** An uncommented entry whose type (third field) is swap. */
    static boolean isSwap(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return false;
        }
        String[] f = t.split("\\s+");
        return f.length >= 3 && f[2].equals("swap");
    }
}
