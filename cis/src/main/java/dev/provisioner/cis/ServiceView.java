package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component's systemd service as rendered on a host: its unit, drop-ins ({@code <unit>.d/*.conf})
 * and EnvironmentFiles, the environment the process would get, and its argv after systemd's
 * variable expansion.
 *
 * @param unitPath   the unit file
 * @param specFiles  unit, drop-ins and rendered EnvironmentFiles (the "pod specification" files)
 * @param argv       executable and arguments of the effective {@code ExecStart=}
 * @param env        process environment from {@code Environment=} and EnvironmentFiles
 * @param envOrigin  where each variable was set
 * @param problems   why systemd would not start the service as rendered (empty when fine)
 */
record ServiceView(String unitPath, List<RenderedFile> specFiles, List<String> argv, Map<String, String> env,
                   Map<String, String> envOrigin, List<String> problems) {

    ServiceView {
        specFiles = List.copyOf(specFiles);
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        envOrigin = Map.copyOf(envOrigin);
        problems = List.copyOf(problems);
    }

    /** Reads the service whose unit, at {@code unitPath}, is rendered on {@code host}. */
    static ServiceView resolve(RenderedHost host, String unitPath) {
        RenderedFile unit = host.file(unitPath).orElseThrow();
        List<RenderedFile> parts = new ArrayList<>();
        parts.add(unit);
        host.under(unitPath + ".d").stream().filter(f -> !f.directory() && f.path().endsWith(".conf"))
                .sorted(Comparator.comparing(f -> f.path().substring(f.path().lastIndexOf('/') + 1)))
                .forEach(parts::add);
        List<String> execStart = new ArrayList<>();
        List<String> environment = new ArrayList<>();
        List<String> environmentFiles = new ArrayList<>();
        for (RenderedFile part : parts) {
            UnitFile parsed = UnitFile.parse(part.text());
            assign(execStart, parsed.values("Service", "ExecStart"));
            assign(environment, parsed.values("Service", "Environment"));
            assign(environmentFiles, parsed.values("Service", "EnvironmentFile"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (String value : environment) {
            for (SystemdWords.Word w : SystemdWords.split(value)) {
                int eq = w.text().indexOf('=');
                if (eq > 0) {
                    env.put(w.text().substring(0, eq), w.text().substring(eq + 1));
                    origin.put(w.text().substring(0, eq), "Environment= in " + unitPath);
                }
            }
        }
        List<RenderedFile> specFiles = new ArrayList<>(parts);
        for (String value : environmentFiles) {
            boolean optional = value.startsWith("-");
            String path = optional ? value.substring(1) : value;
            var file = host.file(path);
            if (file.isPresent()) {
                specFiles.add(file.get());
                EnvironmentFile.parse(file.get().text()).forEach((k, v) -> {
                    env.put(k, v);
                    origin.put(k, "EnvironmentFile " + path);
                });
            } else if (!optional) {
                problems.add("EnvironmentFile " + path + " of " + unitPath + " is not rendered (systemd would not start the service)");
            }
        }
        List<String> argv = List.of();
        if (execStart.isEmpty()) {
            problems.add(unitPath + " has no ExecStart=");
        } else {
            if (execStart.size() > 1) {
                problems.add(unitPath + " has " + execStart.size() + " ExecStart= lines; the last one is checked");
            }
            argv = SystemdWords.command(execStart.get(execStart.size() - 1), env);
        }
        return new ServiceView(unitPath, specFiles, argv, env, origin, problems);
    }

    // systemd list semantics: an empty assignment clears what came before.
    private static void assign(List<String> target, List<String> values) {
        for (String v : values) {
            if (v.isEmpty()) {
                target.clear();
            } else {
                target.add(v);
            }
        }
    }

    /** The value of {@code flag} read exactly (last occurrence), if set. */
    Optional<String> flag(String flag) {
        Lookup l = FlagReading.EXACT.flag(argv, flag, true);
        return l.found() ? Optional.of(l.value()) : Optional.empty();
    }
}
