package dev.provisioner.cis;

/**
 * Whether a setting was found, and its value as kube-bench would compare it.
 *
 * @param found whether the setting is present
 * @param value its value ({@code true} for a bare boolean flag), empty when not found
 */
record Lookup(boolean found, String value) {
    static final Lookup NONE = new Lookup(false, "");

    static Lookup of(String value) {
        return new Lookup(true, value);
    }
}
