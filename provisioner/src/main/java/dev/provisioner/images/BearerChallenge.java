package dev.provisioner.images;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry's {@code WWW-Authenticate: Bearer realm="...",service="...",scope="..."} challenge, and the token URL
 * it implies for anonymous pulls: the challenge's scope when it names one (a host that registry.k8s.io redirects to
 * has its own repository names), else {@code repository:NAME:pull}.
 *
 * @param realm   the token service
 * @param service the {@code service} parameter, when given
 * @param scope   the {@code scope} parameter, when given
 */
record BearerChallenge(URI realm, Optional<String> service, Optional<String> scope) {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");

    /** Parses a Bearer challenge; empty for other schemes (Basic) or a challenge without a realm. */
    static Optional<BearerChallenge> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.substring(7));
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null || realm.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BearerChallenge(URI.create(realm), Optional.ofNullable(params.get("service")),
                Optional.ofNullable(params.get("scope"))));
    }

    /** The token request for pulling {@code repository} (the challenge's own scope when it has one). */
    URI tokenUri(String repository) {
        StringBuilder q = new StringBuilder();
        service.ifPresent(s -> q.append("service=").append(enc(s)).append('&'));
        q.append("scope=").append(enc(scope.orElse("repository:" + repository + ":pull")));
        String r = realm.toString();
        return URI.create(r + (realm.getRawQuery() == null ? "?" : "&") + q);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
