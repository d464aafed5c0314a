package dev.provisioner.component.registry;

import dev.provisioner.inventory.RegistrySettings;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders the registry's files for one host. Pure. */
final class RegistryFiles {
    private final StepContext ctx;
    private final RegistryLayout layout;
    private final Optional<RegistryTls> tls;

    RegistryFiles(StepContext ctx, Optional<RegistryTls> tls) {
        this.ctx = ctx;
        this.layout = RegistryLayout.of(ctx.osFamily());
        this.tls = tls;
    }

    RegistryLayout layout() {
        return layout;
    }

    RegistrySettings settings() {
        return ctx.inventory().cluster().registry();
    }

    DesiredFile config() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", ctx.inventory().cluster().name());
        model.put("logLevel", "info");
        model.put("storageDir", layout.storageDir());
        model.put("port", settings().port());
        tls.ifPresent(t -> model.put("tls", Map.of("certificate", t.certificatePath(), "key", t.keyPath())));
        settings().auth().ifPresent(a -> model.put("htpasswd", Map.of("realm", ctx.inventory().cluster().name() + "-registry",
                "path", layout.htpasswdPath())));
        return DesiredFile.text(layout.configPath(), ctx.templates().render("registry/config.yml.ftl", model));
    }

    Optional<DesiredFile> htpasswd() {
        return settings().auth().map(a -> new DesiredFile(layout.htpasswdPath(),
                Htpasswd.line(a.user(), a.password(), ctx.inventory().cluster().name()).getBytes(StandardCharsets.UTF_8),
                0640, "root", layout.user(), null, true, false));
    }

    DesiredFile dropIn() {
        String text = ctx.templates().render("registry/dropin.conf.ftl",
                Map.of("binary", layout.binary(), "configPath", layout.configPath()));
        return DesiredFile.text(layout.dropInPath(), text).asUnitFile();
    }

    /** Every file whose change needs a restart. */
    List<String> watched() {
        List<String> out = new java.util.ArrayList<>(List.of(layout.configPath(), layout.dropInPath(), layout.htpasswdPath()));
        tls.ifPresent(t -> {
            out.add(t.certificatePath());
            out.add(t.keyPath());
        });
        return out;
    }

    /** The URL the health probe GETs. */
    String probeUrl() {
        String scheme = tls.isPresent() ? "https" : "http";
        return scheme + "://127.0.0.1:" + settings().port() + "/v2/";
    }

    String probeScript() {
        String curl = "curl -s -o /dev/null -w '%{http_code}' --max-time 5"
                + tls.flatMap(RegistryTls::caPath).map(ca -> " --cacert " + dev.provisioner.transport.Command.quote(ca)).orElse("")
                + " " + probeUrl();
        String ok = settings().auth().isPresent() ? "[ \"$code\" = 200 ] || [ \"$code\" = 401 ]" : "[ \"$code\" = 200 ]";
        return "code=$(" + curl + "); " + ok;
    }

    String probeName() {
        return "GET " + probeUrl() + " answers " + (settings().auth().isPresent() ? "200 or 401 (auth on)" : "200");
    }
}
