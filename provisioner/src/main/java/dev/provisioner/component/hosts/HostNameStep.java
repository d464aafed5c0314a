package dev.provisioner.component.hosts;

import dev.provisioner.facts.FactsQuery;
import dev.provisioner.facts.HostFacts;
import dev.provisioner.step.RunCommand;
import dev.provisioner.step.Step;
import dev.provisioner.step.StepContext;
import dev.provisioner.step.StepOutcome;
import dev.provisioner.transport.Command;

import java.util.List;
import java.util.Optional;

/**
 * The host's name is its inventory name, as the kernel has it and in /etc/hostname (the kubelet registers the
 * Node under the host name, and a reboot reads the file). Both come from the facts script's system probe, so
 * this step asks for nothing more. /etc/hostname is rewritten in place (a container's is a bind mount that a
 * rename cannot replace, which is why {@code hostnamectl}, renaming the file, is not used); the running name is
 * set with {@code hostname}, or through /proc where that command is missing.
 */
public final class HostNameStep implements Step {
    @Override
    public String name() {
        return "hostname";
    }

    @Override
    public FactsQuery facts(StepContext ctx) {
        return FactsQuery.EMPTY;
    }

    @Override
    public StepOutcome plan(StepContext ctx) {
        String want = ctx.host().name();
        HostFacts facts = ctx.facts().orElseThrow();
        Optional<String> running = facts.system("hostname");
        Optional<String> file = facts.system("etchostname");
        if (running.isEmpty() || running.get().equals(want) && file.orElse(want).equals(want)) {
            return StepOutcome.converged("the host name is " + want);
        }
        String q = Command.quote(want);
        String script = "printf '%s\\n' " + q + " > /etc/hostname\n"
                + "hostname " + q + " 2>/dev/null || printf '%s' " + q + " > /proc/sys/kernel/hostname\n";
        String now = running.get() + (file.isPresent() && !file.get().equals(running.get()) ? ", /etc/hostname " + file.get() : "");
        return StepOutcome.of(List.of(RunCommand.of("set the host name to " + want + " (now " + now + ")", script)), "");
    }
}
