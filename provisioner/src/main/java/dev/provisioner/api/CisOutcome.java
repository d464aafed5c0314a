package dev.provisioner.api;

import java.util.List;

/**
 * The CIS gate's verdict on the rendered configuration of every host ({@link Provisioner#cis()}).
 *
 * @param passed   no failing check without an accepted exception: plan, apply and upgrade may run
 * @param report   the full report, every check on every host, as text
 * @param accepted one line per failing check the inventory accepts, with its reason
 * @param refused  one line per failing check the inventory does not accept, with what to do
 * @since 0.1
 */
public record CisOutcome(boolean passed, String report, List<String> accepted, List<String> refused) {
    public CisOutcome {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
    }
}
