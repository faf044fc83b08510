package io.marketops.experiments.stats;

/** How a treatment is compared with the control. */
public enum Difference {
    /** mean(b) − mean(a), in the metric's unit. */
    ABSOLUTE,
    /** (mean(b) − mean(a)) / |mean(a)|: 0.05 means +5%. */
    RELATIVE
}
