package dev.provisioner.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Every file a plan would write, computed without contacting any host.
 *
 * @param files in plan order, hosts in inventory order
 * @since 0.1
 */
public record RenderReport(List<RenderedFile> files) {
    public RenderReport {
        files = List.copyOf(files);
    }

    public List<RenderedFile> files(String host) {
        return files.stream().filter(f -> f.host().equals(host)).toList();
    }

    /**
     * Writes each file to {@code dir/<host>/<absolute path>} as {@link RenderOutput} does (folders 0700,
     * sensitive files 0600 from creation, no symbolic links followed), into an empty or new {@code dir}.
     *
     * @return the written paths
     */
    public List<Path> writeTo(Path dir) {
        return RenderOutput.write(this, dir, RenderOutput.Options.defaults());
    }
}
