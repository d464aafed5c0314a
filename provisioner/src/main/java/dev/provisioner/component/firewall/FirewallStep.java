package dev.provisioner.component.firewall;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.FileProbe;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Opens the host's {@link FirewallPorts} in the firewall that is active on it, read from the files
 * each tool keeps its state in (no extra round trip):
 * <ul>
 *   <li>ufw, enabled in {@value #UFW_CONF}: a port is open when {@value #UFW_RULES} has its
 *       {@code ### tuple ### allow} line; missing ones are added with {@code ufw allow PORT/PROTO}.</li>
 *   <li>firewalld, its unit active: a port is open when the default zone's file
 *       {@value #FIREWALLD_ZONES}ZONE.xml lists it; missing ones are added permanently and loaded with
 *       {@code firewall-cmd --reload}. A default zone other than {@code public} (the distributions'
 *       default) fails the plan on that host, naming the command to run.</li>
 * </ul>
 * Neither active: nothing to do. The firewall is never enabled or disabled here.
 */
final class FirewallStep implements Step {
    static final String UFW_CONF = "/etc/ufw/ufw.conf";
    static final String UFW_RULES = "/etc/ufw/user.rules";
    static final String FIREWALLD_UNIT = "firewalld.service";
    static final String FIREWALLD_CONF = "/etc/firewalld/firewalld.conf";
    static final String FIREWALLD_ZONES = "/etc/firewalld/zones/";
    static final String ZONE = "public";
    private static final Pattern DEFAULT_ZONE = Pattern.compile("(?m)^\\s*DefaultZone\\s*=\\s*(\\S+)\\s*$");

    @Override
    public String name() {
        return "open-ports";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.file(UFW_CONF, FileProbe.content()).and(FactsQuery.file(UFW_RULES, FileProbe.content()))
                .and(FactsQuery.units(FIREWALLD_UNIT)).and(FactsQuery.file(FIREWALLD_CONF, FileProbe.content()))
                .and(FactsQuery.file(FIREWALLD_ZONES + ZONE + ".xml", FileProbe.content()));
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        HostFacts facts = ctx.facts().orElseThrow();
        List<FirewallPort> ports = FirewallPorts.of(ctx.inventory(), ctx.host());
        if (ports.isEmpty()) {
            return StepOutcome.converged("no cluster ports on this host");
        }
        if (ufwEnabled(facts)) {
            String rules = facts.file(UFW_RULES).text().orElse("");
            List<FirewallPort> missing = ports.stream().filter(p -> !ufwHas(rules, p)).toList();
            if (missing.isEmpty()) {
                return StepOutcome.converged("ufw allows " + list(ports, FirewallPort::ufw));
            }
            String script = missing.stream().map(p -> "ufw allow " + p.ufw() + " comment " + Command.quote("provisioner: " + p.why()))
                    .collect(Collectors.joining("\n")) + "\n";
            return StepOutcome.of(List.of(RunCommand.of("open " + list(missing, FirewallPort::ufw) + " in ufw", script)), "");
        }
        if (facts.unit(FIREWALLD_UNIT).isActive()) {
            String zone = defaultZone(facts);
            if (!zone.equals(ZONE)) {
                throw new IllegalStateException("firewalld's default zone on " + ctx.host().name() + " is '" + zone
                        + "', not 'public': open the cluster ports there yourself: firewall-cmd --permanent --zone=" + zone + " "
                        + ports.stream().map(p -> "--add-port=" + p.firewalld()).collect(Collectors.joining(" "))
                        + " && firewall-cmd --reload");
            }
            String xml = facts.file(FIREWALLD_ZONES + ZONE + ".xml").text().orElse("");
            List<FirewallPort> missing = ports.stream().filter(p -> !firewalldHas(xml, p)).toList();
            if (missing.isEmpty()) {
                return StepOutcome.converged("firewalld (zone public) allows " + list(ports, FirewallPort::firewalld));
            }
            String script = "firewall-cmd -q --permanent --zone=" + ZONE + " "
                    + missing.stream().map(p -> "--add-port=" + p.firewalld()).collect(Collectors.joining(" "))
                    + "\nfirewall-cmd -q --reload\n";
            return StepOutcome.of(List.of(RunCommand.of("open " + list(missing, FirewallPort::firewalld) + " in firewalld", script)), "");
        }
        return StepOutcome.converged("no host firewall active (ufw, firewalld)");
    }

    static boolean ufwEnabled(HostFacts facts) {
        return facts.file(UFW_CONF).text().map(t -> t.lines().anyMatch(l -> l.strip().equals("ENABLED=yes"))).orElse(false);
    }

    /** Whether user.rules has ufw's line for an IPv4 allow rule from anywhere to {@code p} (with or without a comment). */
    static boolean ufwHas(String rules, FirewallPort p) {
        String port = p.from() == p.to() ? Integer.toString(p.from()) : p.from() + ":" + p.to();
        String tuple = "### tuple ### allow " + p.protocol() + " " + port + " 0.0.0.0/0 any 0.0.0.0/0 in";
        return rules.lines().map(String::strip).anyMatch(l -> l.equals(tuple) || l.startsWith(tuple + " comment="));
    }

    static String defaultZone(HostFacts facts) {
        Matcher m = DEFAULT_ZONE.matcher(facts.file(FIREWALLD_CONF).text().orElse(""));
        return m.find() ? m.group(1) : ZONE;
    }

    static boolean firewalldHas(String zoneXml, FirewallPort p) {
        String port = p.from() == p.to() ? Integer.toString(p.from()) : p.from() + "-" + p.to();
        return Pattern.compile("<port\\s+(?:protocol=\"" + p.protocol() + "\"\\s+port=\"" + port + "\"|port=\"" + port
                + "\"\\s+protocol=\"" + p.protocol() + "\")\\s*/>").matcher(zoneXml).find();
    }

    private static String list(List<FirewallPort> ports, java.util.function.Function<FirewallPort, String> form) {
        return ports.stream().map(form).collect(Collectors.joining(", "));
    }
}
