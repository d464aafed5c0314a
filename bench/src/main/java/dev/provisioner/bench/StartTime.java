package dev.provisioner.bench;

/**
 * How long a command line takes to start and print its version.
 *
 * @param command what was run
 * @param seconds wall seconds over the repetitions
 */
record StartTime(String command, Stats seconds) {
}
