package io.marketops.experiments.stats;

/**
 * A continuous metric (revenue per user, orders per user …) from n users, the sum of their
 * values and the sum of their squared values. Variance is the unbiased sample variance
 * (sum² − sum²/n)/(n − 1), and 0 when n ≤ 1.
 */
public record MeanStatistic(long n, double sum, double sumSquares) implements MetricStatistic {
    public MeanStatistic {
        if (n < 0) throw new IllegalArgumentException("n must not be negative, was " + n);
    }

    @Override
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public double variance() {
        if (n <= 1) return 0;
        return (sumSquares - sum * sum / n) / (n - 1);
    }
}
