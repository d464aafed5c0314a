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

    /** The shell lines that install the packages non-interactively, keeping our config files. */
    public String script() {
        String names = String.join(" ", packages.stream().map(Command::quote).toList());
        return switch (manager) {
            case APT -> "export DEBIAN_FRONTEND=noninteractive\n"
                    + "apt-get -q update\n"
                    + "apt-get -q install -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "
                    + names;
            case DNF -> "dnf -q install -y " + names;
            case YUM -> "yum -q install -y " + names;
            case UNKNOWN -> throw new IllegalStateException("unreachable");
        };
    }
}
