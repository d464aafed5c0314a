package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a renderer produces for one host: its name, its inventory roles (lowercase, e.g.
 * {@code master}, {@code node}, {@code etcd}) and its files.
 *
 * @param name  host name as in the inventory
 * @param roles the host's roles
 * @param files rendered files and directories, at most one entry per path
 */
public record RenderedHost(String name, Set<String> roles, List<RenderedFile> files) {

    public RenderedHost {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
        files = List.copyOf(files);
        Map<String, RenderedFile> seen = new LinkedHashMap<>();
        for (RenderedFile f : files) {
            if (seen.put(f.path(), f) != null) {
                throw new IllegalArgumentException("host " + name + " lists " + f.path() + " twice");
            }
        }
    }

    /** The entry at {@code path}, if rendered. */
    public Optional<RenderedFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The entries strictly below directory {@code dir}, in path order. */
    public List<RenderedFile> under(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return files.stream().filter(f -> f.path().startsWith(prefix))
                .sorted((a, b) -> a.path().compareTo(b.path())).toList();
    }

    /** This host with {@code file} added, or replacing the entry at the same path. */
    public RenderedHost with(RenderedFile file) {
        List<RenderedFile> copy = new ArrayList<>(files.size() + 1);
        boolean replaced = false;
        for (RenderedFile f : files) {
            if (f.path().equals(file.path())) {
                copy.add(file);
                replaced = true;
            } else {
                copy.add(f);
            }
        }
        if (!replaced) {
            copy.add(file);
        }
        return new RenderedHost(name, roles, copy);
    }

    /** This host without the entry at {@code path}. */
    public RenderedHost without(String path) {
        return new RenderedHost(name, roles, files.stream().filter(f -> !f.path().equals(path)).toList());
    }
}
