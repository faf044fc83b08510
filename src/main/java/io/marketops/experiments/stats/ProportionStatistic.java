package io.marketops.experiments.stats;

/**
 * A binomial metric: n users of whom {@code sum} converted. Variance is p(1 − p) (the
 * population form, as gbstats uses it), and each user's squared value equals the value.
 */
public record ProportionStatistic(long n, double sum) implements MetricStatistic {
    public ProportionStatistic {
        if (n < 0) throw new IllegalArgumentException("n must not be negative, was " + n);
        if (sum < 0 || sum > n) throw new IllegalArgumentException("converted users must be between 0 and n (" + n + "), was " + sum);
    }

    @Override
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public double variance() {
        double p = mean();
        return p * (1 - p);
    }

    @Override
    public double sumSquares() {
        return sum;
    }
}
