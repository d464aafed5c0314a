package dev.provisioner.bench;

import java.util.Map;
import java.util.Optional;

/**
 * What the table says about the lab hosts' own CPU beside the per-run column: how many cores the
 * hosts share with the controller, why the measurement is missing (when it is), and per host count
 * what the idle hosts spent over an interval as long as that count's no-op (the background the
 * per-run numbers include).
 *
 * @param cores       cores of the machine running the controller and every lab host
 * @param unavailable why the lab hosts' CPU could not be read, or empty
 * @param idle        host count -> idle hosts' CPU, for the counts where it was measured
 */
record LabCpu(int cores, Optional<String> unavailable, Map<Integer, Idle> idle) {
    LabCpu {
        idle = Map.copyOf(idle);
    }

    /**
     * The lab hosts' CPU while nothing ran.
     *
     * @param seconds   length of the idle interval
     * @param msPerHost CPU milliseconds per host over it (NaN when unreadable)
     */
    record Idle(double seconds, double msPerHost) {
    }
}
