package dev.provisioner.bench;

/** The benchmark cannot go on (a run failed or did not do what the scenario requires). */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }
}
