package dev.provisioner.engine;

import java.util.List;

/**
 * What one soak round did and found ({@link SoakLabRun}); one element of the results file.
 *
 * @param round          1-based round number
 * @param fault          the fault injected
 * @param host           the host it was injected on
 * @param detail         what exactly was done
 * @param drift          the managed file hand-changed before the run (the run's work), as {@code host:path}
 * @param hitMidRun      for a mid-run fault: the faulted CLI was still running when the fault was injected
 * @param faultedExit    controller-kill rounds: the CLI process's exit code (137, killed); other rounds, whose apply runs
 *                       through the library in the soak's JVM: its number of failures (0: the run succeeded despite the fault)
 * @param faultedSeconds how long the faulted run took
 * @param faultedSummary the faulted run's last output lines (its error or summary)
 * @param lockFreeSeconds after a controller kill: seconds until every host's run lock was free again (else -1)
 * @param samples        managed-file samples taken during the faulted run and the converging apply
 * @param torn           samples whose content was neither the old nor the new version ({@code host:path sha})
 * @param convergeOk     the converging apply after healing had no failure
 * @param convergeErrors its failures, if any
 * @param planChanges    steps the plan after it would change (must be 0)
 * @param filesAsWanted  every managed file on every host has its desired content after the converge
 * @param leftovers      temporary files left on hosts after the converge
 * @param etcdKeys       keys the test has written so far that etcd still returns
 * @param etcdKeysWanted keys the test has written so far
 * @param seconds        the whole round
 * @param passed         every check of the round held
 */
record SoakRound(int round, SoakFault fault, String host, String detail, String drift, boolean hitMidRun, int faultedExit,
                 double faultedSeconds, String faultedSummary, double lockFreeSeconds, int samples, List<String> torn,
                 boolean convergeOk, List<String> convergeErrors, int planChanges, boolean filesAsWanted,
                 List<String> leftovers, int etcdKeys, int etcdKeysWanted, double seconds, boolean passed) {
}
