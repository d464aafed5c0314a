/**
 * The library's front door: {@link dev.provisioner.api.Provisioner} runs every operation (render,
 * plan, apply, check, run, reset, upgrade, etcd and node removal), reports with one report and status
 * vocabulary, and classifies every failure with {@link dev.provisioner.api.FailureKind}. New
 * signatures here use only JDK types and this package's own types.
 *
 * <p>Place in the flow: the two ends of the flow inventory -> model -> plan -> facts -> actions ->
 * events -> report: it takes the inventory in and hands events and the report out. Layer: top;
 * nothing in the library refers to it.
 */
package dev.provisioner.api;
