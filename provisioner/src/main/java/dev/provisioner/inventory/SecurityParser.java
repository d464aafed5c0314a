package dev.provisioner.inventory;

import dev.provisioner.cis.CisChecker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code cluster.apiEndpoint}, {@code cluster.masters}, {@code cluster.encryption} and
 * {@code cluster.cis}; every problem names its file, line and field.
 */
final class SecurityParser {
    static final Set<String> API_ENDPOINT_KEYS = Fields.keys("address", "port");
    static final Set<String> MASTERS_KEYS = Fields.keys("schedulable");
    static final Set<String> ENCRYPTION_KEYS = Fields.keys("keys");
    static final Set<String> CIS_KEYS = Fields.keys("exceptions");
    static final Set<String> EXCEPTION_KEYS = Fields.keys("check", "reason");
    private static final Pattern KEY = Pattern.compile("(secretbox|aescbc):([a-z0-9][a-z0-9-]{0,31})");

    private final Problems problems;

    SecurityParser(Problems problems) {
        this.problems = problems;
    }

    SecuritySettings parse(Fields c) {
        Optional<ApiEndpoint> endpoint = Optional.empty();
        if (c.has("apiEndpoint")) {
            Fields e = c.mapping("apiEndpoint", API_ENDPOINT_KEYS);
            e.require("address", "add the load balancer's address or DNS name, e.g. address: k8s-api.example.com");
            String address = e.text("address", Syntax.ADDRESS, null);
            Integer port = e.integer("port", ApiEndpoint.DEFAULT_PORT, 1, 65535);
            endpoint = address == null || port == null ? Optional.empty() : Optional.of(new ApiEndpoint(address, port));
        }
        Boolean schedulable = c.mapping("masters", MASTERS_KEYS).bool("schedulable", false);
        return new SecuritySettings(endpoint, Boolean.TRUE.equals(schedulable),
                keys(c.mapping("encryption", ENCRYPTION_KEYS)), exceptions(c.mapping("cis", CIS_KEYS)));
    }

    private List<EncryptionKeyRef> keys(Fields enc) {
        List<String> raw = enc.list("keys", v -> KEY.matcher(v).matches() ? null : new Complaint(
                Complaint.show(v) + " is not provider:name", "write secretbox:NAME (or aescbc:NAME for an old key kept readable), NAME in [a-z0-9-]"));
        if (raw == null) {
            return List.of();
        }
        String path = enc.pathOf("keys");
        if (enc.raw("keys") instanceof Tree.Sequence seq && seq.items().isEmpty()) {
            problems.errorAt(path, "no encryption key listed", "list at least one key, e.g. [secretbox:key1]");
        }
        List<EncryptionKeyRef> keys = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String v : raw) {
            Matcher m = KEY.matcher(v);
            m.matches();
            EncryptionKeyRef ref = new EncryptionKeyRef(EncryptionKeyRef.Provider.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2));
            if (seen.putIfAbsent(ref.name(), keys.size()) != null) {
                problems.errorAt(path + "[" + keys.size() + "]", "key name '" + ref.name() + "' is listed twice",
                        "give every key its own name");
            }
            keys.add(ref);
        }
        if (!keys.isEmpty() && keys.get(0).provider() != EncryptionKeyRef.Provider.SECRETBOX) {
            problems.errorAt(path + "[0]", "the first key encrypts new Secrets and must be a secretbox key, not " + keys.get(0),
                    "put a secretbox key first; aescbc keys may only follow, to keep old Secrets readable");
        }
        return keys;
    }

    private List<CisException> exceptions(Fields cis) {
        Tree t = cis.raw("exceptions");
        if (t == null) {
            return List.of();
        }
        String path = cis.pathOf("exceptions");
        if (!(t instanceof Tree.Sequence seq)) {
            problems.error(path, t.location(), "expected a list, found " + Values.describe(t),
                    "write one '- check: ID' item with a reason per accepted exception");
            return List.of();
        }
        Set<String> known = Set.copyOf(new CisChecker().checkIds());
        List<CisException> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Fields item = Fields.open(seq.items().get(i), path + "[" + i + "]", EXCEPTION_KEYS, problems);
            item.require("check", "name the CIS check, e.g. check: \"1.2.16\"");
            item.require("reason", "say why the cluster runs without this check");
            String check = item.text("check", v -> known.contains(v) ? null : new Complaint(
                    "unknown CIS check " + Complaint.show(v), "use an id `provisioner cis` prints, e.g. \"1.2.16\" (quoted)"), null);
            String reason = item.text("reason", v -> v.isBlank() ? new Complaint("the reason is empty", "say why the check is accepted") : null, null);
            if (check != null && seen.putIfAbsent(check, i) != null) {
                problems.errorAt(item.pathOf("check"), "check " + check + " is listed twice", "keep one entry per check");
            }
            if (check != null && reason != null) {
                out.add(new CisException(check, reason));
            }
        }
        return out;
    }
}
