package io.marketops.experiments;

/**
 * One arm of an experiment; the first variant of an experiment is the control.
 *
 * @param key    stable id used in assignments and exposures ({@code control}, {@code b} …)
 * @param weight share of traffic, relative to the other variants' weights
 */
public record Variant(String key, String name, double weight) {
}
