package dev.provisioner.component.registry;

import dev.provisioner.inventory.HostPorts;
import dev.provisioner.inventory.RegistrySettings;
import dev.provisioner.step.DesiredFile;
import dev.provisioner.step.StepContext;
import dev.provisioner.transport.Command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the registry's files for one host. Pure. Two processes of the distribution's registry share
 * one storage directory: the package's unit serves pulls on {@code <internal address>:<port>}, read-only
 * and without credentials (nodes need none); our unit {@value RegistryLayout#PUSH_UNIT} serves pushes on
 * {@code <internal address>:<port + 1>}, every request authenticated against the htpasswd file.
 * Distribution 2.8's htpasswd auth covers every request of a process alike (no read-only users), so
 * splitting the endpoints is how anonymous pulls and password-only pushes coexist. Neither deletes.
 */
final class RegistryFiles {
    private final StepContext ctx;
    private final RegistryLayout layout;
    private final Optional<RegistryTls> tls;
    private final RegistryPush push;

    RegistryFiles(StepContext ctx, Optional<RegistryTls> tls, RegistryPush push) {
        this.ctx = ctx;
        this.layout = RegistryLayout.of(ctx.osFamily());
        this.tls = tls;
        this.push = push;
    }

    RegistryLayout layout() {
        return layout;
    }

    RegistrySettings settings() {
        return ctx.inventory().cluster().registry();
    }

    private String address(int port) {
        String a = ctx.host().internalAddress();
        return HostPorts.of(a, port);
    }

    String pullAddress() {
        return address(settings().port());
    }

    String pushAddress() {
        return address(RegistryPush.port(settings()));
    }

    DesiredFile config() {
        return DesiredFile.text(layout.configPath(), ctx.templates().render("registry/config.yml.ftl", model(true)));
    }

    DesiredFile pushConfig() {
        return DesiredFile.text(layout.pushConfigPath(), ctx.templates().render("registry/config.yml.ftl", model(false)));
    }

    private Map<String, Object> model(boolean readOnly) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("cluster", ctx.inventory().cluster().name());
        model.put("logLevel", "info");
        model.put("service", readOnly ? "registry" : "registry-push");
        model.put("storageDir", layout.storageDir());
        model.put("readOnly", readOnly);
        model.put("addr", readOnly ? pullAddress() : pushAddress());
        model.put("pullAddr", pullAddress());
        model.put("pushAddr", pushAddress());
        tls.ifPresent(t -> model.put("tls", Map.of("certificate", t.certificatePath(), "key", t.keyPath())));
        if (!readOnly) {
            model.put("htpasswd", Map.of("realm", ctx.inventory().cluster().name() + "-registry-push", "path", layout.htpasswdPath()));
        }
        return model;
    }

    DesiredFile htpasswd(Htpasswd lines) {
        return new DesiredFile(layout.htpasswdPath(),
                lines.line(ctx.inventory().cluster().name()).getBytes(StandardCharsets.UTF_8),
                0640, "root", layout.user(), null, true, false);
    }

    DesiredFile dropIn() {
        String text = ctx.templates().render("registry/dropin.conf.ftl",
                Map.of("binary", layout.binary(), "configPath", layout.configPath()));
        return DesiredFile.text(layout.dropInPath(), text).asUnitFile();
    }

    DesiredFile pushUnit() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cluster", ctx.inventory().cluster().name());
        m.put("addr", pushAddress());
        m.put("binary", layout.binary());
        m.put("pullUnit", layout.unit());
        m.put("user", layout.user());
        m.put("configPath", layout.pushConfigPath());
        return DesiredFile.text(layout.pushUnitPath(), ctx.templates().render("registry/push.service.ftl", m)).asUnitFile();
    }

    /** Every file whose change needs a restart of the pull endpoint. */
    List<String> watched() {
        List<String> out = new ArrayList<>(List.of(layout.configPath(), layout.dropInPath()));
        tls.ifPresent(t -> {
            out.add(t.certificatePath());
            out.add(t.keyPath());
        });
        return out;
    }

    /** Every file whose change needs a restart of the push endpoint. */
    List<String> pushWatched() {
        List<String> out = new ArrayList<>(List.of(layout.pushConfigPath(), layout.pushUnitPath(), layout.htpasswdPath()));
        tls.ifPresent(t -> {
            out.add(t.certificatePath());
            out.add(t.keyPath());
        });
        return out;
    }

    private String url(String hostPort) {
        return (tls.isPresent() ? "https" : "http") + "://" + hostPort + "/v2/";
    }

    /** Both endpoints answer: the pull endpoint 200 without credentials, the push endpoint 401 without them. */
    String probeScript() {
        String curl = "curl -s -o /dev/null -w '%{http_code}' --max-time 5"
                + tls.flatMap(RegistryTls::caPath).map(ca -> " --cacert " + Command.quote(ca)).orElse("");
        return "pull=$(" + curl + " " + Command.quote(url(pullAddress())) + "); push=$(" + curl + " " + Command.quote(url(pushAddress()))
                + "); [ \"$pull\" = 200 ] && [ \"$push\" = 401 ]";
    }

    String probeName() {
        return "GET " + url(pullAddress()) + " answers 200 (anonymous pull) and " + url(pushAddress()) + " 401 (push needs the password)";
    }
}
