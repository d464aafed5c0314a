/**
 * The command line (picocli): each command loads the inventory, calls the library's facade, and prints
 * events and the report, mapping failure kinds to exit codes.
 *
 * <p>Place in the flow: the user's ends of the flow inventory -> model -> plan -> facts -> actions ->
 * events -> report: reads the inventory file, prints events and the report.
 */
package dev.provisioner.cli;
