package dev.provisioner.step;

import dev.provisioner.facts.PackageManager;
import dev.provisioner.transport.Command;

import java.util.List;

/**
 * Install OS packages with the host's package manager (chosen from its facts).
 *
 * @param packages packages that are missing
 * @param manager  apt, dnf or yum
 */
public record InstallPackages(List<String> packages, PackageManager manager) implements Action {
    public InstallPackages {
        packages = List.copyOf(packages);
        if (manager == PackageManager.UNKNOWN) {
            throw new IllegalArgumentException("no supported package manager (apt, dnf, yum) on the host");
        }
    }

    @Override
    public String describe() {
        return "install packages " + String.join(" ", packages) + " (" + manager.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public Stage stage() {
        return Stage.PACKAGES;
    }

    /** How old the apt package index may be before an install refreshes it first (a day, like a daily apt timer). */
    public static final int INDEX_MAX_AGE_MINUTES = 24 * 60;

    /**
     * How long apt waits for the dpkg lock another apt holds (on a fresh VM, the daily apt timer or
     * unattended-upgrades often does) instead of failing at once with "Could not get lock".
     */
    public static final String APT_LOCK_WAIT = "-o DPkg::Lock::Timeout=600";

    /** The shell lines that install the packages non-interactively, keeping our config files. */
    public String script() {
        String names = String.join(" ", packages.stream().map(Command::quote).toList());
        return switch (manager) {
            case APT -> {
                String install = "apt-get -q " + APT_LOCK_WAIT
                        + " install -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold " + names;
                // The index is refreshed when it is older than a day (or missing), and once more when the
                // install fails on it (a package or version it does not know yet, a file the mirror replaced).
                yield "export DEBIAN_FRONTEND=noninteractive\n"
                        + "if [ -z \"$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -" + INDEX_MAX_AGE_MINUTES
                        + " 2>/dev/null | head -n 1)\" ]; then apt-get -q " + APT_LOCK_WAIT + " update; fi\n"
                        + install + " || { apt-get -q " + APT_LOCK_WAIT + " update && " + install + "; }";
            }
            case DNF -> "dnf -q install -y " + names;
            case YUM -> "yum -q install -y " + names;
            case UNKNOWN -> throw new IllegalStateException("unreachable");
        };
    }
}
