package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.List;

/** Resolves a {@link FileTarget} to the rendered entries a file check looks at on one host. */
final class FileTargets {
    private FileTargets() {}

    /**
     * The entries to check, and the required paths that are not rendered.
     *
     * @param entries what to check
     * @param missing required paths absent from the rendered output
     * @param what    what was looked for, for reports when nothing was found
     */
    record Resolution(List<RenderedFile> entries, List<String> missing, String what) {}

    static Resolution resolve(FileTarget target, KubeComponent component, boolean optional, HostContext ctx) {
        ComponentLayout layout = ctx.layout();
        RenderedHost host = ctx.host();
        return switch (target) {
            case UNIT -> new Resolution(ctx.service(component).specFiles(), List.of(), "unit files");
            case KUBECONFIG -> single(ctx.kubeconfigPath(component), optional, ctx);
            case CONFIG -> single(ctx.kubeletConfigPath(), optional, ctx);
            case CLIENT_CA -> single(ctx.kubeletClientCaPath(), optional, ctx);
            case DATA_DIR -> single(ctx.etcdDataDir(), optional, ctx);
            case CNI -> atLeastOne(host.under(layout.cniConfDir()).stream().filter(f -> !f.directory()).toList(),
                    optional, "CNI configuration files in " + layout.cniConfDir());
            case PKI -> {
                List<RenderedFile> all = new ArrayList<>();
                host.file(layout.pkiDir()).ifPresent(all::add);
                all.addAll(host.under(layout.pkiDir()));
                yield atLeastOne(all, optional, "entries in " + layout.pkiDir());
            }
            case PKI_CERTS -> atLeastOne(suffix(host, layout.pkiDir(), ".crt"), optional, "*.crt in " + layout.pkiDir());
            case PKI_KEYS -> atLeastOne(suffix(host, layout.pkiDir(), ".key"), optional, "*.key in " + layout.pkiDir());
            case ADMIN_KUBECONFIG -> {
                List<RenderedFile> found = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                List<String> paths = layout.adminKubeconfigs();
                for (int i = 0; i < paths.size(); i++) {
                    var f = host.file(paths.get(i));
                    if (f.isPresent()) {
                        found.add(f.get());
                    } else if (i == 0) {
                        missing.add(paths.get(i));
                    }
                }
                yield new Resolution(found, missing, "administrative kubeconfigs");
            }
        };
    }

    private static Resolution single(String path, boolean optional, HostContext ctx) {
        var f = ctx.host().file(path);
        if (f.isPresent()) {
            return new Resolution(List.of(f.get()), List.of(), path);
        }
        return new Resolution(List.of(), optional ? List.of() : List.of(path), path);
    }

    private static Resolution atLeastOne(List<RenderedFile> entries, boolean optional, String what) {
        return new Resolution(entries, entries.isEmpty() && !optional ? List.of(what) : List.of(), what);
    }

    private static List<RenderedFile> suffix(RenderedHost host, String dir, String suffix) {
        return host.under(dir).stream().filter(f -> !f.directory() && f.path().endsWith(suffix)).toList();
    }
}
