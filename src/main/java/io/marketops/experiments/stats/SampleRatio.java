package io.marketops.experiments.stats;

/**
 * Sample-ratio mismatch check: Pearson's chi-square of the users observed per variant against
 * the users expected from the traffic weights, with (variants − 1) degrees of freedom. A small
 * p-value (GrowthBook warns below 0.001) means assignment or tracking is broken and the
 * results must not be trusted.
 */
public final class SampleRatio {
    /** GrowthBook's default threshold for the SRM warning. */
    public static final double WARNING_THRESHOLD = 0.001;

    private SampleRatio() {
    }

    /**
     * @param users   users observed per variant
     * @param weights traffic weights in the same order; normalised to sum to 1; variants with
     *                weight 0 are left out of the statistic
     * @return the p-value; 1 when no user was observed
     */
    public static double pValue(long[] users, double[] weights) {
        if (users.length != weights.length) throw new IllegalArgumentException("one weight per variant is needed");
        if (users.length < 2) throw new IllegalArgumentException("at least two variants are needed");
        double total = 0, weightSum = 0;
        for (int i = 0; i < users.length; i++) {
            if (users[i] < 0) throw new IllegalArgumentException("users must not be negative");
            if (weights[i] < 0) throw new IllegalArgumentException("weights must not be negative");
            total += users[i];
            weightSum += weights[i];
        }
        if (total == 0) return 1;
        if (!(weightSum > 0)) throw new IllegalArgumentException("weights must not all be 0");
        double x = 0;
        for (int i = 0; i < users.length; i++) {
            if (weights[i] <= 0) continue;
            double expected = weights[i] / weightSum * total;
            x += Math.pow(users[i] - expected, 2) / expected;
        }
        return Distributions.chiSquareSurvival(x, users.length - 1);
    }

    /** Equal weights. */
    public static double pValue(long... users) {
        double[] w = new double[users.length];
        java.util.Arrays.fill(w, 1);
        return pValue(users, w);
    }
}
