package dev.provisioner.images;

import java.util.Objects;

/**
 * An image reference split the way registries and containerd read it: {@code registry.k8s.io/pause:3.10} is
 * registry {@code registry.k8s.io}, repository {@code pause}, tag {@code 3.10}; a name without a registry is on
 * {@code docker.io}, and a one-part Docker Hub name is under {@code library/}.
 *
 * @param registry   upstream registry host, e.g. {@code registry.k8s.io}, {@code docker.io}
 * @param repository repository path on it
 * @param tag        tag
 */
public record ImageName(String registry, String repository, String tag) {
    public ImageName {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
    }

    /** Parses {@code [registry/]path[:tag]} (digests are not accepted: the private registry is filled by tag). */
    public static ImageName parse(String reference) {
        if (reference.contains("@")) {
            throw new IllegalArgumentException("image " + reference + ": references by digest are not supported here; use a tag");
        }
        String rest = reference;
        String registry = "docker.io";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = "latest";
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (registry.equals("docker.io") && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (rest.isEmpty() || tag.isEmpty()) {
            throw new IllegalArgumentException("image " + reference + " is not a valid image reference");
        }
        return new ImageName(registry, rest, tag);
    }

    /**
     * The repository in the private registry that mirrors this image: the upstream registry's name, then the
     * upstream path ({@code registry.k8s.io/pause}), which is where containerd asks for it through the mirror's
     * {@code hosts.toml} ({@code /v2/registry.k8s.io/pause/...}).
     */
    public String mirrorRepository() {
        return registry + "/" + repository;
    }

    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag;
    }
}
