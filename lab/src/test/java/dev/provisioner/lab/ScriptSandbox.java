package dev.provisioner.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A machine state for the lab scripts, made of PATH stand-ins: the scripts run for real (bash, their
 * own decisions), but {@code docker}, {@code apt-get}, {@code debootstrap}, {@code sudo}, {@code id},
 * {@code chroot} and {@code mount} are small scripts that record their arguments in a log and answer
 * as the machine being modelled would. Stand-ins, because the test must not install packages, build
 * images or need a registry; every other command is the real one, found through a PATH that holds
 * only the tools the scripts use (so a real apt-get or debootstrap of the test machine is invisible).
 */
final class ScriptSandbox {
    private static final List<String> REAL_TOOLS = List.of("bash", "sh", "cat", "grep", "awk", "head", "mktemp", "rm", "mkdir",
            "ln", "tr", "timeout", "tar", "cp", "env", "dirname", "seq", "sleep", "chmod", "touch", "tail", "true", "false", "nohup");
    private final Path dir;
    private final Path stubs;
    private final Path log;

    ScriptSandbox(Path dir) throws IOException {
        this.dir = dir;
        this.stubs = Files.createDirectories(dir.resolve("stubs"));
        this.log = dir.resolve("calls.log");
        Files.writeString(log, "");
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String t : REAL_TOOLS) {
            for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                if (Files.isExecutable(Path.of(d, t))) {
                    Files.createSymbolicLink(tools.resolve(t), Path.of(d, t));
                    break;
                }
            }
        }
        Files.createDirectories(dir.resolve("debootstrap/scripts"));
        for (String d : List.of("etc/ssh/sshd_config.d", "etc/systemd/system/multi-user.target.wants", "etc/apt/apt.conf.d", "proc")) {
            Files.createDirectories(dir.resolve("base").resolve(d));
        }
        stub("id", "case \"$1\" in -u) echo ${SANDBOX_UID:-0} ;; -un) echo sandboxuser ;; *) echo uid=${SANDBOX_UID:-0} ;; esac");
        stub("sudo", "log sudo \"$@\"; [ \"$1\" = -n ] && shift; [ -e \"$SANDBOX/sudo-denied\" ] && exit 1; exec \"$@\"");
        stub("chroot", "log chroot \"$@\"");
        stub("mount", "log mount \"$@\"");
        stub("umount", "log umount \"$@\"");
    }

    /** A stand-in for {@code name}; {@code body} may call {@code log ARGS...} to record a call. */
    void stub(String name, String body) throws IOException {
        Path p = stubs.resolve(name);
        Files.writeString(p, "#!/bin/bash\nlog() { printf '%s\\n' \"$*\" >> \"$SANDBOX/calls.log\"; }\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The Docker engine: {@code answers} for docker info; no registry (pull fails); {@code localImages} exist. */
    void docker(boolean answers, String... localImages) throws IOException {
        String images = String.join(" ", localImages);
        stub("docker", """
                log docker "$@"
                case "$1" in
                  info) %s ;;
                  version) echo 20.10.24 ;;
                  pull) exit 1 ;;
                  image) for i in %s; do [ "${@: -1}" = "$i" ] && exit 0; done; exit 1 ;;
                  import) cat > /dev/null ;;
                  create) echo cid ;;
                  export) tar -C "$SANDBOX/base" -cf - . ;;
                  build|rm) ;;
                esac
                """.formatted(answers ? "exit 0" : "exit 1", images));
    }

    /** debootstrap installed now ({@code true}) or as the package apt-get can install. */
    void debootstrap(boolean installed) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(pkg.resolve("debootstrap"), """
                #!/bin/bash
                printf '%s\\n' "debootstrap $*" >> "$SANDBOX/calls.log"
                root=${@: -2:1}
                cp -r "$SANDBOX/base/." "$root/"
                """);
        Files.setPosixFilePermissions(pkg.resolve("debootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        if (installed) {
            install();
        }
    }

    private void install() throws IOException {
        Files.copy(dir.resolve("pkg/debootstrap"), stubs.resolve("debootstrap"));
        Files.setPosixFilePermissions(stubs.resolve("debootstrap"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("debootstrap/scripts/bookworm"), "");
        Files.writeString(dir.resolve("debootstrap/scripts/trixie"), "");
    }

    /** apt-get that works: installing debootstrap puts it on the PATH. */
    void aptGet() throws IOException {
        debootstrap(false);
        stub("apt-get", """
                log apt-get "$@"
                case " $* " in *" install "*debootstrap*)
                  cp "$SANDBOX/pkg/debootstrap" "$SANDBOX/stubs/debootstrap"
                  touch "$SANDBOX/debootstrap/scripts/bookworm" "$SANDBOX/debootstrap/scripts/trixie" ;;
                esac
                case " $* " in *" install "*docker.io*) cp "$SANDBOX/pkg/docker" "$SANDBOX/pkg/dockerd" "$SANDBOX/stubs/" ;; esac
                """);
    }

    /**
     * No Docker at all until apt-get installs docker.io; its engine answers once dockerd was started
     * (no systemd on the machine, as in CI).
     */
    void dockerPackage() throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(pkg.resolve("docker"), """
                #!/bin/bash
                printf '%s\\n' "docker $*" >> "$SANDBOX/calls.log"
                case "$1" in info|version) [ -e "$SANDBOX/dockerd-running" ] ;; *) exit 1 ;; esac
                """);
        Files.writeString(pkg.resolve("dockerd"), """
                #!/bin/bash
                printf '%s\\n' "dockerd $*" >> "$SANDBOX/calls.log"
                touch "$SANDBOX/dockerd-running"
                """);
        for (String f : List.of("docker", "dockerd")) {
            Files.setPosixFilePermissions(pkg.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** A Fedora-like machine: dnf, no apt-get. */
    void dnf() throws IOException {
        stub("dnf", "log dnf \"$@\"; exit 1");
    }

    void runAsUser() throws IOException {
        Files.writeString(dir.resolve("uid"), "1000");
    }

    void denySudo() throws IOException {
        Files.writeString(dir.resolve("sudo-denied"), "");
    }

    /** Runs {@code script} (a file of the lab folder) with {@code args}; the result carries its exit code, stderr and the calls. */
    Result run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(dir.resolve("tools/bash").toString(),
                Path.of(script).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", stubs + ":" + dir.resolve("tools"));
        env.put("SANDBOX", dir.toString());
        env.put("SANDBOX_UID", Files.exists(dir.resolve("uid")) ? Files.readString(dir.resolve("uid")) : "0");
        env.put("DEBOOTSTRAP_DIR", dir.resolve("debootstrap").toString());
        env.put("LAB_SBIN", dir.resolve("sbin").toString());
        env.put("TMPDIR", dir.toString());
        env.put("DEBIAN_MIRROR", "http://mirror.example/debian");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        return new Result(code, err, Files.readString(log));
    }

    record Result(int exitCode, String stderr, String calls) {
    }
}
