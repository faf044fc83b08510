/**
 * The statistics engine: pure Java, no Spring, no I/O. It matches GrowthBook's stats engine
 * (gbstats) on its published test values; the formulas are written out in
 * {@code docs/modules/experiments.md}. Other modules may use it (e.g. reports) through this
 * named interface.
 */
@org.springframework.modulith.NamedInterface("stats")
package io.marketops.experiments.stats;
