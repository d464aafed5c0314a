package dev.provisioner.cis;

import java.util.ArrayList;
import java.util.List;

/** Decides a {@link Rule.FileRule}: every resolved entry's mode within the bitmask, or its owner equal. */
final class FileCheck {
    private static final int LISTED = 3;

    private FileCheck() {}

    static CheckResult run(CheckDefinition def, Rule.FileRule rule, HostContext ctx) {
        FileTargets.Resolution res = FileTargets.resolve(rule.target(), def.component(), rule.optional(), ctx);
        String expected = rule.maxMode() != null
                ? "mode within " + Integer.toOctalString(rule.maxMode()) + " (no permission bit outside it)"
                : "owner " + rule.ownership();
        List<String> bad = new ArrayList<>();
        for (RenderedFile f : res.entries()) {
            if (!ok(rule, f)) {
                bad.add(show(rule, f));
            }
        }
        res.missing().forEach(m -> bad.add(m + " not rendered"));
        String host = ctx.host().name();
        if (!bad.isEmpty()) {
            return new CheckResult(host, def.id(), def.title(), def.failing(), String.join(", ", bad), expected, "");
        }
        String found;
        if (res.entries().isEmpty()) {
            found = "no " + res.what() + " on this host";
        } else if (res.entries().size() <= LISTED) {
            found = String.join(", ", res.entries().stream().map(f -> show(rule, f)).toList());
        } else {
            found = res.entries().size() + " " + res.what() + ", all " + (rule.maxMode() != null
                    ? "within " + Integer.toOctalString(rule.maxMode()) : "owned " + rule.ownership());
        }
        return new CheckResult(host, def.id(), def.title(), Status.PASS, found, expected, "");
    }

    private static boolean ok(Rule.FileRule rule, RenderedFile f) {
        return rule.maxMode() != null ? Bitmask.within(f.mode(), rule.maxMode()) : f.ownership().equals(rule.ownership());
    }

    private static String show(Rule.FileRule rule, RenderedFile f) {
        return (rule.maxMode() != null ? String.format("%04o", f.mode()) : f.ownership()) + " " + f.path();
    }
}
