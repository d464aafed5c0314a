package dev.provisioner.ops.check;

import dev.provisioner.inventory.Host;
import dev.provisioner.inventory.Inventory;

import java.time.Duration;
import java.util.List;

/**
 * A read-only health probe: a small strategy object with a shell script, a timeout and a parser.
 * The runner batches every probe of a host into one script (one round trip), runs each under
 * {@code timeout}, and hands each probe its own section of the output. A timed-out or not-installed
 * section never reaches {@link #parse}: the runner reports it for every host in {@link #about},
 * naming {@link #describe what was probed}.
 */
public interface Probe {
    /** The PROBE column: {@code etcd}, {@code registry-http}, {@code node-ready}, ... */
    String name();

    /** Where the script runs; empty when the inventory has nothing to probe. */
    List<Host> runsOn(Inventory inventory);

    /** The hosts the results are about when the script runs on {@code host} (default: that host). */
    default List<Host> about(Inventory inventory, Host host) {
        return List.of(host);
    }

    /** What is probed, for messages: {@code "etcdctl endpoint health https://10.4.4.4:2379"}. */
    String describe(Inventory inventory, Host host);

    /** How long the script may run on one host. */
    Duration timeout();

    /** The POSIX shell script (run as root, {@link ProbeScripts#PRELUDE} helpers available). */
    String script(Inventory inventory, Host host);

    /** Results for every host in {@link #about} from a section that neither timed out nor was not installed. */
    List<ProbeResult> parse(Inventory inventory, Host host, ProbeOutput output);

    /** A last look at this probe's results with every other result known (default: unchanged). */
    default List<ProbeResult> reconcile(List<ProbeResult> mine, List<ProbeResult> all) {
        return mine;
    }
}
