package io.marketops.experiments.stats;

/**
 * @param alpha      significance level, 0 < α < 1 (0.05 = 95% confidence)
 * @param sequential always-valid confidence sequences, so looking at results every day is safe
 * @param tuning     the confidence sequence's tuning parameter N* (gbstats default 5000): the
 *                   total sample size at which the sequence is tightest
 */
public record FrequentistSettings(Difference difference, Alternative alternative, double alpha, boolean sequential, double tuning) {
    public static final double DEFAULT_TUNING = 5000;

    public FrequentistSettings {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        if (!(tuning > 0)) throw new IllegalArgumentException("the sequential tuning parameter must be positive, was " + tuning);
    }

    public static FrequentistSettings twoSided(Difference difference) {
        return new FrequentistSettings(difference, Alternative.TWO_SIDED, 0.05, false, DEFAULT_TUNING);
    }

    public FrequentistSettings withAlternative(Alternative a) {
        return new FrequentistSettings(difference, a, alpha, sequential, tuning);
    }

    public FrequentistSettings withSequential(double newTuning) {
        return new FrequentistSettings(difference, alternative, alpha, true, newTuning);
    }

    public FrequentistSettings withAlpha(double newAlpha) {
        return new FrequentistSettings(difference, alternative, newAlpha, sequential, tuning);
    }
}
