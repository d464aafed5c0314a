/**
 * The CLI's JSON lines ({@code --json}), layer "events -> report" of the flow seen from outside: explicit,
 * versioned data-transfer records written with Jackson, so renaming a Java field never changes the format.
 * Every line carries {@code "schema":}{@value dev.provisioner.cli.json.JsonLines#SCHEMA}; the format is
 * documented in docs/json-output.md.
 *
 * <p>Place in the flow: events -> report, as the command line prints them. Layer: command line.
 */
package dev.provisioner.cli.json;
