package dev.provisioner.facts;

/** The host's package manager, detected by the facts script. */
public enum PackageManager {
    APT, DNF, YUM, UNKNOWN
}
