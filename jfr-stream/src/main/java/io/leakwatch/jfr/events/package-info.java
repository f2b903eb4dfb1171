/**
 * The custom JFR events Leakwatch writes into its recordings ({@code leakwatch.*}): heap inspections and their
 * histograms, reference-chain snapshots and verdicts. They let an offline analysis of the monitor's recording reach
 * the verdict the monitor reached, and let JMC or {@code jfr print} show them.
 */
package io.leakwatch.jfr.events;
