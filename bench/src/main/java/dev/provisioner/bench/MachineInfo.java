package dev.provisioner.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine the results came from: cores, memory, Java, kernel, load, Docker. */
final class MachineInfo {
    private MachineInfo() {
    }

    static String describe() {
        StringBuilder s = new StringBuilder();
        s.append("$ nproc\n").append(run("nproc"))
         .append("$ free -g\n").append(run("free", "-g"))
         .append("$ java -version\n").append(run("java", "-version"))
         .append("$ uname -srm\n").append(run("uname", "-srm"))
         .append("$ cat /proc/loadavg\n").append(run("cat", "/proc/loadavg"))
         .append("$ docker version --format '{{.Server.Version}}'\n").append(run("docker", "version", "--format", "{{.Server.Version}}"));
        return s.toString();
    }

    /** The load average and the number of running containers (other users of the same cores). */
    static String load() {
        return "load average (1, 5, 15 min): " + run("cat", "/proc/loadavg").strip()
                + "; running containers: " + run("sh", "-c", "docker ps -q | wc -l").strip() + "\n";
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.endsWith("\n") ? out : out + "\n";
        } catch (IOException e) {
            return "(not available: " + e.getMessage() + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }
}
