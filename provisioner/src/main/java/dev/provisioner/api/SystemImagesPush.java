package dev.provisioner.api;

import dev.provisioner.component.ComponentContext;
import dev.provisioner.component.registry.RegistryPush;
import dev.provisioner.images.RegistryPusher;

import dev.provisioner.images.ClusterImages;
import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;
import dev.provisioner.pki.ClusterPki;
import dev.provisioner.pki.PkiNames;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * After a successful apply: the OCI archives of the run's images folder ({@code images/} of the bundle or artifacts
 * directory) pushed into the inventory's registry with {@link ClusterImages}, so nodes pull the cluster's images
 * through their registry mirrors. A push that fails is added to the report as a failure of the registry host.
 */
final class SystemImagesPush {
    private SystemImagesPush() {
    }

    static ProvisionReport after(ProvisionReport report, Inventory inv, ComponentContext context, Optional<Path> artifactsDirectory,
                                 Set<String> limitHosts) {
        Optional<Host> registry = inv.view().registryHost();
        Optional<Path> images = artifactsDirectory.map(d -> d.resolve("images")).filter(Files::isDirectory);
        if (!report.ok() || registry.isEmpty() || images.isEmpty()
                || !limitHosts.isEmpty() && !limitHosts.contains(registry.get().name())) {
            return report;
        }
        Path ca = ClusterPki.pkiDirectory(context.stateDirectory()).resolve(PkiNames.CA + ".crt");
        try {
            RegistryPush push = RegistryPush.of(context);
            ClusterImages.push(inv, Optional.of(ca).filter(Files::isRegularFile), images.get(),
                    RegistryPush.port(inv.cluster().registry()),
                    Optional.of(new RegistryPusher.Credentials(push.user(), push.password())));
            return report;
        } catch (IOException | RuntimeException e) {
            List<StepFailure> failures = new ArrayList<>(report.failures());
            failures.add(new StepFailure(registry.get().name(), "registry", "push-images",
                    "push the cluster's images from " + images.get(), -1, "", registry.get().name()
                    + ": the cluster's images could not be pushed into the registry: " + e.getMessage()));
            return new ProvisionReport(report.mode(), report.hosts(), failures, report.duration());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report;
        }
    }
}
