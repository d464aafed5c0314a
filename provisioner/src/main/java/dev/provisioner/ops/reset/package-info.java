/**
 * Day-2: takes away from hosts what applies installed there, from each host's own record ({@code
 * HostReset}), under the run lock.
 *
 * <p>Place in the flow: actions -> report. Layer: day-2 operations.
 */
package dev.provisioner.ops.reset;
