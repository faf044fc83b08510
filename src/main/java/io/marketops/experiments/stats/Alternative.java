package io.marketops.experiments.stats;

/** The frequentist alternative hypothesis. */
public enum Alternative {
    TWO_SIDED,
    /** The treatment is better (higher). */
    GREATER,
    /** The treatment is lower. */
    LESS
}
