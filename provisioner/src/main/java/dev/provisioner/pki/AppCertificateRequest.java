package dev.provisioner.pki;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A serving certificate for an application in the cluster, e.g. the Services document's nginx
 * ({@code --name my-nginx}). Its SANs are the Service's DNS names ({@code name}, {@code name.namespace},
 * {@code name.namespace.svc}, {@code name.namespace.svc.<clusterDomain>}) plus {@code extraSans}
 * (IP literals become IP SANs, anything else DNS SANs).
 *
 * @param name      the Service name and certificate CN: a DNS-1123 subdomain
 * @param namespace the Service's namespace (default {@code default})
 * @param extraSans more names or addresses
 */
public record AppCertificateRequest(String name, String namespace, List<String> extraSans) {
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public AppCertificateRequest {
        Objects.requireNonNull(name, "name");
        namespace = namespace == null ? "default" : namespace;
        extraSans = extraSans == null ? List.of() : List.copyOf(extraSans);
        if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("certificate name '" + name + "' must be a lower-case DNS name "
                    + "(letters, digits, '-', '.'), like a Service name");
        }
        if (namespace.length() > 63 || !LABEL.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace '" + namespace + "' must be a lower-case DNS label");
        }
        for (String san : extraSans) {
            if (san.isBlank() || san.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '/')) {
                throw new IllegalArgumentException("'" + san + "' is not a DNS name or IP address");
            }
        }
    }

    /** A request for {@code name} in namespace {@code default} with no extra names. */
    public static AppCertificateRequest of(String name) {
        return new AppCertificateRequest(name, "default", List.of());
    }
}
