package dev.provisioner.facts;

import java.util.Locale;

/** Distribution families whose package names and file layouts differ. */
public enum OsFamily {
    /** Debian, Ubuntu and derivatives. */
    DEBIAN,
    /** RHEL, CentOS, Rocky, Alma, Fedora. */
    RHEL,
    OTHER;

    /** From os-release {@code ID} and {@code ID_LIKE}. */
    public static OsFamily of(String id, String idLike) {
        String all = (id + " " + idLike).toLowerCase(Locale.ROOT);
        if (all.matches(".*\\b(debian|ubuntu)\\b.*")) {
            return DEBIAN;
        }
        if (all.matches(".*\\b(rhel|centos|fedora|rocky|almalinux)\\b.*")) {
            return RHEL;
        }
        return OTHER;
    }
}
