package dev.provisioner.api;

/**
 * One line of a {@link HealthReport}: one probe about one host.
 *
 * @param probe  what was probed ({@code connect}, {@code etcd}, {@code registry}, {@code apiserver}, ...)
 * @param host   inventory name of the host the probe is about
 * @param status how it came out
 * @param detail one line for people (masked)
 *
 * @since 0.1
 */
public record ProbeOutcome(String probe, String host, ProbeStatus status, String detail) {
    /** The probe that opens the connection: its failure means the host was not reached. */
    public static final String CONNECT = "connect";
}
