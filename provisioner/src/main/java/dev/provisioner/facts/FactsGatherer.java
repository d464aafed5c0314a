package dev.provisioner.facts;

import dev.provisioner.transport.CommandResult;
import dev.provisioner.transport.Connection;

/** Runs the facts script on a connection: exactly one round trip. */
final class FactsGatherer {
    private FactsGatherer() {
    }

    /**
     * @throws FactsException when the script fails or its output cannot be parsed
     */
    public static HostFacts gather(String host, Connection connection, FactsQuery query) {
        CommandResult r = connection.run(FactsScript.command(query));
        if (!r.ok()) {
            throw new FactsException(host, "the facts script exited " + r.exitCode() + ": " + r.tail(5));
        }
        try {
            return FactsParser.parse(host, r.stdout(), query);
        } catch (FactsTextMismatchException notText) {
            CommandResult again = connection.run(FactsScript.base64Command(query));
            if (!again.ok()) {
                throw new FactsException(host, "the facts script exited " + again.exitCode() + ": " + again.tail(5));
            }
            return FactsParser.parse(host, again.stdout(), query);
        }
    }
}
